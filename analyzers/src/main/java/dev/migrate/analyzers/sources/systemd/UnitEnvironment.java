package dev.migrate.analyzers.sources.systemd;

import dev.migrate.rewriters.systemd.EnvironmentWords;
import dev.migrate.rewriters.systemd.UnitFile;
import dev.migrate.rewriters.systemd.UnitLine;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables a service's unit file and its drop-ins set with {@code Environment=} lines, as systemd leaves them:
 * files and lines in the order systemd reads them, a later assignment wins, and an empty {@code Environment=} clears
 * all set before it (systemd.exec(5)). {@code EnvironmentFile=} is not read here: its files win over these lines, and
 * each caller decides which of their variables it may read.
 */
public final class UnitEnvironment {
    /** A variable's value and where it was set ({@code path:line}). */
    public record Value(String value, String where) {
    }

    private UnitEnvironment() {
    }

    /** The variables {@code unitFiles} (unit first, then drop-ins) set, from their texts among {@code texts}. */
    public static Map<String, Value> of(List<String> unitFiles, Map<String, String> texts) {
        Map<String, Value> env = new HashMap<>();
        for (String path : unitFiles) {
            String text = texts.get(path);
            if (text == null) {
                continue;
            }
            UnitFile unit = UnitFile.parse(text);
            for (int index : unit.indexesOf("Service", "Environment")) {
                String value = ((UnitLine.Assignment) unit.lines().get(index)).value();
                if (value.isBlank()) {
                    env.clear();
                    continue;
                }
                String where = path + ":" + unit.lineNumber(index);
                EnvironmentWords.parse(value).forEach((k, v) -> env.put(k, new Value(v, where)));
            }
        }
        return env;
    }
}
