package dev.migrate.analyzers.sources.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a command's words read when it is not what they spell ({@link CommandReading}). */
class CommandReadingTest {
    // the assignments in front of the command, after `env` or a pipeline's YAML key; none behind another command
    @Test
    void theNamesInFrontOfTheCommandAreItsPrefix() {
        assertThat(CommandReading.prefixNames("cd x && INFRA=a POOL=b ", false)).containsExactly("INFRA", "POOL");
        assertThat(CommandReading.prefixNames("env INFRA=a ", false)).containsExactly("INFRA");
        assertThat(CommandReading.prefixNames("  - run: INFRA=a ", false)).containsExactly("INFRA");
        assertThat(CommandReading.prefixNames("\t@INFRA=a ", true)).containsExactly("INFRA");
        assertThat(CommandReading.prefixNames("INFRA=a; ", false)).isEmpty();
        assertThat(CommandReading.prefixNames("sudo INFRA=a ", false)).isEmpty();
    }

    // a name set above the command is what it reads, not an empty one
    @Test
    void aNameSetAboveIsNotSaidToBeEmpty() {
        String script = "INFRA=process/old\nINFRA=docker-container/new prefect deployment build a.py:a -ib $INFRA\n";
        int line = script.indexOf('\n') + 1;
        String second = script.substring(line);
        CommandReading reading = CommandReading.at(false, second, second.indexOf("prefect"), LiteralVariables.shell(script),
                line + second.indexOf("prefect"));
        assertThat(reading.note("$INFRA")).isEmpty();
        CommandReading alone = CommandReading.at(false, second, second.indexOf("prefect"), List.of(), 0);
        assertThat(alone.note("$INFRA")).hasValueSatisfying(n -> assertThat(n).startsWith("`$INFRA` is empty here"));
        assertThat(alone.note("${INFRA}")).isPresent();
        assertThat(alone.note("$OTHER")).isEmpty();
    }

    // make's `$$INFRA` is the shell's, `$(INFRA)` make's own; only a one-dollar name of two letters or more is misread
    @Test
    void aMakefilesOneDollarNameIsMisread() {
        CommandReading make = new CommandReading(true, java.util.Set.of());
        assertThat(make.note("$INFRA")).hasValueSatisfying(n -> assertThat(n).startsWith("`$INFRA` in a Makefile is "
                + "make's `$(I)` followed by `NFRA`"));
        assertThat(make.note("docker-container/$NAME")).isPresent();
        assertThat(make.note("$$INFRA")).isEmpty();
        assertThat(make.note("$(INFRA)")).isEmpty();
        assertThat(make.note("${INFRA}")).isEmpty();
        assertThat(make.note("$@")).isEmpty();
        assertThat(CommandReading.PLAIN.note("$INFRA")).isEmpty();
    }
}
