package dev.migrate.recipes.prefect1.internal;

import dev.migrate.rewriters.python.query.Argument;
import dev.migrate.rewriters.python.query.CallView;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Prefect 1 {@code ShellTask(...)} instances as {@code @task} functions that run the command with
 * {@code subprocess}, the way ShellTask did: the helper script first, the shell's exit status failing the task,
 * the last line of stdout (or every line with {@code return_all}) as the result.
 */
public final class ShellTasks {
    /** The helper every converted ShellTask calls; written once per module. */
    public static final String HELPER_NAME = "_run_shell_command";
    private static final Set<String> SHELL_OPTIONS = Set.of("command", "env", "helper_script", "shell", "return_all",
            "log_stderr", "stream_output");

    private ShellTasks() {
    }

    public static String helper() {
        return """
                def _run_shell_command(command, env=None, helper_script=None, shell="bash", return_all=False,
                                       log_stderr=False, stream_output=False):
                    \"\"\"Runs a command as Prefect 1's ShellTask did (written by migrate when converting ShellTask).\"\"\"
                    if not command:
                        raise ValueError("ShellTask: no command given")
                    script = (helper_script + "\\n" if helper_script else "") + command
                    completed = subprocess.run([shell, "-c", script], env={**os.environ, **(env or {})},
                                               capture_output=True, text=True)
                    logger = get_run_logger()
                    lines = [line.rstrip() for line in completed.stdout.splitlines()]
                    if stream_output:
                        for line in lines:
                            logger.info(line)
                    if completed.returncode != 0:
                        if log_stderr:
                            logger.error(completed.stderr)
                        raise RuntimeError(f"command failed with exit code {completed.returncode}")
                    if return_all:
                        return lines
                    return lines[-1] if lines else None
                """;
    }

    /**
     * A ShellTask's arguments: task options (kept under their 1.x names for the task-option recipe), the three
     * call-time defaults, and the shell options in the order written.
     */
    private record ShellArgs(List<String> taskOptions, String command, String env, String helperScript,
                             java.util.Map<String, String> shellOptions) {
        static ShellArgs of(CallView ctor) {
            List<String> taskOptions = new ArrayList<>();
            java.util.Map<String, String> shell = new java.util.LinkedHashMap<>();
            for (Argument a : ctor.arguments()) {
                String value = a.value().print().strip();
                if (SHELL_OPTIONS.contains(a.keyword())) {
                    shell.put(a.keyword(), value);
                } else {
                    taskOptions.add(a.keyword() + "=" + value);
                }
            }
            return new ShellArgs(taskOptions, shell.getOrDefault("command", "None"), shell.getOrDefault("env", "None"),
                    shell.getOrDefault("helper_script", "None"), shell);
        }

        String header(String name) {
            return TaskDefinitions.decorator(taskOptions) + "\n"
                    + "def " + name + "(command=" + command + ", env=" + env + ", helper_script=" + helperScript + "):\n";
        }
    }

    /** The {@code @task} function replacing {@code name = ShellTask(...)}; task options stay under their 1.x names. */
    public static String function(String name, CallView ctor) {
        ShellArgs args = ShellArgs.of(ctor);
        List<String> fixed = new ArrayList<>();
        args.shellOptions().forEach((k, v) -> {
            if (!List.of("command", "env", "helper_script").contains(k)) {
                fixed.add(k + "=" + v);
            }
        });
        return args.header(name) + "    return " + HELPER_NAME + "(command, env=env, helper_script=helper_script"
                + (fixed.isEmpty() ? "" : ", " + String.join(", ", fixed)) + ")\n";
    }

    /**
     * The {@code @task} function replacing {@code name = ShellTask(...)} with {@code prefect_shell.ShellOperation}
     * (the helper script runs first in the same shell, as in ShellTask); needs the prefect-shell package.
     * {@code log_stderr} needs nothing: ShellOperation puts stderr in the error it raises.
     */
    public static String shellOperationFunction(String name, CallView ctor) {
        ShellArgs args = ShellArgs.of(ctor);
        List<String> opArgs = new ArrayList<>();
        opArgs.add("commands=[c for c in (helper_script, command) if c]");
        opArgs.add("env=env or {}");
        for (String k : List.of("shell", "stream_output")) {
            if (args.shellOptions().containsKey(k)) {
                opArgs.add(k + "=" + args.shellOptions().get(k));
            }
        }
        boolean returnAll = "True".equals(args.shellOptions().get("return_all"));
        return args.header(name)
                + "    lines = ShellOperation(" + String.join(", ", opArgs) + ").run()\n"
                + (returnAll ? "    return lines\n" : "    return lines[-1] if lines else None\n");
    }

    /** Whether every argument is a keyword (ShellTask's positional order is not worth guessing). */
    public static boolean convertible(CallView ctor) {
        return ctor.arguments().stream().allMatch(a -> a.keyword() != null);
    }
}
