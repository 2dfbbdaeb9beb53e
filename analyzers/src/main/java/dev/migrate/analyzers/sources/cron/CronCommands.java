package dev.migrate.analyzers.sources.cron;

import dev.migrate.analyzers.model.Overlap;
import dev.migrate.rewriters.text.ShellWords;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads facts off a cron command line without running it: a job name, the overlap guard, the working directory. */
public final class CronCommands {
    /** Programs that run another command; their own options (and listed operands) are skipped to find the job. */
    private static final Set<String> WRAPPERS = Set.of("flock", "nice", "ionice", "timeout", "env", "sudo", "nohup",
            "chronic", "run-one", "time", "setlock", "lckdo", "cronic", "exec");
    private static final Set<String> WRAPPERS_WITH_OPERAND = Set.of("flock", "timeout", "setlock", "lckdo");
    private static final Pattern INTERPRETER = Pattern.compile("(python|pypy)[0-9.]*|bash|sh|dash|zsh|ksh|perl|ruby|node|php|Rscript|java");
    private static final Pattern CD_PREFIX = Pattern.compile("^\\s*cd\\s+(\"[^\"]+\"|'[^']+'|\\S+)\\s*(&&|;)");

    private CronCommands() {
    }

    /** Shell words that open or continue a compound command; the command they guard follows them. */
    private static final Set<String> SHELL_KEYWORDS = Set.of("if", "then", "else", "elif", "do", "!", "while", "until");
    /** Interpreter options whose operand is inline code: the program is the interpreter, a fallback name only. */
    private static final Set<String> INLINE_CODE = Set.of("-c", "-e", "-E");

    /**
     * A short name for the job: the script or program it runs, without directories or extension. A segment that only
     * runs inline code ({@code perl -e 'sleep int(rand(3600))'}, a random delay) names it only when no other does.
     */
    public static String name(String command) {
        String inline = null;
        for (String segment : command.split("&&|\\|\\||;|\\|")) {
            List<String> words = words(segment.replaceAll("^[\\s({]+|[\\s)}]+$", ""));
            while (!words.isEmpty() && SHELL_KEYWORDS.contains(words.get(0))) {
                words = words.subList(1, words.size());
            }
            if (words.isEmpty() || Set.of("cd", "source", ".", "export", "set", "test", "[", "[[", "sleep", "true", ":", "fi", "done")
                    .contains(words.get(0))) {
                continue;
            }
            String program = program(words);
            if (program != null && runsInlineCode(words)) {
                inline = inline == null ? program : inline;
            } else if (program != null) {
                return program;
            }
        }
        if (inline != null) {
            return inline;
        }
        List<String> words = words(command);
        return words.isEmpty() ? "job" : base(words.get(0));
    }

    /** {@code perl -e CODE}, {@code bash -c CODE}: an interpreter given its program on the command line. */
    private static boolean runsInlineCode(List<String> words) {
        for (int i = 0; i + 1 < words.size(); i++) {
            if (INTERPRETER.matcher(base(words.get(i))).matches()) {
                return INLINE_CODE.contains(words.get(i + 1));
            }
        }
        return false;
    }

    private static String program(List<String> words) {
        int i = 0;
        while (i < words.size()) {
            String w = words.get(i);
            String b = base(w);
            if (w.matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                i++;
            } else if (WRAPPERS.contains(b)) {
                i++;
                i = skipOptions(words, i, b.equals("sudo") || b.equals("nice") || b.equals("ionice"));
                if (WRAPPERS_WITH_OPERAND.contains(b) && i < words.size()) {
                    i++;
                }
            } else if (INTERPRETER.matcher(b).matches()) {
                int j = i + 1;
                while (j < words.size() && words.get(j).startsWith("-")) {
                    if (words.get(j).equals("-m") && j + 1 < words.size()) {
                        return words.get(j + 1);
                    }
                    if (INLINE_CODE.contains(words.get(j))) {
                        return b;
                    }
                    j++;
                }
                return j < words.size() ? stripExtension(base(words.get(j))) : b;
            } else if (b.equals("run-parts")) {
                // run-parts DIR: the folder names the job (cron.daily).
                return base(words.get(words.size() - 1));
            } else {
                return stripExtension(b);
            }
        }
        return null;
    }

    private static int skipOptions(List<String> words, int i, boolean optionsTakeValues) {
        while (i < words.size() && words.get(i).startsWith("-")) {
            String opt = words.get(i);
            i++;
            if (optionsTakeValues && opt.length() == 2 && i < words.size() && !words.get(i).startsWith("-")) {
                i++;
            } else if ((opt.equals("-w") || opt.equals("--timeout") || opt.equals("-E") || opt.equals("-s")
                    || opt.equals("-k") || opt.equals("--signal")) && i < words.size()) {
                i++;
            }
        }
        return i;
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
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return p.substring(p.lastIndexOf('/') + 1);
    }

    private static String stripExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
