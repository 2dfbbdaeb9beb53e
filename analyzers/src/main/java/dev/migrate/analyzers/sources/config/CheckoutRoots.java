package dev.migrate.analyzers.sources.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where CI systems check the repository out ({@code ci-checkout-roots.csv}): the one kind of absolute directory a
 * script or pipeline names that is known to be the scanned tree. {@code cd "$GITHUB_WORKSPACE/flows"} and
 * {@code cd /home/runner/work/etl/etl/flows} are both {@code flows} of the tree; {@code cd /srv/app/flows} is a
 * directory of the machine the command runs on, which the tree cannot place.
 */
final class CheckoutRoots {
    private static final Set<String> VARIABLES = new TreeSet<>();
    private static final List<String[]> PATHS = new ArrayList<>();

    static {
        load();
    }

    private CheckoutRoots() {
    }

    /** Whether the shell variable {@code name} holds the checkout (GitHub's expression spelled with padding too). */
    static boolean isVariable(String name) {
        return VARIABLES.contains(name) || VARIABLES.contains(name.replaceFirst("_+$", ""));
    }

    /**
     * The tree directory ("" is the root) of an absolute, normalized directory ({@code /a/b}) when it is in a known
     * checkout; empty when it is not, so the tree cannot place it.
     */
    static Optional<String> inTree(String absolute) {
        String[] parts = absolute.substring(1).split("/");
        for (String[] root : PATHS) {
            if (parts.length < root.length) {
                continue;
            }
            boolean matches = true;
            for (int i = 0; i < root.length && matches; i++) {
                matches = root[i].equals("*") || root[i].equals(parts[i]);
            }
            if (matches) {
                return Optional.of(String.join("/", List.of(parts).subList(root.length, parts.length)));
            }
        }
        return Optional.empty();
    }

    /**
     * GitHub's {@code ${{ github.workspace }}} as a shell word of the same length ({@code ${GITHUB_WORKSPACE___}}), so
     * the shell reading of a {@code run:} line keeps its columns; other text as it is.
     */
    static String githubExpressionAsVariable(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$\\{\\{\\s*github\\.workspace\\s*}}").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int pad = m.group().length() - "${GITHUB_WORKSPACE}".length();
            m.appendReplacement(out, pad < 0 ? m.group().replace("$", "\\$")
                    : "\\${GITHUB_WORKSPACE" + "_".repeat(pad) + "}");
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Groovy's {@code ${env.NAME}} as the shell's {@code ${NAME____}}, of the same length (the columns hold). */
    static String groovyEnvAsVariable(String text) {
        return text.contains("${env.") ? text.replaceAll("\\$\\{env\\.([A-Za-z_]\\w*)}", "\\${$1____}") : text;
    }

    private static void load() {
        try (InputStream in = CheckoutRoots.class.getResourceAsStream(
                "/dev/migrate/analyzers/sources/config/ci-checkout-roots.csv")) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] cols = line.split(",", 3);
                if (line.startsWith("#") || cols.length < 2 || cols[0].equals("kind")) {
                    continue;
                }
                if (cols[0].equals("variable")) {
                    VARIABLES.add(cols[1]);
                } else if (cols[0].equals("path")) {
                    PATHS.add(cols[1].substring(1).split("/"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
