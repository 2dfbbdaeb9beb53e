package dev.migrate.recipes.prefectcli;

import dev.migrate.recipes.prefect2.Prefect2AnchorDate;
import java.util.List;
import java.util.Optional;

/**
 * The {@code --anchor-date} of a 2.x {@code prefect deployment build} or {@code set-schedule} with {@code --interval}
 * and a {@code --timezone} other than UTC: Prefect 2 read a naive anchor as UTC (PrefectHQ/prefect#9763), Prefect 3
 * versions read it as UTC or in the timezone. The digits get {@code +00:00}, the instant Prefect 2 used, which every
 * 3.x reads the same way. A value the shell expands is not known here and is left as it is.
 */
final class CliAnchorDate {
    private static final String FLAG = "--anchor-date";
    private static final String TIMEZONE = "--timezone";

    private CliAnchorDate() {
    }

    /** Rewrites the anchor in {@code flags} (the translated command's); the note for it, or empty when none changed. */
    static Optional<String> explicit(List<String> flags) {
        if (flags.stream().noneMatch(f -> f.equals("--interval") || f.startsWith("--interval="))) {
            return Optional.empty();
        }
        String timezone = value(flags, TIMEZONE);
        for (int i = 0; i < flags.size(); i++) {
            String f = flags.get(i);
            boolean inline = f.startsWith(FLAG + "=");
            int at = inline ? i : f.equals(FLAG) && i + 1 < flags.size() ? i + 1 : -1;
            if (at < 0) {
                continue;
            }
            String naive = inline ? f.substring(FLAG.length() + 1) : flags.get(at);
            Optional<Prefect2AnchorDate.Anchor> anchor = known(naive) && known(timezone)
                    ? Prefect2AnchorDate.of(naive, timezone) : Optional.empty();
            if (anchor.isEmpty()) {
                return Optional.empty();
            }
            String written = anchor.get().written(naive);
            flags.set(at, inline ? FLAG + "=" + written : written);
            return Optional.of("PF207: " + anchor.get().note("`" + FLAG + " " + naive + "` with `" + TIMEZONE + " "
                    + timezone + "`", "`" + FLAG + " " + written + "`", "`" + FLAG + " " + anchor.get().meant() + "`"));
        }
        return Optional.empty();
    }

    /** A word the shell gives as written: no expansion in it. */
    private static boolean known(String word) {
        return word != null && !word.contains("$") && !word.contains("`");
    }

    private static String value(List<String> flags, String flag) {
        for (int i = 0; i < flags.size(); i++) {
            if (flags.get(i).equals(flag) && i + 1 < flags.size()) {
                return flags.get(i + 1);
            }
            if (flags.get(i).startsWith(flag + "=")) {
                return flags.get(i).substring(flag.length() + 1);
            }
        }
        return null;
    }
}
