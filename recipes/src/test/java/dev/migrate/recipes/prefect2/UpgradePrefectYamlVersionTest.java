package dev.migrate.recipes.prefect2;

import static org.openrewrite.yaml.Assertions.yaml;

import dev.migrate.recipes.PrefectTarget;
import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

class UpgradePrefectYamlVersionTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new UpgradePrefectYamlVersion());
    }

    @DocumentExample
    @Test
    void twoXVersionBecomesTheTarget() {
        rewriteRun(yaml(
            """
            # Welcome to your prefect.yaml file!
            name: offload
            prefect-version: 2.14.9
            """,
            """
            # Welcome to your prefect.yaml file!
            name: offload
            prefect-version: 3.8.3
            """,
            spec -> spec.path("prefect.yaml")));
    }

    @Test
    void targetComesFromTheExecutionContext() {
        InMemoryExecutionContext ctx = new InMemoryExecutionContext();
        PrefectTarget.parse("3.2").putInto(ctx);
        rewriteRun(spec -> spec.executionContext(ctx),
            yaml("prefect-version: 2.20.25\n", "prefect-version: 3.2.0\n", spec -> spec.path("prefect.yaml")));
    }

    @Test
    void nestedKeysAndThreeXAreLeftAlone() {
        rewriteRun(yaml("prefect-version: 3.6.12\nmeta:\n  prefect-version: 2.1.0\n", spec -> spec.path("prefect.yaml")));
    }
}
