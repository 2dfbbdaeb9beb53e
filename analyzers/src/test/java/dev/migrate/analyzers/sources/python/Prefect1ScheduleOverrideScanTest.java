package dev.migrate.analyzers.sources.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.sources.HostEstate;
import dev.migrate.analyzers.sources.RecordingSink;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A flow given a schedule in {@code Flow(..., schedule=...)} and again with {@code flow.schedule = ...}: Prefect 1 kept
 * the last one set before {@code flow.register()}, so that is the job's schedule, and the one it replaced is noted.
 */
class Prefect1ScheduleOverrideScanTest {
    private static RecordingSink scan(String text) {
        return HostEstate.scan(List.of(new ScanFile("flows/etl.py", text)), new Prefect1FlowDetector());
    }

    private static final String HEAD = """
            from datetime import timedelta

            import pendulum
            from prefect import Flow, task
            from prefect.schedules import CronSchedule, IntervalSchedule

            daily = CronSchedule("0 6 * * *")


            @task
            def extract():
                return [1, 2, 3]


            with Flow("etl", schedule=daily) as flow:
                extract()

            """;

    @Test
    void theLaterAssignmentIsTheScheduleAndTheReplacedOneIsNoted() {
        RecordingSink sink = scan(HEAD + """
                flow.schedule = IntervalSchedule(start_date=pendulum.datetime(2022, 1, 1, tz="UTC"), interval=timedelta(hours=2))

                if __name__ == "__main__":
                    flow.register(project_name="data")
                """);
        Job job = sink.jobs.get(0);
        assertThat(job.schedules()).extracting(ScheduleSpec::expression).containsExactly("R/2022-01-01T00:00Z/PT2H");
        assertThat(job.attributes().get(Prefect1FlowDetector.OVERRIDDEN))
                .isEqualTo("it replaces the schedule `daily` (line 15) set before it, as Prefect 1 kept only the last one set");
        assertThat(sink.findings).filteredOn(f -> f.code().equals("PF102") && f.message().startsWith("Prefect 1 flow ")).extracting(Finding::message).containsExactly(
                "Prefect 1 flow etl scheduled R/2022-01-01T00:00Z/PT2H; it replaces the schedule `daily` (line 15) set "
                        + "before it, as Prefect 1 kept only the last one set");
    }

    @Test
    void anAssignmentAfterTheRegistrationIsNotTheRegisteredSchedule() {
        RecordingSink sink = scan(HEAD + """
                flow.register(project_name="data")
                flow.schedule = IntervalSchedule(interval=timedelta(hours=2))
                """);
        Job job = sink.jobs.get(0);
        assertThat(job.schedules()).extracting(ScheduleSpec::expression).containsExactly("0 6 * * *");
        assertThat(job.attributes().get(Prefect1FlowDetector.OVERRIDDEN)).isEqualTo("`flow.schedule = "
                + "IntervalSchedule(interval=timedelta(hours=2))` (line 19) comes after flow.register(), so the registered "
                + "flow does not have it (it changes only a later flow.run())");
    }

    // must not change: one schedule, given once, and nothing noted
    @Test
    void aScheduleGivenOnceHasNoNote() {
        RecordingSink sink = scan(HEAD + """
                flow.register(project_name="data")
                """);
        Job job = sink.jobs.get(0);
        assertThat(job.schedules()).extracting(ScheduleSpec::expression).containsExactly("0 6 * * *");
        assertThat(job.attributes()).doesNotContainKey(Prefect1FlowDetector.OVERRIDDEN);
        assertThat(sink.findings).filteredOn(f -> f.code().equals("PF102") && f.message().startsWith("Prefect 1 flow ")).extracting(Finding::message)
                .containsExactly("Prefect 1 flow etl scheduled 0 6 * * *");
    }
}
