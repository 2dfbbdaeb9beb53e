package dev.migrate.analyzers.sources.systemd;

import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.rewriters.systemd.UnitFile;
import dev.migrate.rewriters.systemd.UnitLine;
import java.util.ArrayList;
import java.util.List;

/** A parsed unit file with its path, plus the positions of its settings for findings. */
record UnitSource(String path, UnitFile unit) {
    /** One assignment in a section, with where its value starts. */
    record Setting(String key, String value, SourceRef where) {
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

    /** Assignments of {@code key} in {@code section} in file order; an empty assignment clears earlier ones. */
    List<Setting> settings(String section, String key) {
        List<Setting> out = new ArrayList<>();
        for (int i : unit.indexesOf(section, key)) {
            UnitLine.Assignment a = (UnitLine.Assignment) unit.lines().get(i);
            if (a.value().isEmpty()) {
                out.clear();
                continue;
            }
            int col = a.indent().length() + a.key().length() + a.beforeEquals().length() + 1 + a.afterEquals().length() + 1;
            out.add(new Setting(key, a.value(), SourceRef.at(path, unit.lineNumber(i), col)));
        }
        return out;
    }

    String value(String section, String key) {
        return unit.value(section, key).orElse(null);
    }

    /** Unit names listed in a dependency setting such as {@code After=}. */
    List<String> unitList(String section, String key) {
        List<String> out = new ArrayList<>();
        for (String v : unit.values(section, key)) {
            for (String u : v.split("\\s+")) {
                if (!u.isBlank()) {
                    out.add(u);
                }
            }
        }
        return out;
    }
}
