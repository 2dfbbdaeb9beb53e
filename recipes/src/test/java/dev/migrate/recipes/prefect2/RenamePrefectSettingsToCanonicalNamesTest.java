package dev.migrate.recipes.prefect2;

import static org.openrewrite.test.SourceSpecs.text;
import static org.openrewrite.yaml.Assertions.yaml;

import dev.migrate.recipes.PrefectTarget;
import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

class RenamePrefectSettingsToCanonicalNamesTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new RenamePrefectSettingsToCanonicalNames());
    }

    @DocumentExample
    @Test
    void systemdEnvironmentLines() {
        rewriteRun(text(
            """
            [Service]
            Environment="PREFECT_API_DATABASE_CONNECTION_URL=postgresql+asyncpg://prefect_user:password@localhost/prefect_db"
            Environment="PREFECT_API_URL=http://localhost:4200/api"
            """,
            """
            [Service]
            Environment="PREFECT_SERVER_DATABASE_CONNECTION_URL=postgresql+asyncpg://prefect_user:password@localhost/prefect_db"
            Environment="PREFECT_API_URL=http://localhost:4200/api"
            """,
            spec -> spec.path("prefect-server.service")));
    }

    @Test
    void composeEnvironmentMapAndList() {
        rewriteRun(yaml(
            """
            services:
              server:
                environment:
                  PREFECT_ORION_DATABASE_CONNECTION_URL: postgresql+asyncpg://db/prefect
              worker:
                environment:
                  - PREFECT_ORION_DATABASE_CONNECTION_URL=x
            """,
            """
            services:
              server:
                environment:
                  PREFECT_SERVER_DATABASE_CONNECTION_URL: postgresql+asyncpg://db/prefect
              worker:
                environment:
                  - PREFECT_SERVER_DATABASE_CONNECTION_URL=x
            """,
            spec -> spec.path("docker-compose.yml")));
    }

    @Test
    void renamesNewerThanTheTargetWait() {
        InMemoryExecutionContext ctx = new InMemoryExecutionContext();
        PrefectTarget.parse("3.0").putInto(ctx);
        rewriteRun(spec -> spec.executionContext(ctx),
            text("PREFECT_API_DATABASE_CONNECTION_URL=x\n", spec -> spec.path("prefect.env")));
    }

    @Test
    void canonicalNamesAreLeftAlone() {
        rewriteRun(text("PREFECT_SERVER_DATABASE_CONNECTION_URL=x\nPREFECT_API_URL=y\nMY_PREFECT_API_DATABASE_CONNECTION_URL_X=1\n",
            spec -> spec.path("prefect.env")));
    }
}
