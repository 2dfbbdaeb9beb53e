package dev.migrate.recipes.prefect2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrewrite.yaml.Assertions.yaml;

import dev.migrate.recipes.MigrationNotes;
import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

class RaisePrefectVersionBuildArgsInComposeTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new RaisePrefectVersionBuildArgsInCompose());
    }

    @DocumentExample
    @Test
    void mapAndListFormsOfBuildArgsAreRaised() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                        .extracting(r -> r.line() + " " + r.code() + " " + r.message()).containsExactly(
                                "7 PF208 raised build argument PREFECT_VERSION from 2.14.0 to 3.8.3, which the image's "
                                        + "Dockerfile uses in place of its own ARG default",
                                "14 PF208 raised build argument PREFECT_IMAGE_VERSION from 2.19 to 3.8.3, which the image's "
                                        + "Dockerfile uses in place of its own ARG default")),
            yaml(
                """
                services:
                  worker:
                    build:
                      context: .
                      args:
                        # keep in step with the server
                        PREFECT_VERSION: "2.14.0"
                        APP_VERSION: 2.14.0
                  server:
                    build:
                      context: ./server
                      args:
                        - PYTHON_VERSION=3.11
                        - PREFECT_IMAGE_VERSION=2.19
                """,
                """
                services:
                  worker:
                    build:
                      context: .
                      args:
                        # keep in step with the server
                        PREFECT_VERSION: "3.8.3"
                        APP_VERSION: 2.14.0
                  server:
                    build:
                      context: ./server
                      args:
                        - PYTHON_VERSION=3.11
                        - PREFECT_IMAGE_VERSION=3.8.3
                """,
                spec -> spec.path("docker-compose.yml")));
    }

    @Test
    void otherPlacesAndVersionsStay() {
        rewriteRun(yaml(
            """
            x-args:
              PREFECT_VERSION: 2.14.0
            services:
              worker:
                environment:
                  PREFECT_VERSION: 2.14.0
                build:
                  args:
                    PREFECT_VERSION: 3.4.0
            """,
            spec -> spec.path("compose.yaml")));
    }
}
