package dev.migrate.cli;

import dev.migrate.rewriters.python.ParseCheck;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code migrate parse-check PATH}: proves the Python syntax layer is lossless on a code base.
 * Exit 1 when a file does not print back byte for byte; syntax errors are reported but only fail the
 * run with {@code --fail-on-syntax-error} (legacy code bases often carry Python 2 files we must still
 * handle losslessly).
 */
@Command(
        name = "parse-check",
        mixinStandardHelpOptions = true,
        header = "Parse every Python file under each PATH and check it prints back byte for byte.",
        description = {
            "Prints the number of files, how many round-tripped, every syntax error as file:line:col, and "
                    + "the time taken. Symbolic links are not followed.",
            "",
            "Example: migrate parse-check src/ scripts/"
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  every file printed back byte for byte (syntax errors are listed, not counted)",
            "  1  a file did not print back, or a syntax error with --fail-on-syntax-error",
            "  2  a PATH does not exist",
            "  3  a PATH is not readable"
        })
final class ParseCheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Directories or .py files.")
    java.util.List<Path> paths;

    @Option(names = "--fail-on-syntax-error", description = "Also exit 1 when a file has a syntax error.")
    boolean failOnSyntaxError;

    @Override
    public Integer call() throws IOException {
        for (Path path : paths) {
            if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw CliException.invalidInput("parse-check: " + path
                        + " does not exist; pass a directory or a .py file.");
            }
            if (!Files.isReadable(path)) {
                throw CliException.environment("parse-check: " + path + " is not readable; check its permissions.");
            }
        }
        ParseCheck.Report r = ParseCheck.run(paths);
        PrintWriter out = spec.commandLine().getOut();
        out.println("files:          " + r.files());
        out.println("round-tripped:  " + r.roundTripped());
        out.println("syntax errors:  " + r.syntaxErrors().size() + " in " + r.filesWithSyntaxErrors() + " files");
        for (ParseCheck.SyntaxProblem p : r.syntaxErrors()) {
            out.println("  " + p.format());
        }
        for (ParseCheck.RoundTripFailure f : r.roundTripFailures()) {
            out.println("NOT ROUND-TRIPPED: " + f.file() + " (" + f.detail() + ")");
        }
        for (ParseCheck.Unreadable u : r.unreadable()) {
            out.println("unreadable: " + u.file() + " (" + u.reason() + ")");
        }
        if (r.skippedLinks() > 0) {
            out.println("skipped:        " + r.skippedLinks() + " symbolic links (not followed)");
        }
        double seconds = r.nanos() / 1e9;
        out.println(String.format(Locale.ROOT, "time:           %.2f s (%,d lines, %,.0f lines/s)", seconds,
                r.lines(), seconds > 0 ? r.lines() / seconds : 0));
        out.flush();
        boolean failed = !r.roundTripFailures().isEmpty() || failOnSyntaxError && !r.syntaxErrors().isEmpty();
        return failed ? ExitCode.FINDINGS.code() : ExitCode.OK.code();
    }
}
