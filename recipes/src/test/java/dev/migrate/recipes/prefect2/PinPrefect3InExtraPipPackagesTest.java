package dev.migrate.recipes.prefect2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrewrite.yaml.Assertions.yaml;

import dev.migrate.recipes.MigrationNotes;
import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

// a docker worker's compose service installed `prefect-docker==0.4.1` through EXTRA_PIP_PACKAGES: the image was
// moved to Prefect 3 and the pin kept, so the container's start-up pip install asked for Prefect 2 again
class PinPrefect3InExtraPipPackagesTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new PinPrefect3InExtraPipPackages());
    }

    @DocumentExample
    @Test
    void composeAndKubernetesEnvironmentsGetPrefect3Pins() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).hasSize(3)
                .allMatch(r -> !r.manual() && "PF208".equals(r.code()))),
            yaml(
            """
            services:
              worker:
                environment:
                  EXTRA_PIP_PACKAGES: prefect-docker==0.4.1 pandas==2.1.0
              agent:
                environment:
                  - "EXTRA_PIP_PACKAGES=prefect-aws==0.3.1 s3fs"
            """,
            """
            services:
              worker:
                environment:
                  EXTRA_PIP_PACKAGES: prefect-docker==0.6.0 pandas==2.1.0
              agent:
                environment:
                  - "EXTRA_PIP_PACKAGES=prefect-aws==0.5.0 s3fs"
            """,
            spec -> spec.path("docker-compose.yml")),
            yaml(
            """
            spec:
              containers:
                - name: worker
                  env:
                    - name: EXTRA_PIP_PACKAGES
                      value: "prefect-gcp[cloud_storage]==0.4.2 gcsfs"
            """,
            """
            spec:
              containers:
                - name: worker
                  env:
                    - name: EXTRA_PIP_PACKAGES
                      value: "prefect-gcp[cloud_storage]==0.6.0 gcsfs"
            """,
            spec -> spec.path("k8s/worker.yaml")));
    }

    @Test
    void mustNotChange() {
        rewriteRun(yaml(
            """
            services:
              worker:
                environment:
                  EXTRA_PIP_PACKAGES: prefect-docker>=0.6.0 s3fs
                  OTHER: prefect-aws==0.3.1
            """,
            spec -> spec.path("docker-compose.yml")));
    }
}
