package dev.migrate.analyzers.sources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Detector;
import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.sources.civis.CivisExportDetector;
import dev.migrate.analyzers.sources.config.PrefectYamlDetector;
import dev.migrate.analyzers.sources.java.QuartzXmlDetector;
import dev.migrate.analyzers.sources.python.PythonCrontabDetector;
import dev.migrate.analyzers.sources.python.SleepLoopDetector;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of source that can state one job twice (an export listing a script twice, a YAML list with the same
 * deployment twice, two identical loops) gives two jobs with ids of their own, and the findings of each name it.
 */
class RepeatedJobsTest {
    static Stream<Arguments> repeats() {
        return Stream.of(
                Arguments.of((Supplier<Detector>) CivisExportDetector::new, "civis/export.json", """
                        {"scripts": [
                          {"id": 7, "name": "load", "type": "container", "dockerCommand": "python load.py"},
                          {"id": 7, "name": "load", "type": "container", "dockerCommand": "python load.py"}
                        ]}
                        """),
                Arguments.of((Supplier<Detector>) QuartzXmlDetector::new, "conf/quartz_data.xml", """
                        <job-scheduling-data xmlns="http://www.quartz-scheduler.org/xml/JobSchedulingData" version="2.0">
                          <schedule>
                            <job><name>purge</name><job-class>com.acme.Purge</job-class></job>
                            <trigger>
                              <cron><name>purge-nightly</name><job-name>purge</job-name><cron-expression>0 30 23 * * ?</cron-expression></cron>
                            </trigger>
                            <trigger>
                              <cron><name>purge-nightly</name><job-name>purge</job-name><cron-expression>0 30 23 * * ?</cron-expression></cron>
                            </trigger>
                          </schedule>
                        </job-scheduling-data>
                        """),
                Arguments.of((Supplier<Detector>) PrefectYamlDetector::new, "prefect.yaml", """
                        prefect-version: 2.20.0
                        deployments:
                          - name: ingest
                            entrypoint: flows/ingest.py:ingest
                            schedule: {cron: "*/20 * * * *"}
                          - name: ingest
                            entrypoint: flows/ingest.py:ingest
                            schedule: {cron: "*/20 * * * *"}
                        """),
                Arguments.of((Supplier<Detector>) SleepLoopDetector::new, "poller.py", """
                        import time

                        def main():
                            while True:
                                poll()
                                time.sleep(60)
                            while True:
                                poll()
                                time.sleep(60)
                        """),
                Arguments.of((Supplier<Detector>) PythonCrontabDetector::new, "install_cron.py", """
                        from crontab import CronTab

                        tab = CronTab(user="reports")
                        a = tab.new(command="/opt/report.sh")
                        a.setall("30 6 * * 1")
                        b = tab.new(command="/opt/report.sh")
                        b.setall("30 6 * * 1")
                        tab.write()
                        """));
    }

    @ParameterizedTest
    @MethodSource("repeats")
    void aJobStatedTwiceIsTwoJobsWhoseFindingsNameThem(Supplier<Detector> detector, String path, String text) {
        DetectorHarness once = harness(detector.get(), path, text);
        DetectorHarness again = harness(detector.get(), path, text);
        List<Job> jobs = once.jobs().stream().sorted(Comparator.comparing(Job::source)).toList();
        assertThat(jobs).hasSize(2).extracting(Job::id).doesNotHaveDuplicates();
        assertThat(again.jobs()).extracting(Job::id).containsExactlyElementsOf(jobs.stream().map(Job::id).toList());
        // The two jobs are alike, so each has the same findings; each finding names a job that exists.
        List<String> first = codes(once, jobs.get(0));
        assertThat(first).isNotEmpty().isEqualTo(codes(once, jobs.get(1)));
        assertThat(once.findings()).allSatisfy(f -> assertThat(f.jobId() == null
                || jobs.stream().anyMatch(j -> j.id().equals(f.jobId()))).as("%s", f).isTrue());
        // Each job's findings are written at or after its own place, and before the next job's.
        assertThat(once.findings().stream().filter(f -> jobs.get(0).id().equals(f.jobId())))
                .allSatisfy(f -> assertThat(f.where().line()).isLessThan(jobs.get(1).source().line()));
        assertThat(once.findings().stream().filter(f -> jobs.get(1).id().equals(f.jobId())))
                .allSatisfy(f -> assertThat(f.where().line()).isGreaterThanOrEqualTo(jobs.get(1).source().line()));
    }

    private static DetectorHarness harness(Detector d, String path, String text) {
        DetectorHarness h = new DetectorHarness();
        ScanFile f = new ScanFile(path, text);
        assertThat(d.accepts(f)).isTrue();
        d.detect(f, h);
        d.finish(h);
        return h;
    }

    private static List<String> codes(DetectorHarness h, Job j) {
        return h.findings().stream().filter(f -> j.id().equals(f.jobId())).map(Finding::code).sorted().toList();
    }
}
