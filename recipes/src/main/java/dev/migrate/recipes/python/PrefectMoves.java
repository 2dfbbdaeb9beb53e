package dev.migrate.recipes.python;

import dev.migrate.analyzers.rules.PrefectApi;
import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.internal.SettingsRenames;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Where a Prefect 2 name lives in Prefect 3: Prefect's own migration map (through {@link PrefectApi}) plus
 * the catalogue facts in {@code prefect-python-moves.yaml}. Loaded once.
 */
public final class PrefectMoves {
    private static final String RESOURCE = "/dev/migrate/recipes/prefect-python-moves.yaml";

    /** One move: {@code since} maps a 3.x minor to a better home available from that minor on. */
    record Move(String from, String to, Map<Integer, String> since) {
    }

    private final Map<String, Move> exact = new LinkedHashMap<>();
    private final List<Move> modules = new ArrayList<>();
    private final Map<String, String> positionalOnly = new LinkedHashMap<>();

    private PrefectMoves() {
        Map<String, Object> root = load();
        Object po = root.get("positionalOnly");
        if (po instanceof Map<?, ?> map) {
            map.forEach((k, v) -> positionalOnly.put(String.valueOf(k), String.valueOf(v)));
        }
        for (Move m : moves(root)) {
            if (m.from().endsWith(".*")) {
                modules.add(m);
            } else {
                exact.put(m.from(), m);
            }
        }
    }

    public static PrefectMoves get() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final PrefectMoves INSTANCE = new PrefectMoves();
    }

    /** The Prefect 3 dotted name for a 2.x dotted name, or empty when it did not move. */
    public Optional<String> target(String dotted, PrefectTarget target) {
        Move m = exact.get(dotted);
        if (m != null) {
            String best = m.to();
            for (Map.Entry<Integer, String> e : m.since().entrySet()) {
                if (target.atLeast(e.getKey())) {
                    best = e.getValue();
                }
            }
            return Optional.of(best);
        }
        Optional<String> official = PrefectApi.get().movedTo(dotted);
        if (official.isPresent()) {
            return official;
        }
        for (Move mod : modules) {
            String prefix = mod.from().substring(0, mod.from().length() - 2);
            String to = mod.to().substring(0, mod.to().length() - 2);
            if (dotted.equals(prefix)) {
                return Optional.of(to);
            }
            if (dotted.startsWith(prefix + ".")) {
                return Optional.of(to + dotted.substring(prefix.length()));
            }
        }
        return renamedSetting(dotted, target);
    }

    private static final String SETTINGS = "prefect.settings.";

    /**
     * A setting object Prefect 3 removed under its old name ({@code prefect.settings.PREFECT_ORION_API_HOST}) is the
     * same setting under the name the settings renames give it for the target, when prefect.settings has that name.
     */
    private static Optional<String> renamedSetting(String dotted, PrefectTarget target) {
        if (!dotted.startsWith(SETTINGS + "PREFECT_")) {
            return Optional.empty();
        }
        return SettingsRenames.removed(target).renamedName(dotted.substring(SETTINGS.length()))
                .map(n -> SETTINGS + n).filter(PrefectApi.get()::existsIn3);
    }

    /** The home a name moved to in every 3.x release, before any {@code since} upgrade; empty when it did not move. */
    public Optional<String> firstTarget(String dotted) {
        Move m = exact.get(dotted);
        return m != null ? Optional.of(m.to()) : Optional.empty();
    }

    /**
     * Prefect 3 callables whose first parameter is positional-only, by dotted name, with the keyword the
     * Prefect 2 name they replace took that value by ({@code prefect.schedules.Cron} gives {@code cron}).
     */
    public Map<String, String> positionalOnlyFirst() {
        return java.util.Collections.unmodifiableMap(positionalOnly);
    }

    /** Whether a whole module moved ({@code prefect.server.schemas.schedules}). */
    public Optional<String> movedModule(String module) {
        for (Move mod : modules) {
            if (mod.from().equals(module + ".*")) {
                return Optional.of(mod.to().substring(0, mod.to().length() - 2));
            }
        }
        return Optional.empty();
    }

    /**
     * Splits a dotted target into module and object path: {@code prefect.variables.Variable.get} gives
     * ({@code prefect.variables}, {@code Variable.get}). Modules are lower case by Python convention and
     * the data holds no counter-example, so the object path starts at the first capitalised segment.
     */
    public static String[] split(String dotted) {
        String[] parts = dotted.split("\\.");
        int objectStart = parts.length - 1;
        for (int i = 1; i < parts.length - 1; i++) {
            if (!parts[i].isEmpty() && Character.isUpperCase(parts[i].charAt(0))) {
                objectStart = i;
                break;
            }
        }
        return new String[] {String.join(".", java.util.Arrays.copyOfRange(parts, 0, objectStart)),
            String.join(".", java.util.Arrays.copyOfRange(parts, objectStart, parts.length))};
    }

    private static Map<String, Object> load() {
        try (InputStream in = PrefectMoves.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Move> moves(Map<String, Object> root) {
        List<Move> out = new ArrayList<>();
        for (Map<String, Object> m : (List<Map<String, Object>>) root.get("moves")) {
            Map<Integer, String> since = new LinkedHashMap<>();
            Object s = m.get("since");
            if (s instanceof Map<?, ?> map) {
                map.forEach((k, v) -> since.put(PrefectTarget.parse(String.valueOf(k)).minor(), String.valueOf(v)));
            }
            out.add(new Move(String.valueOf(m.get("from")), String.valueOf(m.get("to")), since));
        }
        return out;
    }
}
