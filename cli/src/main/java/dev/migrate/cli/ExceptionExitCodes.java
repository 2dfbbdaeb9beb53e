package dev.migrate.cli;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place where exceptions become exit codes. Modules below the CLI throw their own exception
 * types; each is registered here with the code it stands for. Anything unregistered is a bug (4).
 */
public final class ExceptionExitCodes {
    private static final Map<Class<? extends Throwable>, ExitCode> BY_TYPE = new LinkedHashMap<>();

    static {
        register(NoSuchFileException.class, ExitCode.ENVIRONMENT);
        register(AccessDeniedException.class, ExitCode.ENVIRONMENT);
        register(UncheckedIOException.class, ExitCode.ENVIRONMENT);
        register(dev.migrate.validators.ConfigException.class, ExitCode.INVALID_INPUT);
        register(dev.migrate.validators.BadInputException.class, ExitCode.INVALID_INPUT);
        register(dev.migrate.validators.EnvironmentException.class, ExitCode.ENVIRONMENT);
        register(dev.migrate.analyzers.rules.UnknownRuleException.class, ExitCode.INVALID_INPUT);
        register(dev.migrate.analyzers.cutover.CutoverException.class, ExitCode.INVALID_INPUT);
    }

    private ExceptionExitCodes() {
    }

    static void register(Class<? extends Throwable> type, ExitCode code) {
        BY_TYPE.put(type, code);
    }

    public static ExitCode of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CliException cli) {
                return cli.exitCode();
            }
            for (Map.Entry<Class<? extends Throwable>, ExitCode> e : BY_TYPE.entrySet()) {
                if (e.getKey().isInstance(t)) {
                    return e.getValue();
                }
            }
        }
        return ExitCode.INTERNAL;
    }
}
