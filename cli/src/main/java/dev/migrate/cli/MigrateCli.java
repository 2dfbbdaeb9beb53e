package dev.migrate.cli;

import dev.migrate.analyzers.scan.HostZoneUsed;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Builds the configured {@link CommandLine}: subcommands, and the mapping from errors to one-line
 * messages and exit codes. {@link Main} and the tests both go through here.
 */
public final class MigrateCli {
    private MigrateCli() {
    }

    public static CommandLine create() {
        // Standard output carries reports, JSON and diffs, which are UTF-8 whatever the locale: with LANG=C the JVM's
        // default charset is ASCII and would turn every other character into '?'. The terminal report escapes what the
        // locale cannot show (TerminalText); messages on standard error keep the locale's charset.
        return create(new PrintWriter(new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8), true),
                new PrintWriter(System.err, true));
    }

    public static CommandLine create(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new MigrateCommand());
        // --help lists the commands in this order: the order of a migration, then the tools around it
        cl.addSubcommand(new ScanCommand());
        cl.addSubcommand(new RewriteCommand());
        cl.addSubcommand(new ValidateCommand());
        cl.addSubcommand(new CutoverCommand());
        cl.addSubcommand(new ParseCheckCommand());
        cl.addSubcommand(new CommandLine.HelpCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(MigrateCli::onBadUsage);
        cl.setExecutionExceptionHandler(MigrateCli::onFailure);
        cl.setExitCodeExceptionMapper(t -> ExceptionExitCodes.of(t).code());
        cl.setExecutionStrategy(MigrateCli::runInHostZone);
        return cl;
    }

    /**
     * Runs the command with {@code migrate.hostZone} set to the zone its {@code --host-zone} (or tree) gives, and
     * puts the property back afterwards, so one run's zone never leaks into the next (the tests run many).
     */
    private static int runInHostZone(CommandLine.ParseResult parsed) {
        CommandLine leaf = parsed.asCommandLineList().get(parsed.asCommandLineList().size() - 1);
        CommandSpec spec = leaf.getCommandSpec();
        HostZoneOption option = spec.mixins().values().stream().map(CommandSpec::userObject)
                .filter(HostZoneOption.class::isInstance).map(HostZoneOption.class::cast).findFirst().orElse(null);
        if (option == null) {
            return new CommandLine.RunLast().execute(parsed);
        }
        // the command's PATH: the tree whose etc/ may declare the host's zone
        Path root = spec.positionalParameters().stream().filter(p -> p.type() == Path.class)
                .map(p -> (Path) p.getValue()).filter(java.util.Objects::nonNull).findFirst().orElse(null); // none for --help
        String before = System.getProperty(HostZoneOption.PROPERTY);
        String assumedBefore = System.getProperty(HostZoneUsed.ASSUMED_PROPERTY);
        HostZoneOption.Resolved zone;
        try {
            zone = option.resolve(root);
        } catch (CliException e) {
            leaf.getErr().println("migrate: " + e.getMessage());
            leaf.getErr().flush();
            return ExceptionExitCodes.of(e).code();
        }
        System.setProperty(HostZoneOption.PROPERTY, zone.zone().getId());
        // whether the zone is only assumed reaches the scans a command makes as the zone does
        System.setProperty(HostZoneUsed.ASSUMED_PROPERTY, String.valueOf(zone.assumed()));
        try {
            return new CommandLine.RunLast().execute(parsed);
        } finally {
            restore(HostZoneOption.PROPERTY, before);
            restore(HostZoneUsed.ASSUMED_PROPERTY, assumedBefore);
        }
    }

    private static void restore(String property, String before) {
        if (before == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, before);
        }
    }

    /** Bad options or unknown commands: one line that says what is wrong and where to look. */
    private static int onBadUsage(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        String name = cmd.getCommandSpec().qualifiedName();
        String hint = "Run '" + name + " --help' for usage.";
        if (ex instanceof UnmatchedArgumentException unmatched) {
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                hint = "Did you mean '" + String.join("' or '", suggestions) + "'? " + hint;
            }
        }
        err.println(name + ": " + ex.getMessage() + ". " + hint);
        err.flush();
        return ExitCode.INVALID_INPUT.code();
    }

    private static int onFailure(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        ExitCode code = ExceptionExitCodes.of(ex);
        boolean wantTrace = parsed != null && parsed.hasMatchedOption("--stacktrace")
                || rootWantsTrace(cmd);
        if (code == ExitCode.INTERNAL) {
            return internalError(ex, err, wantTrace);
        }
        err.println("migrate: " + ex.getMessage());
        if (wantTrace) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code.code();
    }

    /** A bug in migrate: what was thrown, and the stack trace only when asked for. Returns exit code 4. */
    static int internalError(Throwable t, PrintWriter err, boolean wantTrace) {
        err.println("migrate: internal error: " + t);
        if (wantTrace) {
            t.printStackTrace(err);
        } else {
            err.println("This is a bug in migrate. Re-run with --stacktrace and report the output.");
        }
        err.flush();
        return ExitCode.INTERNAL.code();
    }

    private static boolean rootWantsTrace(CommandLine cmd) {
        CommandLine root = cmd;
        while (root.getParent() != null) {
            root = root.getParent();
        }
        return root.getCommand() instanceof MigrateCommand m && m.stacktrace;
    }
}
