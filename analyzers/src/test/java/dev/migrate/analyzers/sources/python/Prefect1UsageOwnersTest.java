package dev.migrate.analyzers.sources.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.sources.HostEstate;
import dev.migrate.analyzers.sources.RecordingSink;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class Prefect1UsageOwnersTest {
    private static RecordingSink scan(ScanFile... files) {
        RecordingSink sink = HostEstate.scan(List.of(files), new Prefect1FlowDetector(), new Prefect1ApiUsageDetector());
        new Prefect1UsageOwners().resolve(sink.jobs, sink.findings, List.of());
        return sink;
    }

    /** code -> job name (or "estate"), for the api-usage codes. */
    private static String owners(RecordingSink sink) {
        return sink.findings.stream().filter(f -> !f.code().equals("PF102"))
                .map(f -> f.code() + "@" + f.where().path() + "=" + sink.jobs.stream().filter(j -> j.id().equals(f.jobId()))
                        .map(j -> j.name()).findFirst().orElse("estate"))
                .sorted().collect(Collectors.joining("\n"));
    }

    @Test
    void usageInAModuleWithOneFlowBelongsToThatFlow() {
        RecordingSink sink = scan(new ScanFile("flows/etl.py", """
                import prefect
                from prefect import Flow, task
                from prefect.tasks.shell import ShellTask

                @task(max_retries=3)
                def extract():
                    return prefect.context.get("today")

                with Flow("etl") as flow:
                    extract()
                """));
        assertThat(owners(sink)).isEqualTo("""
                PF103@flows/etl.py=etl
                PF104@flows/etl.py=etl
                PF110@flows/etl.py=etl""");
    }

    @Test
    void sharedTaskModulesAndModulesWithSeveralFlowsStayWithTheEstate() {
        RecordingSink sink = scan(new ScanFile("flows/tasks.py", """
                from prefect import task

                @task(max_retries=3)
                def extract():
                    return 1
                """), new ScanFile("flows/two.py", """
                from prefect import Flow, task

                @task(max_retries=3)
                def load():
                    return 1

                with Flow("a") as a:
                    load()
                with Flow("b") as b:
                    load()
                """));
        assertThat(owners(sink)).isEqualTo("""
                PF103@flows/tasks.py=estate
                PF103@flows/two.py=estate""");
        assertThat(sink.findings).filteredOn(f -> f.code().equals("PF102")).extracting(Finding::jobId).doesNotContainNull();
    }

    @Test
    void findingsThatAlreadyHaveAJobKeepIt() {
        RecordingSink sink = scan(new ScanFile("flows/etl.py", """
                from prefect import Flow

                with Flow("etl") as flow:
                    pass
                flow.register(project_name="x")
                """));
        String before = sink.findings.toString();
        new Prefect1UsageOwners().resolve(sink.jobs, sink.findings, List.of());
        assertThat(sink.findings.toString()).isEqualTo(before);
        assertThat(sink.findings).extracting(Finding::jobId).doesNotContainNull();
    }
}
