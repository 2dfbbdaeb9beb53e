package dev.migrate.recipes.prefect2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.scan.ScanListener;
import dev.migrate.analyzers.scan.ScanOptions;
import dev.migrate.analyzers.scan.Scanner;
import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.engine.RecipeCatalog;
import dev.migrate.recipes.engine.RewriteEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: the env files a CI job gives {@code docker compose --env-file} (a GitHub Actions step's {@code run:}, a
 * job of a file a GitLab pipeline includes, after its before_script's {@code cd}), read the same by the scan and the
 * rewrite: the keys the scan calls compose variables of a compose file are exactly those whose references in that
 * file the rewrite renames with them; a template's key whose real {@code .env} is not in the tree is neither.
 */
class ComposeVariablesScanAgreesWithRewriteTest {
    private static final String RECIPE = "dev.migrate.prefect.MigrateToPrefect3FromPrefect2";
    private static final Pattern SCANNED = Pattern.compile("^setting (PREFECT_\\w+) is a compose variable here: (.*?) reads? it");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{(PREFECT_\\w+)}");

    @TempDir
    Path project;

    @Test
    void theScansComposeVariablesAreTheReferencesTheRewriteRenames() throws Exception {
        write(".github/workflows/integration.yml", """
                name: integration
                on: [push]
                jobs:
                  test:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                      - run: docker compose --env-file ci/base.env --env-file=ci/test.env -f deploy/compose.yml up -d --wait
                      - run: pytest tests/integration
                """);
        write("ci/base.env", "PREFECT_ORION_API_HOST=0.0.0.0\n");
        write("ci/test.env", "PREFECT_ORION_API_PORT=4200\n");
        write("deploy/compose.yml", """
                services:
                  server:
                    image: prefecthq/prefect:3-latest
                    command: prefect server start --host ${PREFECT_ORION_API_HOST} --port ${PREFECT_ORION_API_PORT}
                    environment:
                      PREFECT_API_DATABASE_CONNECTION_URL: ${PREFECT_ORION_DATABASE_CONNECTION_URL}
                """);
        write(".gitlab-ci.yml", "include:\n  - local: ci/deploy.yml\nstages: [deploy]\n");
        write("ci/deploy.yml", """
                deploy:
                  stage: deploy
                  before_script:
                    - cd ops
                  script:
                    - docker-compose --env-file ../config/prod.env up -d
                """);
        write("config/prod.env", "PREFECT_ORION_DATABASE_CONNECTION_URL=postgresql+asyncpg://prefect@db/prefect\n");
        write("ops/docker-compose.yml", """
                services:
                  server:
                    image: prefecthq/prefect:3-latest
                    environment:
                      PREFECT_API_DATABASE_CONNECTION_URL: ${PREFECT_ORION_DATABASE_CONNECTION_URL}
                """);
        write("staging/.env.example", "PREFECT_ORION_UI_API_URL=http://localhost:4200/api\n");
        write("staging/compose.yaml", """
                services:
                  server:
                    image: prefecthq/prefect:3-latest
                    environment:
                      PREFECT_UI_API_URL: ${PREFECT_ORION_UI_API_URL}
                """);
        List<String> composeFiles = List.of("deploy/compose.yml", "ops/docker-compose.yml", "staging/compose.yaml");

        Set<String> scanned = new TreeSet<>();
        Scanner.standard(ScanOptions.defaults()).scan(project, "root", ScanListener.NONE).findings().forEach(f -> {
            Matcher m = SCANNED.matcher(f.message());
            if (m.find()) {
                for (String reader : m.group(2).split(", ")) {
                    scanned.add(reader.substring(0, reader.indexOf(':')) + " " + m.group(1));
                }
            }
        });
        assertThat(scanned).containsExactly("compose.yml PREFECT_ORION_API_HOST", "compose.yml PREFECT_ORION_API_PORT",
                "docker-compose.yml PREFECT_ORION_DATABASE_CONNECTION_URL");

        Set<String> before = references(composeFiles);
        RewriteEngine.apply(project, new RewriteEngine(RecipeCatalog.load().activate(List.of(RECIPE)),
                PrefectTarget.defaultTarget(), true).run(project));
        Set<String> renamed = new TreeSet<>(before);
        renamed.removeAll(references(composeFiles));
        assertThat(renamed).isEqualTo(scanned);
    }

    /** "FILE_NAME NAME" of each {@code ${NAME}} of the compose files. */
    private Set<String> references(List<String> paths) throws Exception {
        Set<String> out = new TreeSet<>();
        for (String p : paths) {
            Matcher m = REFERENCE.matcher(Files.readString(project.resolve(p)));
            while (m.find()) {
                out.add(p.substring(p.lastIndexOf('/') + 1) + " " + m.group(1));
            }
        }
        return out;
    }

    private void write(String path, String text) throws Exception {
        Path p = project.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
