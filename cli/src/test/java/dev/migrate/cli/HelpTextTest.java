package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What {@code --help} shows: the README's commands, examples that can be copied, and the options each command has. */
class HelpTextTest {
    @Test
    void commandsAreListedInTheOrderOfAMigration() {
        String help = CliRun.of("--help").out();
        List<String> commands = help.substring(help.indexOf("Commands:")).lines().skip(1)
                .takeWhile(l -> !l.isBlank()).filter(l -> l.startsWith("  ") && !l.startsWith("    "))
                .map(l -> l.strip().split("\\s+")[0]).toList();
        assertThat(commands).containsExactly("scan", "rewrite", "validate", "cutover", "parse-check", "help");
    }

    /** An example wrapped in the middle (a note "PR" on one line, "#42'" on the next) cannot be pasted. */
    @Test
    void everyExampleLineIsShownWhole() {
        for (CommandLine command : allCommands(MigrateCli.create())) {
            StringWriter usage = new StringWriter();
            command.usage(new PrintWriter(usage));
            List<String> shown = usage.toString().lines().map(String::stripTrailing).toList();
            for (String line : command.getCommandSpec().usageMessage().description()) {
                if (line.startsWith("  migrate ") || line.startsWith("      --")) {
                    assertThat(shown).as(command.getCommandSpec().qualifiedName()).contains(line.stripTrailing());
                }
            }
        }
    }

    @Test
    void rewriteHelpIsWrappedByPicocliAndListsItsExitCodes() {
        String help = CliRun.of("rewrite", "--help").out();
        assertThat(help).contains("written in place, atomically", "Exit codes:", "1  manual items left, with --fail-on manual");
        assertThat(help.lines()).noneMatch(l -> l.endsWith("in place,"));
        assertThat(CliRun.of("parse-check", "--help").out()).contains("Exit codes:", "--fail-on-syntax-error");
    }

    /** record names its job as an argument: a --job option there was accepted and ignored. */
    @Test
    void cutoverRecordHasNoJobOption() {
        assertThat(CliRun.of("cutover", "record", "--help").out()).doesNotContain("--job").contains("--path");
        assertThat(CliRun.of("cutover", "status", "--help").out()).contains("--job=JOB");
        CliRun run = CliRun.of("cutover", "record", "some-job", "cut-over", "--by", "ann", "--job", "other-job");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown options: '--job'");
    }

    private static List<CommandLine> allCommands(CommandLine root) {
        List<CommandLine> all = new ArrayList<>(List.of(root));
        root.getSubcommands().values().forEach(c -> all.addAll(allCommands(c)));
        return all;
    }
}
