package dev.migrate.recipes.legacy.internal;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.rewriters.systemd.UnitFile;
import dev.migrate.rewriters.systemd.UnitLine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The [Service] settings that change how systemd ran the command (its niceness, I/O and CPU scheduling, limits), from
 * {@code systemd-resource-settings.csv}. Where the flow runs the command through a shell and a setting has an exact
 * command form ({@code Nice=10} is {@code nice -n 10 CMD}, {@code IOSchedulingClass=idle} is {@code ionice -c 3 CMD}),
 * that form goes in front of the command; every other one is a manual note naming the setting and its file:line.
 */
final class ServiceResources {
    private record Row(String setting, Pattern value, String prefix, String otherwise) {
    }

    /** A setting's effective assignment (the last one wins, an empty one clears) and where it is. */
    private record Setting(String value, String where) {
    }

    /**
     * What the flow makes of the settings: the prefix for each command ("" when none), the settings it holds (as
     * {@code Nice=10 (path:line)}) and the notes on the settings it cannot apply.
     */
    record Applied(String prefix, List<String> translated, List<String> manual) {
        static final Applied NONE = new Applied("", List.of(), List.of());

        String before(String command) {
            return prefix.isEmpty() ? command : prefix + " " + command;
        }

        /** The notes when the prefix goes in front of the flow's command. */
        List<String> notes() {
            List<String> out = new ArrayList<>();
            if (!prefix.isEmpty()) {
                out.add("decision: " + String.join(", ", translated) + (translated.size() == 1 ? " becomes '" : " become '")
                        + prefix + "' in front of the command, as systemd ran it");
            }
            out.addAll(manual);
            return out;
        }

        /** The notes when the flow's command could not be rebuilt with the prefix ({@code why}). */
        List<String> notesUnapplied(String why) {
            List<String> out = new ArrayList<>();
            if (!prefix.isEmpty()) {
                out.add(String.join(", ", translated) + " not applied by the flow (" + why + "): put '" + prefix
                        + "' in front of each of its commands by hand");
            }
            out.addAll(manual);
            return out;
        }
    }

    private static final List<Row> ROWS = load();
    private static final Pattern REFERENCE = Pattern.compile("\\{(\\w+)(?::([^}]*))?}");

    private ServiceResources() {
    }

    /**
     * @param units the service's unit file and its drop-ins, by path, in the order systemd reads them
     * @param shell whether the flow runs the command through a shell (a prefix can go in front of it)
     */
    static Applied of(Map<String, Read> units, boolean shell) {
        Map<String, Setting> set = effective(units);
        if (set.isEmpty()) {
            return Applied.NONE;
        }
        List<String> prefixes = new ArrayList<>();
        List<String> translated = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (String name : ROWS.stream().map(Row::setting).distinct().toList()) {
            Setting s = set.get(name);
            if (s == null || used.contains(name)) {
                continue;
            }
            String shown = name + "=" + s.value() + " (" + s.where() + ")";
            if (!shell) {
                notes.add(shown + " is not applied by the flow, which runs the code in the worker's process: apply it to "
                        + "the worker by hand (its systemd unit or container)");
                continue;
            }
            Row row = ROWS.stream().filter(r -> r.setting().equals(name) && !r.prefix().isEmpty()
                    && r.value().matcher(s.value().strip()).matches()).findFirst().orElse(null);
            Set<String> reads = new HashSet<>();
            String prefix = row == null ? null : fill(row.prefix(), s.value().strip(), set, reads);
            if (prefix == null) {
                String otherwise = ROWS.stream().filter(r -> r.setting().equals(name)).map(Row::otherwise)
                        .filter(o -> !o.isEmpty()).findFirst().orElse("apply it by hand");
                String missing = row == null ? "" : " without " + String.join(", ", reads) + "=";
                notes.add(shown + missing + " is not applied by the flow: " + otherwise);
                continue;
            }
            used.add(name);
            used.addAll(reads);
            prefixes.add(prefix);
            translated.add(shown);
            reads.stream().filter(set::containsKey).sorted()
                    .forEach(r -> translated.add(r + "=" + set.get(r).value() + " (" + set.get(r).where() + ")"));
        }
        return new Applied(String.join(" ", prefixes), translated, notes);
    }

    /**
     * The job's service unit and the drop-ins the scan read for it, by where they are: files of the tree, or
     * here-documents of a script that writes them ({@code script.sh:7:1}), read the same way ({@link ScriptUnits}).
     */
    static Map<String, Read> units(Job job, Map<String, String> texts) {
        Map<String, Read> out = new LinkedHashMap<>();
        Optional<ScriptUnits.Text> service = ScriptUnits.of(job.attributes().get("service"), texts);
        if (service.isEmpty()) {
            return out;
        }
        out.put(job.attributes().get("service"), Read.of(service.get(), job));
        for (String dropIn : job.attributes().getOrDefault("service.dropIns", "").split("\\s+")) {
            ScriptUnits.of(dropIn, texts).ifPresent(t -> out.put(dropIn, Read.of(t, job)));
        }
        return out;
    }

    /** A unit as read: its file (the unit file, or the script writing it), the lines before its text there, its lines. */
    record Read(String path, int lineOffset, UnitFile unit) {
        static Read of(ScriptUnits.Text text, Job job) {
            return new Read(text.path(), text.lineOffset(), UnitFile.parse(asInstance(text.text(), job)));
        }

        /** Where line {@code index} of the unit is: {@code path:line}. */
        String where(int index) {
            return path + ":" + (lineOffset + unit.lineNumber(index));
        }
    }

    /**
     * A template service's text as the instance the job's timer starts reads it (%i, %I filled in, as the scan did):
     * an enabled instance of a template timer, or a timer naming the instance ({@code Unit=sync@nightly.service}).
     */
    static String asInstance(String text, Job job) {
        String instance = dev.migrate.analyzers.sources.systemd.TemplateInstances.serviceInstance(job.attributes());
        return instance == null ? text : dev.migrate.analyzers.sources.systemd.TemplateInstances.expand(text, instance);
    }

    /**
     * A job whose flow runs the code of a scheduler or loop its service kept running (not a command through a shell):
     * the settings are notes. Other jobs are returned as they are: a timer's settings go with its start sequence
     * ({@link ServiceExecLines}), a Java job's with its command ({@link #withCommandPrefix}).
     */
    static Job inProcessNotes(Job job, Map<String, String> texts) {
        if (job.kind() == JobKind.SYSTEMD_TIMER || JavaJobs.isJava(job)) {
            return job;
        }
        return withNotes(job, job.command(), of(units(job, texts), false).notes());
    }

    /** A Java job runs its service's one command through a shell: the prefix goes in front of it. */
    static Job withCommandPrefix(Job job, Map<String, String> texts) {
        if (!JavaJobs.isJava(job) || job.command() == null) {
            return job;
        }
        Applied applied = of(units(job, texts), true);
        return withNotes(job, applied.before(job.command()), applied.notes());
    }

    static Job withNotes(Job job, String command, List<String> notes) {
        if (notes.isEmpty() && java.util.Objects.equals(command, job.command())) {
            return job;
        }
        Map<String, String> attributes = new LinkedHashMap<>(job.attributes());
        List<String> all = new ArrayList<>();
        if (attributes.containsKey(ServiceExecLines.NOTES)) {
            all.add(attributes.get(ServiceExecLines.NOTES));
        }
        all.addAll(notes);
        if (!all.isEmpty()) {
            attributes.put(ServiceExecLines.NOTES, String.join("\n", all));
        }
        return new Job(job.id(), job.kind(), job.name(), job.source(), job.schedules(), command, job.user(), job.env(),
                job.workingDir(), job.overlap(), job.dependsOn(), attributes);
    }

    /** The prefix with its references filled in, or null when one it needs is unset or not a value it can take. */
    private static String fill(String prefix, String value, Map<String, Setting> set, Set<String> reads) {
        Matcher m = REFERENCE.matcher(prefix);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String filled;
            if (m.group(1).equals("value")) {
                filled = value.replaceAll("[\\s,]+", ",");
            } else {
                String name = m.group(1);
                reads.add(name);
                Setting other = set.get(name);
                if (other == null) {
                    if (m.group(2) == null) {
                        return null;
                    }
                    filled = m.group(2);
                } else if (ROWS.stream().anyMatch(r -> r.setting().equals(name) && r.value().matcher(other.value().strip()).matches())) {
                    filled = other.value().strip();
                } else {
                    return null;
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(filled));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The [Service] settings this table knows, as systemd reads them: later files and lines win, an empty value clears. */
    private static Map<String, Setting> effective(Map<String, Read> units) {
        Set<String> known = new HashSet<>();
        ROWS.forEach(r -> known.add(r.setting()));
        Map<String, Setting> out = new LinkedHashMap<>();
        units.values().forEach(read -> {
            UnitFile unit = read.unit();
            for (int i = 0; i < unit.lines().size(); i++) {
                if (unit.lines().get(i) instanceof UnitLine.Assignment a && known.contains(a.key())
                        && "Service".equals(unit.sectionOf(i))) {
                    if (a.value().isBlank()) {
                        out.remove(a.key());
                    } else {
                        out.put(a.key(), new Setting(a.value(), read.where(i)));
                    }
                }
            }
        });
        return out;
    }

    private static List<Row> load() {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = ServiceResources.class.getResourceAsStream("/dev/migrate/recipes/systemd-resource-settings.csv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("setting,")) {
                    continue;
                }
                String[] f = line.split(",", 4);
                rows.add(new Row(f[0].strip(), Pattern.compile(f[1].isEmpty() ? "(?!)" : f[1]), f[2].strip(), f[3].strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(rows);
    }
}
