package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Prefect 1 clock with an end_date stops by itself (1.4.1 yields no run after it); Prefect 3 schedules have no end
 * date. The plan's move step said nothing of it: it now says to pause the new schedule after the end, or, when the end
 * is already past, to leave it paused.
 */
class CutoverPrefect1EndDateTest {
    @TempDir
    Path tmp;

    private String plan(String end) throws IOException {
        Path estate = tmp.resolve("marketing");
        Files.createDirectories(estate.resolve("flows"));
        Files.writeString(estate.resolve("flows/campaign.py"), """
                import pendulum
                from prefect import Flow, task
                from prefect.schedules import CronSchedule


                @task
                def send():
                    pass


                schedule = CronSchedule("0 9 * * *", start_date=pendulum.datetime(2022, 3, 1, tz="Europe/Paris"),
                                        end_date=pendulum.datetime(%s, tz="Europe/Paris"))

                with Flow("spring-campaign", schedule=schedule) as flow:
                    send()

                flow.register(project_name="marketing")
                """.formatted(end));
        CliRun run = CliRun.of("cutover", "plan", estate.toString(), "--store", "jdbc:sqlite:" + tmp.resolve("e.db"),
                "--at", "2026-11-21T12:00:00Z");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out();
    }

    @Test
    void anEndToComeIsPausedThen() throws IOException {
        assertThat(plan("2027, 6, 30"))
                .contains("prefect deployment schedule resume 'spring-campaign/spring-campaign' SCHEDULE_ID")
                .contains("# the legacy schedule stops by itself after 2027-06-30T00:00 Europe/Paris (end_date); Prefect 3 "
                        + "schedules have no end date: pause or delete the deployment's schedule then:")
                .contains("prefect deployment schedule pause 'spring-campaign/spring-campaign' SCHEDULE_ID   # after 2027-06-30T00:00 "
                        + "Europe/Paris");
    }

    @Test
    void anEndAlreadyPastLeavesTheNewScheduleUnresumed() throws IOException {
        assertThat(plan("2022, 6, 30"))
                .doesNotContain("prefect deployment schedule resume 'spring-campaign/spring-campaign'")
                .contains("# the legacy schedule stopped by itself after 2022-06-30T00:00 Europe/Paris (end_date) and makes "
                        + "no more runs: leave the new deployment's schedule paused");
    }
}
