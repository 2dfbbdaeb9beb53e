package dev.migrate.analyzers.sources.cron;

import dev.migrate.analyzers.model.Overlap;
import dev.migrate.rewriters.text.ShellWords;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads facts off a cron command line without running it: a job name, the overlap guard, the working directory. */
public final class CronCommands {
    private static final Pattern CD_PREFIX = Pattern.compile("^\\s*cd\\s+(\"[^\"]+\"|'[^']+'|\\S+)\\s*(&&|;)");

    private CronCommands() {
    }

    /** A short name for the job: see {@link CommandNames}. */
    public static String name(String command) {
        return CommandNames.of(command);
    }

    /**
     * The Python script a command runs ({@code /app/flows/etl.py}, {@code -m etl.flow}), found as its job's name is
     * ({@link CommandNames}); empty when its job is no Python script. Public for the Kubernetes detectors, which read a
     * container's command line as a crontab's.
     */
    public static java.util.Optional<String> pythonScript(String command) {
        return CommandNames.pythonScript(command);
    }

    /**
     * {@code flock -n}, {@code setlock -n}, {@code lckdo} and {@code run-one} skip a start while the previous run
     * holds the lock; plain {@code flock}, {@code setlock} and {@code lckdo -w} wait for it.
     */
    public static Overlap overlap(String command) {
        List<String> words = words(command);
        for (int i = 0; i < words.size(); i++) {
            String b = base(words.get(i));
            String next = i + 1 < words.size() ? words.get(i + 1) : "";
            if (b.equals("run-one")) {
                return Overlap.SKIP;
            }
            if (b.equals("setlock")) {
                return next.matches("-[a-zA-Z]*n[a-zA-Z]*") ? Overlap.SKIP : Overlap.QUEUE;
            }
            if (b.equals("lckdo")) {
                return next.equals("-w") ? Overlap.QUEUE : Overlap.SKIP;
            }
            if (b.equals("flock")) {
                for (int j = i + 1; j < words.size() && words.get(j).startsWith("-"); j++) {
                    String o = words.get(j);
                    boolean shortNonblock = o.matches("-[a-zA-Z]*n[a-zA-Z]*") && !o.startsWith("--");
                    if (shortNonblock || o.equals("--nonblock") || o.equals("--nb")
                            || (o.equals("-w") || o.equals("--timeout")) && j + 1 < words.size() && words.get(j + 1).equals("0")) {
                        return Overlap.SKIP;
                    }
                }
                return Overlap.QUEUE;
            }
        }
        return Overlap.ALLOW;
    }

    /** Debian's /etc/crontab runs cron.daily and friends only when anacron is absent: {@code test -x /usr/sbin/anacron || ...}. */
    public static boolean guardedByAnacron(String command) {
        return command.matches("\\s*test\\s+-x\\s+\\S*/anacron\\s*\\|\\|.*");
    }

    /** The directory of a leading {@code cd DIR &&}, or null. */
    public static String workingDir(String command) {
        Matcher m = CD_PREFIX.matcher(command);
        if (!m.find()) {
            return null;
        }
        String dir = m.group(1);
        return dir.startsWith("\"") || dir.startsWith("'") ? dir.substring(1, dir.length() - 1) : dir;
    }

    static List<String> words(String s) {
        return ShellWords.split(s);
    }

    private static String base(String path) {
        return CommandNames.base(path);
    }
}
