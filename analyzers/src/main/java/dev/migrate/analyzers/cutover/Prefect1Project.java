package dev.migrate.analyzers.cutover;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Prefect 1 project a flow is registered in, which {@code prefect run -n NAME --project PROJECT} (a backfill's run
 * of the legacy flow) needs: the literal {@code project_name=} of the {@code .register(...)} calls in the flow's own
 * file, when they all name one ({@code flow.register(project_name="lake-ingestion")}). Read as text, never run; any
 * other case is unknown, and the plan says to fill it in.
 */
final class Prefect1Project {
    private static final Pattern REGISTER = Pattern.compile(
            "\\.register\\s*\\((?:[^()]|\\([^()]*\\))*?\\bproject_name\\s*=\\s*(?:\"([^\"\\\\]+)\"|'([^'\\\\]+)')");

    private Prefect1Project() {
    }

    static Optional<String> of(Path root, Job legacy) {
        if (root == null || legacy == null || legacy.kind() != JobKind.PREFECT1_FLOW) {
            return Optional.empty();
        }
        String text;
        try {
            text = Files.readString(root.resolve(legacy.source().path()), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return in(text);
    }

    /** The one project the text's register calls name, if they name exactly one. */
    static Optional<String> in(String text) {
        Set<String> named = new TreeSet<>();
        Matcher m = REGISTER.matcher(text);
        while (m.find()) {
            named.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return named.size() == 1 ? Optional.of(named.iterator().next()) : Optional.empty();
    }
}
