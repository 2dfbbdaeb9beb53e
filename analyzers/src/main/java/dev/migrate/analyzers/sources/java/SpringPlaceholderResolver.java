package dev.migrate.analyzers.sources.java;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.rules.Findings;
import dev.migrate.analyzers.schedule.ShownSchedules;
import dev.migrate.analyzers.scan.JobResolver;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Resolves {@code ${key}} and {@code ${key:default}} in {@code @Scheduled} attributes from the default-profile
 * {@code application.properties} / {@code application.yml} of the same module (the directory above
 * {@code src/}), the way Spring would at start-up without profiles. What stays unresolved keeps
 * {@link ScheduleSpec.Form#UNKNOWN} and gets a JAV004 finding.
 */
public final class SpringPlaceholderResolver implements JobResolver {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");
    private static final Pattern CONFIG = Pattern.compile("(^|.*/)application\\.(properties|ya?ml)$");
    /** The codes of the detector's findings that show the job's schedule ({@link SpringScheduledDetector}). */
    private static final List<String> SHOWN_BY = List.of("JAV001", "JAV002", "JAV003");

    @Override
    public boolean wants(String path) {
        return path.contains("application.") && CONFIG.matcher(path).matches(); // asked of every file of a tree
    }

    @Override
    public void resolve(List<Job> jobs, List<Finding> findings, List<ScanFile> files) {
        for (int i = 0; i < jobs.size(); i++) {
            Job j = jobs.get(i);
            if (j.kind() == JobKind.SPRING_SCHEDULED && j.schedules().stream().anyMatch(s ->
                    s.form() == ScheduleSpec.Form.UNKNOWN && SpringSchedules.isPlaceholder(s.expression())
                            || SpringSchedules.isPlaceholder(s.timezone()))) {
                jobs.set(i, resolve(j, properties(module(j.source().path()), files), findings));
            }
        }
    }

    private Job resolve(Job j, Config config, List<Finding> findings) {
        List<ScheduleSpec> out = new ArrayList<>();
        Map<String, String> attrs = new LinkedHashMap<>(j.attributes());
        for (ScheduleSpec s : j.schedules()) {
            Optional<String> tz = s.timezone() == null ? Optional.empty() : substitute(s.timezone(), config);
            String zone = s.timezone() == null ? null : tz.orElse(s.timezone());
            if (zone != null) {
                attrs.put("zone", zone);
            }
            if (s.form() != ScheduleSpec.Form.UNKNOWN || !SpringSchedules.isPlaceholder(s.expression())) {
                out.add(new ScheduleSpec(s.form(), s.expression(), zone, s.where()));
                continue;
            }
            Optional<String> value = substitute(s.expression(), config);
            if (value.isPresent()) {
                String attr = j.attributes().getOrDefault(SpringSchedules.ATTRIBUTE, "cron");
                ScheduleSpec resolved = SpringSchedules.of(attr, value.get(), zone,
                        j.attributes().get(SpringSchedules.TIME_UNIT), s.where());
                out.add(resolved);
                attrs.put("placeholder", s.expression());
                config.source.ifPresent(src -> attrs.put("resolvedFrom", src));
                if (resolved.form() == ScheduleSpec.Form.CRON_SPRING && SpringSchedules.hasSubMinuteSeconds(value.get())) {
                    findings.add(Findings.of("JAV005", "cron \"" + value.get() + "\" (from " + s.expression()
                            + ") " + SpringSchedules.subMinuteSeconds(value.get(), false), s.where(), j.id()));
                }
            } else {
                out.add(new ScheduleSpec(s.form(), s.expression(), zone, s.where()));
                findings.add(Findings.of("JAV004", j.command() + ": " + s.expression() + " is not defined in "
                        + config.source.orElse("any application.properties or application.yml of this module")
                        + "; the schedule is set at deploy time", s.where(), j.id()));
            }
        }
        if (!out.isEmpty()) {
            shownResolved(findings, j, out.get(0), attrs.get("placeholder"), config.source);
        }
        return new Job(j.id(), j.kind(), j.name(), j.source(), out, j.command(), j.user(), j.env(), j.workingDir(),
                j.overlap(), j.dependsOn(), attrs);
    }

    /**
     * The job's JAV001, JAV002 or JAV003 finding showing the schedule as resolved: the detector wrote the placeholder
     * ({@code (${jobs.cron})}, or a zone {@code (${jobs.zone})}); the message now shows the value, as for a literal
     * ({@code (0 0 2 * * *) (Europe/Paris)}, so a zone only assumed is written after it as after a literal's), and
     * says which key of which file set it. Only the first schedule is shown, as the detector shows it.
     */
    private static void shownResolved(List<Finding> findings, Job j, ScheduleSpec resolved, String placeholder,
                                      Optional<String> source) {
        String before = ShownSchedules.of(j.schedules().get(0));
        String after = ShownSchedules.of(resolved);
        if (before.equals(after)) {
            return;
        }
        String from = resolved.form() == ScheduleSpec.Form.UNKNOWN || placeholder == null ? ""
                : ", resolved from " + placeholder + source.map(src -> " in " + src).orElse("");
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            if (j.id().equals(f.jobId()) && SHOWN_BY.contains(f.code()) && f.message().contains(before)) {
                int at = f.message().indexOf(before);
                String message = f.message().substring(0, at) + after + from + f.message().substring(at + before.length());
                findings.set(i, new Finding(f.code(), f.severity(), f.applicability(), message, f.where(), f.jobId()));
                return;
            }
        }
    }

    /** Replaces every placeholder; empty when one has neither a value nor a default. */
    static Optional<String> substitute(String text, Config config) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = config.values.get(m.group(1).strip());
            if (v == null) {
                v = m.group(2);
            }
            if (v == null) {
                return Optional.empty();
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return Optional.of(sb.toString());
    }

    /** The module directory of a source file: everything before {@code src/}, or "" at the root. */
    static String module(String path) {
        int src = path.startsWith("src/") ? 0 : path.indexOf("/src/") + 1;
        return src <= 0 ? "" : path.substring(0, src);
    }

    record Config(Map<String, String> values, Optional<String> source) {
    }

    /** Properties win over YAML when both exist, as in Spring Boot; the shortest path (main resources) first. */
    private static Config properties(String module, List<ScanFile> files) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> sources = new ArrayList<>();
        files.stream().filter(f -> f.path().startsWith(module) && !f.path().contains("/test/"))
                .sorted((a, b) -> Integer.compare(rank(a), rank(b)))
                .forEach(f -> {
                    Map<String, String> read = read(f);
                    if (!read.isEmpty()) {
                        values.putAll(read);
                        sources.add(f.path());
                    }
                });
        return new Config(values, sources.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", reversed(sources))));
    }

    private static List<String> reversed(List<String> l) {
        List<String> r = new ArrayList<>(l);
        java.util.Collections.reverse(r);
        return r;
    }

    /** Later files override earlier ones: YAML before properties, deeper paths before shallower. */
    private static int rank(ScanFile f) {
        return (f.path().endsWith(".properties") ? 1000 : 0) - f.path().length();
    }

    private static Map<String, String> read(ScanFile f) {
        Map<String, String> out = new LinkedHashMap<>();
        if (f.path().endsWith(".properties")) {
            Properties p = new Properties();
            try {
                p.load(new StringReader(f.text()));
            } catch (IOException | IllegalArgumentException e) {
                return out;
            }
            p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
            return out;
        }
        try {
            for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(f.text())) {
                // Profile-specific documents (spring.config.activate.on-profile) are not the default profile.
                if (doc instanceof Map<?, ?> m && !m.toString().contains("on-profile")) {
                    flatten("", m, out);
                }
            }
        } catch (RuntimeException e) {
            // A broken config file resolves nothing; the placeholder stays unknown and is reported.
        }
        return out;
    }

    private static void flatten(String prefix, Map<?, ?> m, Map<String, String> out) {
        m.forEach((k, v) -> {
            String key = prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k;
            if (v instanceof Map<?, ?> inner) {
                flatten(key, inner, out);
            } else if (v != null) {
                out.put(key, String.valueOf(v));
            }
        });
    }
}
