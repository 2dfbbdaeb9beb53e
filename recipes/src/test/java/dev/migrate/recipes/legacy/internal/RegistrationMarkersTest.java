package dev.migrate.recipes.legacy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.Overlap;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.rewriters.python.PythonParser;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistrationMarkersTest {
    private static final String BEAT = """
            app.conf.beat_schedule = {
                "digest": {
                    "task": "app.tasks.send_digest",
                    "schedule": crontab(hour=7, minute=30),
                    "args": ("ops@corp.example",),
                },
                "heartbeat": {"task": "app.tasks.heartbeat", "schedule": 60.0},
            }
            """;

    @Test
    void beatEntryIsCommentedUnderAMarkerAndRestoredByteForByte() {
        Registration r = Registration.find(job(JobKind.CELERY_BEAT, 2, 5), PythonParser.parse(BEAT)).orElseThrow();
        assertThat(r.callee()).isEqualTo("app.tasks.send_digest");
        assertThat(r.arguments()).containsExactly("*(\"ops@corp.example\",)");
        String disabled = RegistrationMarkers.disable(BEAT, r, "celery-beat-digest-1", LocalDate.parse("2026-03-02"));
        assertThat(disabled).isEqualTo("""
                app.conf.beat_schedule = {
                    # migrate: disabled celery-beat-digest-1 2026-03-02 (5 lines)
                    # "digest": {
                        # "task": "app.tasks.send_digest",
                        # "schedule": crontab(hour=7, minute=30),
                        # "args": ("ops@corp.example",),
                    # },
                    "heartbeat": {"task": "app.tasks.heartbeat", "schedule": 60.0},
                }
                """);
        assertThat(PythonParser.parse(disabled).hasSyntaxErrors()).isFalse();
        assertThat(RegistrationMarkers.markerDate(disabled, "celery-beat-digest-1")).isEqualTo(LocalDate.parse("2026-03-02"));
        assertThat(RegistrationMarkers.enable(disabled, "celery-beat-digest-1")).isEqualTo(BEAT);
        assertThat(RegistrationMarkers.enableAll(disabled)).isEqualTo(BEAT);
    }

    @Test
    void crlfScriptKeepsItsLineEndings() {
        String py = "import schedule\r\n\r\n# daily\r\nschedule.every().day.at(\"07:30\").do(job)\r\n";
        Registration r = Registration.find(job(JobKind.PYTHON_SCHEDULE_LIB, 4, 37), PythonParser.parse(py)).orElseThrow();
        String disabled = RegistrationMarkers.disable(py, r, "py-schedule-job-1", LocalDate.parse("2026-03-02"));
        assertThat(disabled).isEqualTo("import schedule\r\n\r\n# daily\r\n# migrate: disabled py-schedule-job-1 2026-03-02 (1 line)\r\n"
                + "# schedule.every().day.at(\"07:30\").do(job)\r\n");
        assertThat(RegistrationMarkers.enable(disabled, "py-schedule-job-1")).isEqualTo(py);
    }

    @Test
    void registrationSharingItsLineOrAssignedIsNotWhole() {
        String py = "import schedule\nj = schedule.every(10).minutes.do(job)\nschedule.every().hour.do(other); print('x')\n";
        assertThat(Registration.find(job(JobKind.PYTHON_SCHEDULE_LIB, 2, 35), PythonParser.parse(py)).orElseThrow().whole()).isFalse();
        assertThat(Registration.find(job(JobKind.PYTHON_SCHEDULE_LIB, 3, 26), PythonParser.parse(py)).orElseThrow().whole()).isFalse();
    }

    @Test
    void decoratorRegistrationCoversTheDecoratorOnly() {
        String py = """
                from apscheduler.schedulers.blocking import BlockingScheduler

                sched = BlockingScheduler()


                @sched.scheduled_job("interval", minutes=5, args=[3])
                def poll(n):
                    print(n)
                """;
        Registration r = Registration.find(job(JobKind.APSCHEDULER, 6, 2), PythonParser.parse(py)).orElseThrow();
        assertThat(r.firstLine()).isEqualTo(6);
        assertThat(r.lastLine()).isEqualTo(6);
        assertThat(r.callee()).isEqualTo("poll");
        assertThat(r.arguments()).containsExactly("*[3]");
        assertThat(r.whole()).isTrue();
    }

    @Test
    void textWithoutMarkerIsNotChanged() {
        assertThat(RegistrationMarkers.enable(BEAT, "celery-beat-digest-1")).isSameAs(BEAT);
        assertThat(RegistrationMarkers.enableAll(BEAT)).isEqualTo(BEAT);
        assertThat(RegistrationMarkers.markedJobs(BEAT)).isEmpty();
    }

    private static Job job(JobKind kind, int line, int column) {
        SourceRef at = SourceRef.at("s.py", line, column);
        return new Job("id", kind, "n", at, List.of(), null, null, Map.of(), null, Overlap.SKIP, List.of(), Map.of());
    }
}
