package dev.migrate.recipes.prefectcli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.rules.PrefectApi;
import dev.migrate.analyzers.rules.PrefectCli;
import java.util.Arrays;
import java.util.List;
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
            """)
    void commandsWithoutAnEquivalentAreLeftForAPerson(String before) {
        ShellRewrite r = PrefectCommandRewriter.rewrite(before, CliOptions.DEFAULT);
        assertThat(r.text()).isEqualTo(before);
        assertThat(r.manual()).isTrue();
    }
}
