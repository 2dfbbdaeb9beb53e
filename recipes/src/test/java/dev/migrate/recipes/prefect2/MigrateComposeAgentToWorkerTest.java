package dev.migrate.recipes.prefect2;

import static org.openrewrite.yaml.Assertions.yaml;

import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

class MigrateComposeAgentToWorkerTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new MigrateComposeAgentToWorker());
    }

    @DocumentExample
    @Test
    void agentServiceBecomesWorkerWithPoolCreation() {
        rewriteRun(yaml(
            """
            services:
              prefect-server:
                image: prefecthq/prefect:2.14.9-python3.10
                command: prefect server start --host 0.0.0.0
              prefect-agent:
                image: prefecthq/prefect:2.14.9-python3.10
                container_name: k2-prefect-agent
                environment:
                  PREFECT_API_URL: http://prefect-server:4200/api
                command: prefect agent start -q iceberg-offload
                depends_on:
                  - prefect-server
              monitor:
                image: busybox
                depends_on: [prefect-agent]
            """,
            """
            services:
              prefect-server:
                image: prefecthq/prefect:2.14.9-python3.10
                command: prefect server start --host 0.0.0.0
              prefect-worker-create-pool:
                image: prefecthq/prefect:2.14.9-python3.10
                environment:
                  PREFECT_API_URL: http://prefect-server:4200/api
                depends_on:
                  - prefect-server
                command: sh -c "prefect work-pool inspect iceberg-offload >/dev/null 2>&1 || prefect work-pool create iceberg-offload --type process"
                restart: "no"
              prefect-worker:
                image: prefecthq/prefect:2.14.9-python3.10
                container_name: k2-prefect-worker
                environment:
                  PREFECT_API_URL: http://prefect-server:4200/api
                command: prefect worker start --pool iceberg-offload --type process
                depends_on:
                  - prefect-server
              monitor:
                image: busybox
                depends_on: [prefect-worker]
            """,
            spec -> spec.path("docker-compose.v2.yml")));
    }

    @Test
    void workerComposeIsLeftAlone() {
        rewriteRun(yaml(
            """
            services:
              prefect-worker:
                image: prefecthq/prefect:3-python3.12
                command: prefect worker start --pool iceberg-offload --type process
            """,
            spec -> spec.path("docker-compose.yml")));
    }
}
