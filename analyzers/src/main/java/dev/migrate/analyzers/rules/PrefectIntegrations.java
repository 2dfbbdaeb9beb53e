package dev.migrate.analyzers.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Prefect integration packages and their first release that supports Prefect 3, from {@code prefect-integrations.yaml}:
 * the scan reports a requirement held below it (PF208), the pin recipes raise it.
 */
public final class PrefectIntegrations {
    private static final Pattern VERSION = Pattern.compile("(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?");
    private static final Map<String, String> FIRST_PREFECT3_RELEASE = load();
    /** One requirement of a prefect.yaml step's {@code requires:}: name, optional extras, a {@code >=}, {@code ==} or {@code ~=} version. */
    private static final Pattern STEP_REQUIREMENT = Pattern.compile("(?<![\\w.-])(?<name>prefect-[a-z0-9]+)"
            + "(?<extras>\\[[^\\]]*])?(?<op>>=|==|~=)(?<version>\\d+(?:\\.\\d+){0,2})(?![\\w.])");

    /**
     * A requirement in a step's {@code requires:} whose version is below the integration's first Prefect 3 release,
     * at {@code [start, end)} of the value.
     */
    public record LowStepRequirement(String name, String extras, String op, String text, int start, int end) {
        /** Whether it pins that one release ({@code ==}), rather than admitting it as a lower bound. */
        public boolean pinned() {
            return op.equals("==");
        }

        /** The same requirement with its bound moved to the first Prefect 3 release ({@code >=}). */
        public String raised() {
            return name + (extras == null ? "" : extras) + ">=" + FIRST_PREFECT3_RELEASE.get(name);
        }
    }

    /**
     * The requirements of a step's {@code requires:} ({@code prefect-docker>=0.3.0}) whose version is below the
     * integration's first Prefect 3 release. Even a lower bound counts here: a step installs its requirements only
     * when what is installed does not satisfy them, so an image holding a Prefect 2 era release keeps it.
     */
    public static java.util.List<LowStepRequirement> lowStepRequirements(String requires) {
        java.util.List<LowStepRequirement> out = new java.util.ArrayList<>();
        Matcher m = STEP_REQUIREMENT.matcher(requires);
        while (m.find()) {
            String first = FIRST_PREFECT3_RELEASE.get(m.group("name"));
            if (first != null && below(m.group("version"), first)) {
                out.add(new LowStepRequirement(m.group("name"), m.group("extras"), m.group("op"), m.group(), m.start(),
                        m.end()));
            }
        }
        return out;
    }

    private PrefectIntegrations() {
    }

    /** Every known integration package by name, with its first Prefect 3 release. */
    public static Map<String, String> firstPrefect3Releases() {
        return FIRST_PREFECT3_RELEASE;
    }

    /** The first release of {@code pkg} that supports Prefect 3; null for a package that is not an integration. */
    public static String firstPrefect3Release(String pkg) {
        return FIRST_PREFECT3_RELEASE.get(canonical(pkg));
    }

    /**
     * A project name as pip and PyPI compare them (PEP 503): {@code prefect_gcp}, {@code Prefect-GCP} and
     * {@code prefect-gcp} are one package, written each way in real requirements.
     */
    public static String canonical(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[-_.]+", "-");
    }

    /**
     * Whether the constraint {@code spec} of integration {@code name} keeps it below its first Prefect 3 release: a
     * clause names a lower version ({@code ==0.3.1}, {@code ~=0.4}, Poetry's {@code ^0.4}) or caps below it
     * ({@code <0.5}, {@code <=0.4.14}); a lower bound ({@code >=0.3}) and a cap above it ({@code >=0.5.0,<0.6},
     * which the pin recipes write) admit the Prefect 3 releases. False for a package that is no integration.
     */
    public static boolean heldBelowPrefect3(String name, String spec) {
        String first = FIRST_PREFECT3_RELEASE.get(canonical(name));
        if (first == null || spec == null) {
            return false;
        }
        for (String clause : spec.replace(" ", "").replace("\t", "").split(",")) {
            Matcher v = VERSION.matcher(clause);
            if (clause.startsWith("!=") || clause.startsWith(">") || !v.find()) {
                continue;
            }
            int c = compare(v, first);
            if (clause.startsWith("<=") ? c < 0 : clause.startsWith("<") ? c <= 0 : c < 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The major release a constraint was written for: that of an exact or compatible clause ({@code ==2.14.3},
     * {@code ~=2.19}, Poetry's {@code ^2.14}); else the highest a cap admits ({@code <3} and {@code <3.0} hold 2.x,
     * {@code <2} holds 1.x, {@code <=2.20} and {@code <2.5} hold 2.x); else a lower bound's ({@code >=2.10}); -1 for none.
     */
    public static int heldMajor(String spec) {
        Integer exact = null;
        Integer cap = null;
        Integer lower = null;
        for (String clause : (spec == null ? "" : spec.replace(" ", "").replace("\t", "")).split(",")) {
            Matcher v = VERSION.matcher(clause);
            if (clause.isEmpty() || clause.startsWith("!=") || !v.find()) {
                continue;
            }
            int major = Integer.parseInt(v.group(1));
            if (clause.startsWith("<")) {
                boolean wholeMajor = !clause.startsWith("<=") && clause.substring(v.end(1)).matches("(\\.0)*");
                cap = wholeMajor ? major - 1 : major;
            } else if (clause.startsWith(">")) {
                lower = major;
            } else {
                exact = major;
            }
        }
        return exact != null ? exact : cap != null ? cap : lower != null ? lower : -1;
    }

    /** Whether dotted version {@code version} (up to three numbers) is lower than {@code other}. */
    public static boolean below(String version, String other) {
        Matcher v = VERSION.matcher(version);
        return v.find() && compare(v, other) < 0;
    }

    private static int compare(Matcher v, String other) {
        String[] o = other.split("\\.");
        for (int i = 0; i < 3; i++) {
            int a = v.group(i + 1) == null ? 0 : Integer.parseInt(v.group(i + 1));
            int b = i < o.length ? Integer.parseInt(o[i]) : 0;
            if (a != b) {
                return Integer.compare(a, b);
            }
        }
        return 0;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> load() {
        try (InputStream in = PrefectIntegrations.class.getResourceAsStream("/dev/migrate/analyzers/prefect-integrations.yaml")) {
            if (in == null) {
                throw new IllegalStateException("prefect-integrations.yaml is missing from the build");
            }
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            Map<String, Object> raw = (Map<String, Object>) root.get("first_prefect3_release");
            Map<String, String> out = new TreeMap<>();
            raw.forEach((k, val) -> out.put(k, String.valueOf(val)));
            return java.util.Collections.unmodifiableMap(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
