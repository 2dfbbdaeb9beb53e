package dev.migrate.analyzers.sources.cron;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Overlap;
import org.junit.jupiter.api.Test;

class CronCommandsTest {
    @Test
    void namesTheScriptNotTheWrapper() {
        assertThat(CronCommands.name("flock -n /tmp/x.lock /usr/bin/python3 /opt/etl/ingest.py --x")).isEqualTo("ingest");
        assertThat(CronCommands.name("cd /opt/etl && ./nightly.sh >> log 2>&1")).isEqualTo("nightly");
        assertThat(CronCommands.name("FOO=1 nice -n 10 timeout 1h python3 -u job.py")).isEqualTo("job");
        assertThat(CronCommands.name("python -m pkg.tasks.refresh")).isEqualTo("pkg.tasks.refresh");
        assertThat(CronCommands.name("test -x /usr/sbin/anacron || ( cd / && run-parts --report /etc/cron.daily )"))
                .isEqualTo("cron.daily");
        assertThat(CronCommands.name("sudo -u etl /opt/bin/load")).isEqualTo("load");
    }

    /** Before: "if" and "sleep int(rand(43200))" (a job named after a shell keyword and a random delay's code). */
    @Test
    void namesTheCommandBehindShellKeywordsAndRandomDelays() {
        assertThat(CronCommands.name("[ -x /usr/lib/app/clean ] && if [ ! -d /run/systemd/system ]; then /usr/lib/app/clean; fi"))
                .isEqualTo("clean");
        assertThat(CronCommands.name("test -x /usr/bin/renew && perl -e 'sleep int(rand(3600))' && renew -q"))
                .isEqualTo("renew");
        assertThat(CronCommands.name("perl -e 'print 1'")).as("inline code alone still names it").isEqualTo("perl");
        assertThat(CronCommands.name("bash -c 'run'")).isEqualTo("bash");
    }

    @Test
    void flockDecidesOverlap() {
        assertThat(CronCommands.overlap("flock -n /tmp/l cmd")).isEqualTo(Overlap.SKIP);
        assertThat(CronCommands.overlap("flock -xn /tmp/l cmd")).isEqualTo(Overlap.SKIP);
        assertThat(CronCommands.overlap("/usr/bin/flock --nonblock /tmp/l cmd")).isEqualTo(Overlap.SKIP);
        assertThat(CronCommands.overlap("flock -w 0 /tmp/l cmd")).isEqualTo(Overlap.SKIP);
        assertThat(CronCommands.overlap("flock /tmp/l cmd")).isEqualTo(Overlap.QUEUE);
        assertThat(CronCommands.overlap("flock -x -w 60 /tmp/l cmd")).isEqualTo(Overlap.QUEUE);
        assertThat(CronCommands.overlap("run-one /opt/job")).isEqualTo(Overlap.SKIP);
        assertThat(CronCommands.overlap("/opt/job --no-flock")).isEqualTo(Overlap.ALLOW);
        assertThat(CronCommands.overlap("setlock -n /var/lock/job cmd")).isEqualTo(Overlap.SKIP);
        assertThat(CronCommands.overlap("setlock /var/lock/nightly cmd")).isEqualTo(Overlap.QUEUE);
        assertThat(CronCommands.overlap("lckdo /var/lock/x cmd")).isEqualTo(Overlap.SKIP);
        assertThat(CronCommands.overlap("lckdo -w /var/lock/x cmd")).isEqualTo(Overlap.QUEUE);
    }

    @Test
    void leadingCdIsTheWorkingDirectory() {
        assertThat(CronCommands.workingDir("cd /opt/etl && ./run")).isEqualTo("/opt/etl");
        assertThat(CronCommands.workingDir("cd \"/srv/my app\"; make")).isEqualTo("/srv/my app");
        assertThat(CronCommands.workingDir("/opt/run && cd /x")).isNull();
    }
}
