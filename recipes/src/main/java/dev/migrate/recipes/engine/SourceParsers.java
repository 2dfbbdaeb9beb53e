package dev.migrate.recipes.engine;

import dev.migrate.analyzers.sources.config.ShellScripts;
import dev.migrate.rewriters.python.PythonRewriteParser;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.openrewrite.Parser;
import org.openrewrite.text.PlainTextParser;
import org.openrewrite.yaml.YamlParser;

/**
 * Chooses the parser for a file. Only the formats some recipe edits are parsed; everything else is
 * left out of the run, so a rewrite never touches a file no recipe understands.
 */
final class SourceParsers {
    /** Text formats edited line by line through the project's own lossless models (Java sources, XML and properties are read by
     * the legacy scheduler recipe, which finds Spring and Quartz jobs in them; .conf and .ini hold supervisord programs;
     * a Helm chart's lock file is only read, to say it is stale once a dependency changed; a chart's .tpl helpers are
     * templates, which read the umbrella chart's values by path; pyenv's .python-version is raised with the Python Prefect needs). */
    private static final Pattern PLAIN_TEXT = Pattern.compile(
            "(?i)(.*\\.(sh|bash|mk|service|timer|env|txt|in|cfg|conf|ini|toml|md|json|java|xml|properties|tpl))|(Dockerfile|Containerfile)(\\..*)?|.*\\.(dockerfile|containerfile)"
                    + "|Makefile|makefile|GNUmakefile|crontab(\\..*)?|.*\\.cron"
                    + "|Chart\\.lock|requirements\\.lock|Procfile(\\..*)?|justfile|\\.justfile|\\.python-version|.*\\.just|Jenkinsfile(\\..*)?|.*\\.jenkinsfile|\\.env\\..*");

    /** Crontabs are named by their directory: /etc/cron.d/*, /var/spool/cron/crontabs/*, anacrontab; run-parts scripts too. */
    private static final Pattern CRONTAB_PATH = Pattern.compile(
            "(.*/)?(cron\\.d|crontabs|cron\\.(hourly|daily|weekly|monthly))/[^/]+|(.*/)?anacrontab");

    /**
     * A host dump's users and groups, read (never edited) by the legacy recipe for the homes, ids and shells systemd gives
     * a unit's specifiers and WorkingDirectory=~. Only these two: etc/shadow, which holds the password hashes, never is.
     */
    private static final Pattern ACCOUNTS_PATH = Pattern.compile("(.*/)?etc/(passwd|group)");

    private SourceParsers() {
    }

    /**
     * The parser of a file {@link #forPath} does not choose, by its content: an extensionless shell script
     * ({@code bin/build} starting {@code #!/bin/bash}), as the scan reads one ({@link ShellScripts}).
     */
    static Optional<Parser> forContent(Path relative, byte[] bytes) {
        String name = relative.getFileName().toString();
        if (name.contains(".") || bytes.length < 2 || bytes[0] != '#' || bytes[1] != '!') {
            return Optional.empty();
        }
        int end = 0;
        while (end < bytes.length && end < 512 && bytes[end] != '\n') {
            end++;
        }
        String first = new String(bytes, 0, end, java.nio.charset.StandardCharsets.ISO_8859_1);
        return ShellScripts.byShebang(name, first) ? Optional.of(PlainTextParser.builder().build()) : Optional.empty();
    }

    /** Whether {@link #forContent} may choose a parser for the file, so that its bytes are worth reading. */
    static boolean mayChooseByContent(Path relative) {
        return !relative.getFileName().toString().contains(".");
    }

    static Optional<Parser> forPath(Path relative) {
        String name = relative.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".py")) {
            return Optional.of(PythonRewriteParser.builder().build());
        }
        if (lower.endsWith(".yml") || lower.endsWith(".yaml")) {
            return Optional.of(YamlParser.builder().build());
        }
        if (PLAIN_TEXT.matcher(name).matches()
                || CRONTAB_PATH.matcher(relative.toString().replace('\\', '/')).matches()
                || ACCOUNTS_PATH.matcher(relative.toString().replace('\\', '/')).matches()) {
            return Optional.of(PlainTextParser.builder().build());
        }
        return Optional.empty();
    }
}
