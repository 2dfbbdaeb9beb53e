package dev.migrate.cli;

import dev.migrate.analyzers.report.ReportFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Format names as users type them: scan calls Markdown {@code md} and its screen output {@code terminal}, validate
 * says {@code markdown} and {@code text}; each command takes either spelling rather than refusing the other's.
 */
final class FormatNames {
    private static final Map<String, String> OTHER_SPELLING = Map.of(
            "markdown", "md", "md", "markdown", "text", "terminal", "terminal", "text");

    private FormatNames() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String typed) {
        String name = typed.trim().toLowerCase(Locale.ROOT);
        for (String candidate : new String[] {name, OTHER_SPELLING.get(name)}) {
            for (E value : type.getEnumConstants()) {
                if (value.name().equalsIgnoreCase(candidate)) {
                    return value;
                }
            }
        }
        throw new TypeConversionException("'" + typed + "' is not a format; use one of " + Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
    }

    static final class Scan implements ITypeConverter<ReportFormat> {
        @Override
        public ReportFormat convert(String value) {
            return parse(ReportFormat.class, value);
        }
    }

    static final class Validate implements ITypeConverter<ValidateCommand.Format> {
        @Override
        public ValidateCommand.Format convert(String value) {
            return parse(ValidateCommand.Format.class, value);
        }
    }
}
