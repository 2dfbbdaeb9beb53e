package dev.migrate.analyzers.cutover;

import dev.migrate.analyzers.model.Job;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * How one legacy kind is switched off at cutover and on again at rollback, read from
 * {@code cutover/switches.yaml}: the commands are data, one entry per kind.
 *
 * @param applied  true when {@code migrate cutover disable/rollback --apply} makes the edit itself
 * @param backfill how to run the job once for a missed window, when that is not its command as written (a deployment
 *                 is run, not built again; a scheduler's job is called, not its scheduler started a second time); null
 *                 when running the command is right
 */
public record LegacySwitch(String kind, String label, boolean applied, List<String> disable, List<String> enable,
                           String why, String backfill) {
    private static final Map<String, LegacySwitch> BY_KIND = load();

    public static Optional<LegacySwitch> of(String kindSlug) {
        return Optional.ofNullable(BY_KIND.get(kindSlug));
    }

    /**
     * How to switch off {@code legacy}: its kind's switch, except for a crontab line that a script writes each
     * time it runs by echoing it or through python-crontab. Commenting out that script line would not remove the
     * job already installed on the host, and in Python it would break the calls that follow, so that switch
     * is a manual one ({@code cron-installed-by-script}). A line of a here-document the script feeds to crontab is
     * commented out in place, and the script run again ({@code cron-here-document}): cron never reads the script.
     */
    public static Optional<LegacySwitch> forJob(Job legacy) {
        String how = legacy.attributes().get("crontab.embeddedIn");
        if (how == null) {
            return of(legacy.kind().slug());
        }
        // a here-document's line is commented out in place, and takes effect when the script installs the crontab again
        return how.equals("shell here-document") ? of("cron-here-document") : of("cron-installed-by-script");
    }

    /** Fills {@code {placeholders}} from {@code values}; unknown ones stay as written. */
    public static String fill(String template, Map<String, String> values) {
        String out = template;
        for (Map.Entry<String, String> e : values.entrySet()) {
            out = out.replace("{" + e.getKey() + "}", e.getValue() == null ? "" : e.getValue());
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, LegacySwitch> load() {
        try (InputStream in = LegacySwitch.class.getResourceAsStream("/dev/migrate/analyzers/cutover/switches.yaml")) {
            if (in == null) {
                throw new IllegalStateException("missing resource cutover/switches.yaml");
            }
            Map<String, Map<String, Object>> raw = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            Map<String, LegacySwitch> out = new LinkedHashMap<>();
            raw.forEach((kind, m) -> out.put(kind, new LegacySwitch(kind, (String) m.getOrDefault("label", kind),
                    Boolean.TRUE.equals(m.get("applied")),
                    (List<String>) m.get("disable"), (List<String>) m.get("enable"), (String) m.get("why"),
                    (String) m.get("backfill"))));
            return Map.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
