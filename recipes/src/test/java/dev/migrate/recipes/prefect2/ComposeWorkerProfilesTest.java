package dev.migrate.recipes.prefect2;

import static org.openrewrite.yaml.Assertions.yaml;

import org.junit.jupiter.api.Test;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

/**
 * A compose stack whose server and agent sit under profiles of their own, so that `docker compose --profile agent up`
 * starts an agent alone (on a machine that reaches the API elsewhere). The pool service used to depend on the server,
 * which compose (2.18.1 and later) refuses when only the agent's profile is active: "service worker-create-pool
 * depends on undefined service server". A dependency is added only on a server compose enables with the worker.
 */
class ComposeWorkerProfilesTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new MigrateComposeAgentToWorker());
    }

    @Test
    void aServerUnderAnotherProfileIsNotADependencyOfThePoolService() {
        rewriteRun(yaml(
            """
            services:
              api:
                image: prefecthq/prefect:2.8.0-python3.11
                entrypoint: ["prefect", "server", "start"]
                profiles: ["server"]
              runner:
                image: prefecthq/prefect:2.8.0-python3.11
                entrypoint: ["prefect", "agent", "start", "-q", "reports"]
                environment:
                  - PREFECT_API_URL=http://api:4200/api
                profiles: ["runner"]
            """,
            """
            services:
              api:
                image: prefecthq/prefect:2.8.0-python3.11
                entrypoint: ["prefect", "server", "start"]
                profiles: ["server"]
              runner-create-pool:
                image: prefecthq/prefect:2.8.0-python3.11
                environment:
                  - PREFECT_API_URL=http://api:4200/api
                profiles: ["runner"]
                command: sh -c "n=0; until prefect work-pool inspect process-pool >/dev/null 2>&1 || prefect work-pool create process-pool --type process; do n=$$((n+1)); if [ $$n -ge 30 ]; then echo 'no work pool process-pool, the Prefect API did not answer' >&2; exit 1; fi; sleep 2; done"
                restart: "no"
              runner:
                image: prefecthq/prefect:2.8.0-python3.11
                entrypoint: ["prefect", "worker", "start", "--work-queue", "reports", "--pool", "process-pool", "--type", "process"]
                environment:
                  - PREFECT_API_URL=http://api:4200/api
                profiles: ["runner"]
                depends_on:
                  runner-create-pool:
                    condition: service_completed_successfully
            """,
            spec -> spec.path("docker-compose.yml")));
    }

    @Test
    void aServerSharingAProfileWithTheWorkerIsWaitedFor() {
        rewriteRun(yaml(
            """
            services:
              api:
                image: prefecthq/prefect:2.8.0-python3.11
                command: prefect server start
                profiles: [stack, server]
              runner:
                image: prefecthq/prefect:2.8.0-python3.11
                command: prefect agent start -q reports
                profiles: [stack]
            """,
            """
            services:
              api:
                image: prefecthq/prefect:2.8.0-python3.11
                command: prefect server start
                profiles: [stack, server]
              runner-create-pool:
                image: prefecthq/prefect:2.8.0-python3.11
                profiles: [stack]
                depends_on:
                  api:
                    condition: service_started
                command: sh -c "n=0; until prefect work-pool inspect process-pool >/dev/null 2>&1 || prefect work-pool create process-pool --type process; do n=$$((n+1)); if [ $$n -ge 30 ]; then echo 'no work pool process-pool, the Prefect API did not answer' >&2; exit 1; fi; sleep 2; done"
                restart: "no"
              runner:
                image: prefecthq/prefect:2.8.0-python3.11
                command: prefect worker start --work-queue reports --pool process-pool --type process
                profiles: [stack]
                depends_on:
                  runner-create-pool:
                    condition: service_completed_successfully
            """,
            spec -> spec.path("docker-compose.yml")));
    }

    @Test
    void aServerUnderAProfileIsNotADependencyOfAWorkerWithoutOne() {
        // plain `docker compose up` starts the worker and leaves the server disabled
        rewriteRun(yaml(
            """
            services:
              api:
                image: prefecthq/prefect:2.8.0-python3.11
                command: prefect server start
                profiles:
                  - local-api
              runner:
                image: prefecthq/prefect:2.8.0-python3.11
                command: prefect agent start -q reports
            """,
            """
            services:
              api:
                image: prefecthq/prefect:2.8.0-python3.11
                command: prefect server start
                profiles:
                  - local-api
              runner-create-pool:
                image: prefecthq/prefect:2.8.0-python3.11
                command: sh -c "n=0; until prefect work-pool inspect process-pool >/dev/null 2>&1 || prefect work-pool create process-pool --type process; do n=$$((n+1)); if [ $$n -ge 30 ]; then echo 'no work pool process-pool, the Prefect API did not answer' >&2; exit 1; fi; sleep 2; done"
                restart: "no"
              runner:
                image: prefecthq/prefect:2.8.0-python3.11
                command: prefect worker start --work-queue reports --pool process-pool --type process
                depends_on:
                  runner-create-pool:
                    condition: service_completed_successfully
            """,
            spec -> spec.path("docker-compose.yml")));
    }
}
