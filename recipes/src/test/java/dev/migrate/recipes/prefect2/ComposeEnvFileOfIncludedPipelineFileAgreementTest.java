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
 * End to end: {@code .gitlab/ci/compose.yml} runs {@code docker compose --env-file deploy.env} in a job that extends
 * {@code .compose_dir}, which each of the two pipelines including it defines ({@code release.gitlab-ci.yml} moves to
 * {@code ops/}, {@code nightly.gitlab-ci.yml} to {@code nightly/}). The env file is that of each pipeline's directory,
 * read with each pipeline; never the root's {@code deploy.env}, which a reading of the included file on its own (from
 * the root, as the rewrite did) took for the root compose file's interpolation. The keys the scan calls compose
 * variables are exactly the references the rewrite renames with them.
 */
class ComposeEnvFileOfIncludedPipelineFileAgreementTest {
    private static final String RECIPE = "dev.migrate.prefect.MigrateToPrefect3FromPrefect2";
    private static final Pattern SCANNED = Pattern.compile("^setting (PREFECT_\\w+) is a compose variable here: (.*?) reads? it");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{(PREFECT_\\w+)}");

    @TempDir
    Path project;

    @Test
    void eachIncludingPipelinesDirectoryGivesTheEnvFileAndTheRootsIsNone() throws Exception {
        write(".gitlab/ci/compose.yml", """
                compose:up:
                  stage: deploy
                  extends: .compose_dir
                  image: docker:24
                  services: [docker:24-dind]
                  script:
                    - docker compose --env-file deploy.env up -d --wait
                """);
        write("release.gitlab-ci.yml", """
                include:
                  - local: .gitlab/ci/compose.yml
                stages: [deploy]
                .compose_dir:
                  before_script:
                    - cd ops
                """);
        write("nightly.gitlab-ci.yml", """
                include:
                  - local: .gitlab/ci/compose.yml
                stages: [deploy]
                .compose_dir:
                  before_script:
                    - cd nightly
                """);
        write("ops/deploy.env", "PREFECT_ORION_API_HOST=0.0.0.0\n");
        write("ops/docker-compose.yml", """
                services:
                  server:
                    image: prefecthq/prefect:3-latest
                    command: prefect server start --host ${PREFECT_ORION_API_HOST}
                """);
        write("nightly/deploy.env", "PREFECT_ORION_DATABASE_CONNECTION_URL=postgresql+asyncpg://prefect@db/prefect\n");
        write("nightly/compose.yaml", """
                services:
                  server:
                    image: prefecthq/prefect:3-latest
                    environment:
                      PREFECT_API_DATABASE_CONNECTION_URL: ${PREFECT_ORION_DATABASE_CONNECTION_URL}
                """);
        // a developer's file at the root: no compose command of the tree reads it for the root's compose file
        write("deploy.env", "PREFECT_ORION_UI_API_URL=http://localhost:4200/api\n");
        write("compose.yml", """
                services:
                  server:
                    image: prefecthq/prefect:3-latest
                    environment:
                      PREFECT_UI_API_URL: ${PREFECT_ORION_UI_API_URL}
                """);
        List<String> composeFiles = List.of("ops/docker-compose.yml", "nightly/compose.yaml", "compose.yml");

        Set<String> scanned = new TreeSet<>();
        Scanner.standard(ScanOptions.defaults()).scan(project, "root", ScanListener.NONE).findings().forEach(f -> {
            Matcher m = SCANNED.matcher(f.message());
            if (m.find()) {
                for (String reader : m.group(2).split(", ")) {
                    scanned.add(reader.substring(0, reader.indexOf(':')) + " " + m.group(1));
                }
            }
        });
        assertThat(scanned).containsExactly("compose.yaml PREFECT_ORION_DATABASE_CONNECTION_URL",
                "docker-compose.yml PREFECT_ORION_API_HOST");

        Set<String> before = references(composeFiles);
        RewriteEngine.apply(project, new RewriteEngine(RecipeCatalog.load().activate(List.of(RECIPE)),
                PrefectTarget.defaultTarget(), true).run(project));
        Set<String> renamed = new TreeSet<>(before);
        renamed.removeAll(references(composeFiles));
        assertThat(renamed).isEqualTo(scanned);
        assertThat(Files.readString(project.resolve("compose.yml"))).contains("${PREFECT_ORION_UI_API_URL}");
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
