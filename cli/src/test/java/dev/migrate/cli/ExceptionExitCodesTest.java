package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class ExceptionExitCodesTest {
    @Test
    void cliExceptionsCarryTheirOwnCode() {
        assertThat(ExceptionExitCodes.of(CliException.invalidInput("bad"))).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(ExceptionExitCodes.of(CliException.environment("gone"))).isEqualTo(ExitCode.ENVIRONMENT);
    }

    @Test
    void missingFilesAreEnvironmentProblemsEvenWhenWrapped() {
        var wrapped = new UncheckedIOException(new NoSuchFileException("x"));
        assertThat(ExceptionExitCodes.of(wrapped)).isEqualTo(ExitCode.ENVIRONMENT);
    }

    @Test
    void unknownRuleCodesAreInvalidInput() {
        var unknown = new dev.migrate.analyzers.rules.UnknownRuleException("unknown rule code 'X'");
        assertThat(ExceptionExitCodes.of(unknown)).isEqualTo(ExitCode.INVALID_INPUT);
    }

    @Test
    void anythingElseIsAnInternalError() {
        assertThat(ExceptionExitCodes.of(new IllegalStateException("oops"))).isEqualTo(ExitCode.INTERNAL);
    }
}
