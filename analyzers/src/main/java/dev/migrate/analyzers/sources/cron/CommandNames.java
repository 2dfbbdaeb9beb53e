package dev.migrate.analyzers.sources.cron;

import dev.migrate.rewriters.shell.ShellLine;
import dev.migrate.rewriters.shell.SimpleCommand;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A short, telling name for the job a command line runs: the script or program, without directories or
 * extension, looking through wrappers ({@code flock}, {@code sudo}), shells given code ({@code bash -lc '...'}),
 * containers ({@code docker exec etl python job.py}) and remote shells ({@code ssh host cmd}). Programs that only
 * dispatch ({@code python manage.py clearsessions}, {@code ./run.sh sync-orders}, {@code make nightly}) are named
 * with what they dispatch to, and general tools with what they act on ({@code find /backup ...} is
 * {@code find-backup}, {@code mail -s "Weekly KPIs"} is {@code mail-weekly-kpis}), so that two {@code find} lines
 * of one crontab do not share a name. The name becomes the job's id, its cutover key and its deployment's name.
 */
final class CommandNames {
    /** Programs that run another command; their own options (and listed operands) are skipped to find the job. */
    private static final Set<String> WRAPPERS = Set.of("flock", "nice", "ionice", "timeout", "env", "sudo", "nohup",
            "chronic", "run-one", "time", "setlock", "lckdo", "cronic", "exec", "xargs", "stdbuf", "chpst", "runuser");
    private static final Set<String> WRAPPERS_WITH_OPERAND = Set.of("flock", "timeout", "setlock", "lckdo", "runuser");
    private static final Pattern INTERPRETER = Pattern.compile("(python|pypy)[0-9.]*|bash|sh|dash|zsh|ksh|perl|ruby|node|php|Rscript|java");
    private static final Pattern SHELL = Pattern.compile("bash|sh|dash|zsh|ksh");
    /**
     * The login shell or an interpreter named through a variable ({@code $SHELL -lc '...'}, {@code "${PYTHON}" job.py}):
     * the variable's name says what runs, so the word is read as that program, never as the job's name.
     */
    private static final Pattern VARIABLE_PROGRAM = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)\\}?");
    /** Interpreter options whose operand is inline code: the program is the interpreter, a fallback name only. */
    private static final Set<String> INLINE_CODE = Set.of("-c", "-e", "-E");
    /** Shell words that open or continue a compound command; the command they guard follows them. */
    private static final Set<String> SHELL_KEYWORDS = Set.of("if", "then", "else", "elif", "do", "!", "while", "until",
            "{", "(");
    private static final Set<String> NOT_THE_JOB = Set.of("cd", "source", ".", "export", "set", "test", "[", "[[",
            "sleep", "true", ":", "fi", "done", "}", ")", "echo", "printf", "date", "umask", "ulimit");
    /** Scripts and programs that run what their first operand names. */
    private static final Set<String> DISPATCHERS = Set.of("manage", "run", "main", "cli", "console", "artisan", "rake",
            "make", "invoke", "task", "tasks", "job", "jobs", "start", "app", "npm", "yarn", "pnpm", "just", "dbt");
    /** Wrappers of a project's environment whose next operand (after {@code run}) is the command. */
    private static final Set<String> ENV_RUNNERS = Set.of("poetry", "uv", "pipenv", "pdm", "hatch", "conda");
    /** General file tools: named with the last segment of the first path they act on. */
    private static final Set<String> FILE_TOOLS = Set.of("find", "rm", "rsync", "cp", "mv", "tar", "gzip", "du",
            "chown", "chmod", "tmpreaper", "tmpwatch");
    private static final Set<String> MAILERS = Set.of("mail", "mailx", "s-nail", "mutt");
    private static final Set<String> FETCHERS = Set.of("curl", "wget");
    /** A fetched URL's host; credentials before an {@code @} ({@code https://user:token@host/}) are skipped, never a name. */
    private static final Pattern URL_HOST = Pattern.compile("^https?://(?:[^/@?#]*@)?(?:www\\.)?([^/:?#@]+)");
    /** Options with a value of {@code docker exec}/{@code run} and {@code kubectl exec}, so the container is found. */
    private static final Set<String> CONTAINER_VALUE_OPTIONS = Set.of("-e", "--env", "-u", "--user", "-w", "--workdir",
            "--env-file", "-v", "--volume", "--name", "--network", "--net", "-p", "--publish", "--entrypoint", "-l",
            "--label", "--mount", "-m", "--memory", "--cpus", "--platform", "--pull", "--log-driver", "-c",
            "--container", "-n", "--namespace", "--context", "-f", "--file", "-h", "--hostname", "--add-host",
            "--project-name", "--project-directory", "--profile");
    private static final int MAX_DEPTH = 4;

    private CommandNames() {
    }

    /**
     * What a segment gives: a name, or an interpreter running inline code (a name only when nothing else names it);
     * {@code python} the Python script or module it runs ({@code flow.py}, {@code /app/etl/flow.py}, {@code -m etl.flow}),
     * else null.
     */
    private record Named(String name, boolean inline, String python) {
        Named(String name, boolean inline) {
            this(name, inline, null);
        }
    }

    /**
     * The Python script a command runs, as written ({@code /app/flows/etl.py}), or {@code -m MODULE}: found as the job's
     * name is, through wrappers, shells given code and containers; empty when the command's job is no Python script.
     */
    static java.util.Optional<String> pythonScript(String command) {
        Named n = first(command, 0);
        return n == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(n.python());
    }

    static String of(String command) {
        Named n = first(command, 0);
        if (n != null) {
            return n.name();
        }
        List<String> words = CronCommands.words(command);
        return words.isEmpty() ? "job" : base(words.get(0));
    }

    /** The first segment's name, a non-inline one preferred; null when no segment runs a program. */
    private static Named first(String command, int depth) {
        Named inline = null;
        for (SimpleCommand c : ShellLine.parse(command).commands()) {
            List<String> words = c.argv();
            int i = 0;
            while (i < words.size() && SHELL_KEYWORDS.contains(words.get(i))) {
                i++;
            }
            if (i == words.size() || NOT_THE_JOB.contains(words.get(i))) {
                continue;
            }
            Named n = program(words.subList(i, words.size()), depth);
            if (n != null && !n.inline()) {
                return n;
            }
            inline = inline == null ? n : inline;
        }
        return inline;
    }

    private static Named program(List<String> words, int depth) {
        int i = 0;
        while (i < words.size()) {
            String w = words.get(i);
            String b = programOfVariable(w);
            if (w.matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                i++;
            } else if (WRAPPERS.contains(b)) {
                i++;
                i = skipOptions(words, i, b.equals("sudo") || b.equals("nice") || b.equals("ionice") || b.equals("runuser"));
                if (WRAPPERS_WITH_OPERAND.contains(b) && i < words.size() && !(b.equals("runuser") && words.get(i).equals("--"))) {
                    i++;
                }
                // flock LOCK -c 'command': the command is shell code, like bash -c's
                if (b.equals("flock") && i + 1 < words.size()
                        && (words.get(i).equals("-c") || words.get(i).equals("--command"))) {
                    Named inner = depth < MAX_DEPTH ? first(words.get(i + 1), depth + 1) : null;
                    return inner != null ? inner : new Named(b, true);
                }
                if (i < words.size() && words.get(i).equals("--")) {
                    i++;
                }
            } else if (ENV_RUNNERS.contains(b) && i + 1 < words.size() && words.get(i + 1).equals("run")) {
                i = skipOptions(words, i + 2, false);
            } else if (SHELL.matcher(b).matches() && inlineCode(words, i) != null) {
                Named inner = depth < MAX_DEPTH ? first(inlineCode(words, i), depth + 1) : null;
                return inner != null && !inner.inline() ? inner : new Named(b, true);
            } else if (INTERPRETER.matcher(b).matches()) {
                return interpreter(words, i, b);
            } else if ((b.equals("docker") || b.equals("podman") || b.equals("kubectl")) && depth < MAX_DEPTH) {
                Named inner = container(words.subList(i + 1, words.size()), depth);
                if (inner != null) {
                    return inner;
                }
                return new Named(b, false);
            } else if (b.equals("ssh") && depth < MAX_DEPTH) {
                int host = skipOptions(words, i + 1, true);
                if (host + 1 < words.size()) {
                    Named inner = first(String.join(" ", words.subList(host + 1, words.size())), depth + 1);
                    if (inner != null) {
                        return inner;
                    }
                }
                return new Named("ssh", false);
            } else if (b.equals("run-parts")) {
                // run-parts DIR: the folder names the job (cron.daily).
                return new Named(base(words.get(words.size() - 1)), false);
            } else {
                // a script run as a program (./flow.py, its #! line naming python) is a Python script too
                return new Named(withOperand(stripExtension(b), words.subList(i + 1, words.size())), false,
                        b.endsWith(".py") ? w : null);
            }
        }
        return null;
    }

    /**
     * The program a word names: its last path segment, or for a variable that stands for a shell or an interpreter
     * ({@code $SHELL}, {@code ${BASH}}, {@code $PYTHON3}) that program's name, so that its {@code -c} code or script names
     * the job.
     */
    private static String programOfVariable(String word) {
        java.util.regex.Matcher v = VARIABLE_PROGRAM.matcher(word);
        if (!v.matches()) {
            return base(word);
        }
        String name = v.group(1).toLowerCase(Locale.ROOT);
        if (name.equals("shell")) {
            return "sh";
        }
        return INTERPRETER.matcher(name).matches() ? name : base(word);
    }

    /** {@code python -m pkg.job}, {@code python manage.py cmd}, {@code perl -e CODE} (inline), {@code node job.js}. */
    private static Named interpreter(List<String> words, int i, String b) {
        int j = i + 1;
        while (j < words.size() && words.get(j).startsWith("-")) {
            if (words.get(j).equals("-m") && j + 1 < words.size()) {
                return new Named(words.get(j + 1), false, python(b) ? "-m " + words.get(j + 1) : null);
            }
            if (INLINE_CODE.contains(words.get(j))) {
                return new Named(b, true);
            }
            j++;
        }
        if (j >= words.size()) {
            return new Named(b, false);
        }
        return new Named(withOperand(stripExtension(base(words.get(j))), words.subList(j + 1, words.size())), false,
                python(b) ? words.get(j) : null);
    }

    private static boolean python(String interpreter) {
        return interpreter.startsWith("python") || interpreter.startsWith("pypy");
    }

    /** The code of {@code bash -c CODE}, {@code sh -lc CODE}, {@code bash -ec CODE}; null otherwise. */
    private static String inlineCode(List<String> words, int shell) {
        for (int j = shell + 1; j < words.size() && words.get(j).startsWith("-"); j++) {
            if (words.get(j).matches("-[a-zA-Z]*c[a-zA-Z]*") && j + 1 < words.size()) {
                return words.get(j + 1);
            }
        }
        return null;
    }

    /**
     * {@code docker exec [OPTIONS] CONTAINER COMMAND}, {@code docker run ... IMAGE [COMMAND]}, {@code docker compose
     * run SERVICE COMMAND}, {@code kubectl exec POD -- COMMAND}: the command's name, else the container's.
     */
    private static Named container(List<String> args, int depth) {
        int i = skipContainerOptions(args, 0);
        if (i < args.size() && (args.get(i).equals("compose") || args.get(i).equals("container"))) {
            i = skipContainerOptions(args, i + 1);
        }
        if (i >= args.size() || !Set.of("exec", "run").contains(args.get(i))) {
            return null;
        }
        i = skipContainerOptions(args, i + 1);
        if (i < args.size() && args.get(i).equals("--")) {
            i++;
        }
        if (i >= args.size()) {
            return null;
        }
        String target = args.get(i);
        int cmd = i + 1;
        if (cmd < args.size() && args.get(cmd).equals("--")) {
            cmd++;
        }
        if (cmd < args.size()) {
            Named inner = program(args.subList(cmd, args.size()), depth + 1);
            if (inner != null && !inner.inline()) {
                return inner;
            }
        }
        String image = base(target.replaceAll("[:@].*$", ""));
        return image.isEmpty() ? null : new Named(image, false);
    }

    private static int skipContainerOptions(List<String> args, int i) {
        while (i < args.size() && args.get(i).startsWith("-") && !args.get(i).equals("--")) {
            i += CONTAINER_VALUE_OPTIONS.contains(args.get(i)) ? 2 : 1;
        }
        return i;
    }

    /** A dispatcher with what it runs, a file tool with the folder it acts on, a mailer with its subject. */
    private static String withOperand(String program, List<String> rest) {
        String p = program.toLowerCase(Locale.ROOT);
        if (DISPATCHERS.contains(p)) {
            // the first operand that is neither an option, a setting nor a path (make -C /srv/etl nightly), nor a
            // value computed at run time or a number, which are an option's value (main.py -m `date +%m` -y 2024)
            List<String> operands = rest.stream().filter(w -> !w.startsWith("-") && !w.contains("=") && !w.contains("/")
                    && !w.contains("`") && !w.contains("$") && !w.matches("[0-9.:+-]+")).toList();
            if ((p.equals("npm") || p.equals("yarn") || p.equals("pnpm")) && !operands.isEmpty()
                    && operands.get(0).equals("run")) {
                operands = operands.subList(1, operands.size());
            }
            return operands.isEmpty() || slug(operands.get(0)).isEmpty() ? program : program + "-" + slug(operands.get(0));
        }
        if (FILE_TOOLS.contains(p)) {
            for (String w : rest) {
                if (w.startsWith("/") || w.startsWith("./") || w.startsWith("~/")) {
                    String folder = base(w.replaceAll("/[^/]*[*?\\[{][^/]*$", ""));
                    return folder.isEmpty() || folder.equals(".") || folder.equals("~") ? program : program + "-" + slug(folder);
                }
            }
        }
        if (MAILERS.contains(p)) {
            int s = rest.indexOf("-s");
            if (s >= 0 && s + 1 < rest.size() && !slug(rest.get(s + 1)).isEmpty()) {
                return program + "-" + slug(rest.get(s + 1));
            }
        }
        if (FETCHERS.contains(p)) {
            for (String w : rest) {
                java.util.regex.Matcher m = URL_HOST.matcher(w);
                if (m.find()) {
                    return program + "-" + slug(m.group(1).replaceAll("\\.[a-z]+$", ""));
                }
            }
        }
        return program;
    }

    private static int skipOptions(List<String> words, int i, boolean optionsTakeValues) {
        while (i < words.size() && words.get(i).startsWith("-") && !words.get(i).equals("--")) {
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

    /** Lower case, runs of other characters as one {@code -}, at most 40 characters. */
    private static String slug(String s) {
        String out = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._]+", "-").replaceAll("^[-.]+|[-.]+$", "");
        return out.length() <= 40 ? out : out.substring(0, 40).replaceAll("-+$", "");
    }

    static String base(String path) {
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return p.substring(p.lastIndexOf('/') + 1);
    }

    private static String stripExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
