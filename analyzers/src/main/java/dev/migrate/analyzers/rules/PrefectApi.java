package dev.migrate.analyzers.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Facts about the public surface of Prefect 1.4.1, 2.20.25 and 3.8.3 (modules and names, CLI commands and
 * their options, settings), loaded from the extracted data under {@code prefect-api/}. Nothing here is
 * hand-written: the answers to "does X exist in Prefect 3" and "where did X move" come from the data.
 */
public final class PrefectApi {
    private static final String BASE = "/dev/migrate/analyzers/prefect-api/";

    private final Map<String, Set<String>> modules3;
    private final Map<String, Set<String>> modules2;
    private final Map<String, String> flatMoves;
    private final Set<String> migrationStubs;
    private final Map<Version, PrefectCli> cli = new HashMap<>();
    private final Set<String> settings2;
    private final Map<String, String> envToCanonical3;
    private final Map<String, String> accessor3 = new HashMap<>();
    /** Early 2.x packages the recorded 2.x surface lacks, with what became of each. */
    private final Map<String, String> early2 = new HashMap<>();

    /** The Prefect versions whose surface is recorded. */
    public enum Version {
        V1("1.4.1"), V2("2.20.25"), V3("3.8.3");

        private final String tag;

        Version(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }

    private PrefectApi() {
        ObjectMapper json = new ObjectMapper();
        modules3 = modules(read(json, "prefect-3.8.3-modules.json"));
        modules2 = modules(read(json, "prefect-2.20.25-modules.json"));
        JsonNode moved = read(json, "prefect-3-moved.json");
        flatMoves = new HashMap<>();
        moved.get("flat").fields().forEachRemaining(e -> flatMoves.put(e.getKey(), e.getValue().asText()));
        migrationStubs = new HashSet<>();
        moved.get("migration_stub_modules").forEach(n -> migrationStubs.add(n.asText()));
        for (Version v : Version.values()) {
            cli.put(v, PrefectCli.of(read(json, "prefect-" + v.tag() + "-cli.json")));
        }
        settings2 = new HashSet<>();
        read(json, "prefect-2.20.25-settings.json").get("settings").fieldNames().forEachRemaining(settings2::add);
        envToCanonical3 = new HashMap<>();
        JsonNode settings3 = read(json, "prefect-3.8.3-settings.json");
        settings3.get("env_var_to_canonical").fields()
                .forEachRemaining(e -> envToCanonical3.put(e.getKey(), e.getValue().asText()));
        settings3.get("settings").fields()
                .forEachRemaining(e -> accessor3.put(e.getKey(), e.getValue().path("accessor").asText()));
        for (String line : text("prefect-2-early-packages.txt").split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] parts = line.split("\t", 2);
                early2.put(parts[0].strip(), parts[1].strip());
            }
        }
    }

    /**
     * What became of the early Prefect 2 package {@code dotted} is in ({@code prefect.orion.schemas.states.Completed}:
     * "the early 2.x name of prefect.server"), or empty: code written for 2.0-2.9 still imports from them.
     */
    public Optional<String> early2Package(String dotted) {
        for (Map.Entry<String, String> e : early2.entrySet()) {
            String key = e.getKey();
            boolean prefix = key.endsWith("*");
            if (prefix ? dotted.startsWith(key.substring(0, key.length() - 1))
                    : dotted.equals(key) || dotted.startsWith(key + ".")) {
                return Optional.of(key + " was " + e.getValue());
            }
        }
        return Optional.empty();
    }

    /** The data, loaded once on first use (class initialisation is thread-safe and lazy). */
    public static PrefectApi get() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final PrefectApi INSTANCE = new PrefectApi();
    }

    private static JsonNode read(ObjectMapper json, String file) {
        try {
            return json.readTree(text(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Prefect API data " + file, e);
        }
    }

    private static String text(String file) {
        try (InputStream in = PrefectApi.class.getResourceAsStream(BASE + file)) {
            if (in == null) {
                throw new IllegalStateException("Prefect API data " + BASE + file + " is missing from the build");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Prefect API data " + file, e);
        }
    }

    private static Map<String, Set<String>> modules(JsonNode node) {
        Map<String, Set<String>> m = new HashMap<>();
        node.fields().forEachRemaining(e -> {
            Set<String> names = new HashSet<>();
            e.getValue().forEach(n -> names.add(n.asText()));
            m.put(e.getKey(), names);
        });
        return m;
    }

    /**
     * Whether a dotted name ({@code prefect.flows} or {@code prefect.flows.flow}) can be imported from
     * Prefect 3.8.3. Migration-stub modules ({@code prefect.agent}) count as absent: importing from them fails. A
     * real module under a stub package is there ({@code prefect.client} is a stub, {@code prefect.client.orchestration}
     * and {@code from prefect.client import schemas} are not).
     */
    public boolean existsIn3(String dotted) {
        if (migrationStubs.contains(dotted)) {
            return false;
        }
        return modules3.containsKey(dotted) || exists(modules3, dotted) && !migrationStubs.contains(parent(dotted));
    }

    /**
     * Whether {@code import MODULE} still does something on Prefect 3.8.3: the module is there and no migration stub,
     * or it is a stub package that holds real modules ({@code import prefect.client} before
     * {@code prefect.client.schemas}).
     */
    public boolean moduleImportWorksIn3(String module) {
        if (existsIn3(module)) {
            return true;
        }
        return migrationStubs.contains(module) && modules3.keySet().stream()
                .anyMatch(k -> k.startsWith(module + ".") && !migrationStubs.contains(k));
    }

    /** Whether a dotted name was importable from Prefect 2.20.25. */
    public boolean existsIn2(String dotted) {
        return exists(modules2, dotted);
    }

    private static boolean exists(Map<String, Set<String>> modules, String dotted) {
        if (modules.containsKey(dotted)) {
            return true;
        }
        int dot = dotted.lastIndexOf('.');
        return dot > 0 && modules.getOrDefault(dotted.substring(0, dot), Set.of()).contains(dotted.substring(dot + 1));
    }

    private static String parent(String dotted) {
        int dot = dotted.lastIndexOf('.');
        return dot > 0 ? dotted.substring(0, dot) : "";
    }

    /** The official Prefect 3 location of a moved 2.x name, or empty when it did not move (or was removed). */
    public Optional<String> movedTo(String dotted) {
        String target = flatMoves.get(dotted);
        return target == null || target.equals("removed") ? Optional.empty() : Optional.of(target);
    }

    /** True when Prefect 3's migration map lists the name as removed. */
    public boolean removedIn3(String dotted) {
        return "removed".equals(flatMoves.get(dotted));
    }

    public PrefectCli cli(Version v) {
        return cli.get(v);
    }

    /** True when {@code PREFECT_X} was a Prefect 2.20 setting. */
    public boolean isSetting2(String envVar) {
        return settings2.contains(envVar);
    }

    /**
     * The Prefect 2.20 setting that Prefect 3.8.3 reads as {@code canonical3} (itself, or the legacy alias 3.8.3 keeps
     * for it: {@code PREFECT_API_DATABASE_CONNECTION_URL} for {@code PREFECT_SERVER_DATABASE_CONNECTION_URL}), or
     * empty when Prefect 2 had no such setting.
     */
    public Optional<String> setting2ReadAs(String canonical3) {
        if (settings2.contains(canonical3) && canonical3.equals(envToCanonical3.get(canonical3))) {
            return Optional.of(canonical3);
        }
        return envToCanonical3.entrySet().stream().filter(e -> e.getValue().equals(canonical3))
                .map(Map.Entry::getKey).filter(settings2::contains).sorted().findFirst();
    }

    /** The canonical Prefect 3.8.3 setting an environment variable sets, or empty when 3.8.3 ignores it. */
    public Optional<String> canonicalSetting3(String envVar) {
        return Optional.ofNullable(envToCanonical3.get(envVar));
    }

    /** Where a 3.8.3 setting sits in {@code prefect.toml} ({@code PREFECT_API_URL} -> {@code api.url}). */
    public Optional<String> settingAccessor3(String envVar) {
        return canonicalSetting3(envVar).map(accessor3::get).filter(a -> !a.isEmpty());
    }

    /** The Prefect versions whose CLI has exactly this command path (aliases resolved). */
    public List<Version> versionsWithCommand(String path) {
        return java.util.Arrays.stream(Version.values()).filter(v -> cli(v).has(path)).toList();
    }
}
