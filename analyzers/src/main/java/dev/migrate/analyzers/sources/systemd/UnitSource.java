package dev.migrate.analyzers.sources.systemd;

import dev.migrate.analyzers.model.JobIdRegistry;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.rewriters.systemd.UnitFile;
import dev.migrate.rewriters.systemd.UnitLine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A unit as systemd sees it: the unit file plus its drop-ins ({@code name.service.d/*.conf}, applied in file-name
 * order), with the position of every setting for findings.
 *
 * @param jobIds the registry of the unit file, for the id of the job it turns out to be once every unit is read
 */
record UnitSource(String path, UnitFile unit, List<DropIn> dropIns, JobIdRegistry jobIds) {
    /** One {@code .conf} file from the unit's {@code .d} directory. */
    record DropIn(String path, UnitFile unit) {
        String fileName() {
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    /** One assignment in a section, with where its value starts. */
    record Setting(String key, String value, SourceRef where) {
    }

    UnitSource {
        dropIns = dropIns.stream().sorted(Comparator.comparing(DropIn::fileName)).toList();
    }

    UnitSource(ScanFile file) {
        this(file.path(), UnitFile.parse(file.text()), List.of(), file.jobIds());
    }

    UnitSource withDropIns(List<DropIn> more) {
        List<DropIn> all = new ArrayList<>(dropIns);
        all.addAll(more);
        return new UnitSource(path, unit, all, jobIds);
    }

    String fileName() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    String directory() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** The unit name without its suffix ({@code etl} for {@code etl.timer}). */
    String baseName() {
        String n = fileName();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? n : n.substring(0, dot);
    }

    /** Assignments of {@code key} in {@code section} across the unit and its drop-ins; an empty one clears earlier ones. */
    List<Setting> settings(String section, String key) {
        List<Setting> out = new ArrayList<>();
        collect(path, unit, section, key, out);
        for (DropIn d : dropIns) {
            collect(d.path(), d.unit(), section, key, out);
        }
        return out;
    }

    private static void collect(String file, UnitFile unit, String section, String key, List<Setting> out) {
        for (int i : unit.indexesOf(section, key)) {
            UnitLine.Assignment a = (UnitLine.Assignment) unit.lines().get(i);
            if (a.value().isEmpty()) {
                out.clear();
                continue;
            }
            int col = a.indent().length() + a.key().length() + a.beforeEquals().length() + 1 + a.afterEquals().length() + 1;
            out.add(new Setting(key, a.value(), SourceRef.at(file, unit.lineNumber(i), col)));
        }
    }

    /** Every value of a list setting such as {@code Environment=}. */
    List<String> values(String section, String key) {
        return settings(section, key).stream().map(Setting::value).toList();
    }

    /** The effective value of a single-valued setting: the last assignment wins. */
    String value(String section, String key) {
        List<Setting> all = settings(section, key);
        return all.isEmpty() ? null : all.get(all.size() - 1).value();
    }

    /** Unit names listed in a dependency setting such as {@code After=}. */
    List<String> unitList(String section, String key) {
        List<String> out = new ArrayList<>();
        for (String v : values(section, key)) {
            for (String u : v.split("\\s+")) {
                if (!u.isBlank()) {
                    out.add(u);
                }
            }
        }
        return out;
    }
}
