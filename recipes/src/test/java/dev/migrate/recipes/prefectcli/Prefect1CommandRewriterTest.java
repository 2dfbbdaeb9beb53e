package dev.migrate.recipes.prefectcli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.rules.PrefectApi;
import dev.migrate.analyzers.rules.PrefectCli;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Prefect 1 command lines (catalogue 3.1 and the short-flag collisions of 3.3), checked against the 3.8.3 CLI. */
class Prefect1CommandRewriterTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            prefect register --project lake-ingestion -p flows/ -l prod | prefect deploy --all
            prefect agent local start -l prod -l local --name vm-01 -e A=b | prefect worker start --pool prod-local --name vm-01 --type process
            prefect agent docker start -l prod -l docker | prefect worker start --pool prod-docker --type docker
            prefect agent kubernetes start -l prod -l k8s --namespace lake | prefect worker start --pool prod-k8s --type kubernetes
            prefect run -n ingest-orders --project lake --param full_refresh=true --watch | prefect deployment run ingest-orders/ingest-orders --param full_refresh=true --watch
            prefect run --name x --run-name nightly | prefect deployment run x/x --flow-run-name nightly
            prefect auth login -k KEY | prefect cloud login --key KEY
            prefect kv set a b | prefect variable set a b
            prefect server start --server-port 4300 --postgres-port 5433 --ui-port 8088 -d | prefect server start --port 4300 --background
            prefect server start --skip-pull --no-upgrade --use-volume | prefect server start
            prefect agent start kubernetes --token T --label prod --namespace etl | prefect worker start --pool prod --type kubernetes
            prefect agent start docker -l dev | prefect worker start --pool dev --type docker
            prefect agent start local --name vm1 | prefect worker start --pool default-process-pool --name vm1 --type process
            prefect register flows --project testing --path flows | prefect deploy --all
            prefect agent docker start --label lume --agent-address http://localhost:5000/ --no-cloud-logs | prefect worker start --pool lume --type docker
            prefect agent ecs start --cluster etl --launch-type FARGATE --label prod | prefect worker start --pool prod --type ecs
            prefect agent vertex start --label pc --project p --region-name europe-west4 | prefect worker start --pool pc --type vertex-ai
            prefect register flow --file flow.py --project lake -l prod | prefect deploy --all
            """)
    void translatesToCommandsThatExistInPrefect3(String before, String after) {
        ShellRewrite r = PrefectCommandRewriter.rewrite(before, CliOptions.DEFAULT);
        assertThat(r.text()).isEqualTo(after);
        List<String> argv = Arrays.asList(after.split(" "));
        PrefectCli cli = PrefectApi.get().cli(PrefectApi.Version.V3);
        String path = cli.longestPath(argv.subList(1, argv.size())).orElseThrow();
        List<String> commandWords = argv.subList(1, argv.size()).stream().takeWhile(w -> !w.startsWith("-")).toList();
        assertThat(String.join(" ", commandWords)).startsWith(path);
        for (String word : argv) {
            if (word.startsWith("--")) {
                assertThat(cli.accepts(path, word)).as(path + " " + word).isTrue();
            }
        }
    }

    // Prefect 1's Docker-based `prefect server start` options were kept, and Prefect 3 rejects them; its own
    // options must not be touched (the 1.x entry passes them through)
    @Test
    void prefect3ServerStartIsLeftAloneAndExposeIsForAPerson() {
        ShellRewrite same = PrefectCommandRewriter.rewrite("prefect server start --host 0.0.0.0 --port 4200 -b", CliOptions.DEFAULT);
        assertThat(same.changed()).isFalse();
        assertThat(same.notes()).isEmpty();
        ShellRewrite expose = PrefectCommandRewriter.rewrite("prefect server start --expose", CliOptions.DEFAULT);
        assertThat(expose.text()).isEqualTo("prefect server start");
        assertThat(expose.manual()).isTrue();
        assertThat(expose.notes()).singleElement().asString().contains("--host 0.0.0.0");
    }

    // the note said FLOW/DEPLOYMENT, but Prefect 3's deploy reads the flow part as the entrypoint's function
    // ('-' as '_', prefect/cli/deploy/_config.py), not the flow's name the server shows as FLOW/DEPLOYMENT
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            prefect register --project lake -p flows/ -n ingest-orders
            prefect register flow --file flow.py --project lake --name ingest-orders
            """)
    void aRegisteredNameSaysWhichNameSelectsTheDeployment(String before) {
        ShellRewrite r = PrefectCommandRewriter.rewrite(before, CliOptions.DEFAULT);
        assertThat(r.text()).isEqualTo("prefect deploy --all");
        assertThat(r.notes()).filteredOn(n -> n.contains("--name")).singleElement().asString()
                .contains("--name FUNCTION/DEPLOYMENT").contains("function of its prefect.yaml entrypoint")
                .doesNotContain("FLOW/DEPLOYMENT");
    }

    // Prefect 0.x logged in with an API token (-t): it was kept on `prefect cloud login`, which rejects it
    @Test
    void aPrefect0TokenLoginIsForAPersonAndItsTokenIsNotQuoted() {
        ShellRewrite r = PrefectCommandRewriter.rewrite("prefect auth login -t tok3n-value", CliOptions.DEFAULT);
        assertThat(r.text()).isEqualTo("prefect cloud login");
        assertThat(r.manual()).isTrue();
        assertThat(r.notes()).singleElement().asString().contains("--key").doesNotContain("tok3n-value");
    }

    // 2.x read `prefect agent start docker` as an agent serving queue `docker`; with a 2.x option it still is one
    @Test
    void aTypeWordWithA2xAgentOptionStaysA2xQueue() {
        assertThat(PrefectCommandRewriter.rewrite("prefect agent start docker --limit 2", CliOptions.DEFAULT).text())
                .isEqualTo("prefect worker start --work-queue docker --limit 2 --pool process-pool --type process");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            prefect register -p flows/ | -p flows/
            prefect run -p flow.py | -p flow.py
            prefect agent local start -l etl | prod
            """)
    void shortFlagsThatChangedMeaningAreNeverCopied(String before, String shortFlag) {
        ShellRewrite r = PrefectCommandRewriter.rewrite(before, CliOptions.DEFAULT);
        assertThat(r.text()).doesNotContain(" -p ").doesNotContain(" -l ");
        assertThat(r.changed()).isTrue();
        assertThat(shortFlag).isNotEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            prefect create project lake --skip-if-exists
            prefect backend server
            prefect agent kubernetes install -t x
            prefect server create-tenant --name default --slug default
            prefect agent install kubernetes -t x --rbac
            prefect agent start nomad
            """)
    void commandsWithoutAnEquivalentAreLeftForAPerson(String before) {
        ShellRewrite r = PrefectCommandRewriter.rewrite(before, CliOptions.DEFAULT);
        assertThat(r.text()).isEqualTo(before);
        assertThat(r.manual()).isTrue();
    }
}
