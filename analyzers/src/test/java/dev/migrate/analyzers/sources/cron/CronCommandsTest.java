package dev.migrate.analyzers.sources.cron;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Overlap;
import org.junit.jupiter.api.Test;

class CronCommandsTest {
    @Test
    void namesTheScriptNotTheWrapper() {
        assertThat(CronCommands.name("flock -n /tmp/x.lock /usr/bin/python3 /opt/etl/ingest.py --x")).isEqualTo("ingest");
        // the command given to flock as shell code names the job, not flock's -c
        assertThat(CronCommands.name("flock -n /tmp/x.lock -c 'cd /opt/etl && python3 ingest.py'")).isEqualTo("ingest");
        assertThat(CronCommands.name("/usr/bin/flock -w 5 /var/lock/sync --command \"rsync -a /src /dst\"")).isEqualTo("rsync-src");
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
        assertThat(CronCommands.name("bash -c 'sleep 5'")).as("nothing but inline code").isEqualTo("bash");
    }

    /**
     * Before: {@code bash -lc 'source ... && python -m x'} was "activate" (the line was split inside the quotes),
     * {@code docker exec} jobs were "docker", two {@code find} lines were both "find", {@code ./run.sh sync-orders}
     * was "run", {@code python manage.py clearsessions} was "manage".
     */
    @Test
    void looksThroughShellsContainersAndDispatchers() {
        assertThat(CronCommands.name("/usr/bin/env bash -lc 'source /opt/venv/bin/activate && python -m etl.jobs.load_orders'"))
                .isEqualTo("etl.jobs.load_orders");
        assertThat(CronCommands.name("bash -c 'run'")).isEqualTo("run");
        assertThat(CronCommands.name("docker exec -u app etl python /app/jobs/rebuild_marts.py --full")).isEqualTo("rebuild_marts");
        assertThat(CronCommands.name("docker compose -f /srv/c.yml run --rm worker ./refresh.sh")).isEqualTo("refresh");
        assertThat(CronCommands.name("docker run --rm -e X=1 -v /d:/d acme/nightly-export:1.4")).isEqualTo("nightly-export");
        assertThat(CronCommands.name("kubectl exec -n etl deploy/etl -- python jobs/sync.py")).isEqualTo("sync");
        assertThat(CronCommands.name("ssh etl@db1 '/opt/bin/vacuum.sh --all'")).isEqualTo("vacuum");
        assertThat(CronCommands.name("cd /srv/app && poetry run python manage.py clearsessions")).isEqualTo("manage-clearsessions");
        assertThat(CronCommands.name("cd /opt/app && ./run.sh sync-orders")).isEqualTo("run-sync-orders");
        assertThat(CronCommands.name("make -C /srv/etl nightly")).isEqualTo("make-nightly");
        // values of the dispatcher's options computed at run time or numbers are not what it runs
        assertThat(CronCommands.name("cd /opt/app && .venv/bin/python main.py -m `date +\\%-m --date=\"1 month ago\"` -y `date +\\%Y`"))
                .isEqualTo("main");
        assertThat(CronCommands.name("./run.sh --day $(date +%F) 3 sync-orders")).isEqualTo("run-sync-orders");
        assertThat(CronCommands.name("./run.sh \"$JOB\"")).isEqualTo("run");
        assertThat(CronCommands.name("find /var/tmp -type f -mtime +7 -delete")).isEqualTo("find-tmp");
        assertThat(CronCommands.name("find /backup -name 'prefect_*.sql' -mtime +14 -delete")).isEqualTo("find-backup");
        assertThat(CronCommands.name("rm -f /srv/cache/*.tmp")).isEqualTo("rm-cache");
        assertThat(CronCommands.name("/usr/bin/mail -s \"Weekly KPIs\" kpi@corp.example")).isEqualTo("mail-weekly-kpis");
        assertThat(CronCommands.name("curl -fsS https://hc-ping.com/abc123")).isEqualTo("curl-hc-ping");
        // credentials in the URL never name the job (before: "curl-user")
        assertThat(CronCommands.name("curl -fsS https://user:tok3n@hooks.example.com/ping")).isEqualTo("curl-hooks.example");
        assertThat(CronCommands.name("wget -q -O- http://svc@www.status.example.org:8080/beat")).isEqualTo("wget-status.example");
        assertThat(CronCommands.name("pg_dump -Fc mydb > /backups/mydb.dump")).isEqualTo("pg_dump");
    }

    /** Before: "$SHELL" (the login shell named through a variable was taken for the job). */
    @Test
    void aShellOrInterpreterNamedThroughAVariableRunsTheJob() {
        assertThat(CronCommands.name("PATH=/usr/local/bin:/usr/bin $SHELL -lc 'python etl.py'")).isEqualTo("etl");
        assertThat(CronCommands.name("\"${SHELL}\" -c \"cd /srv/etl && ./load_orders.sh\"")).isEqualTo("load_orders");
        assertThat(CronCommands.name("$SHELL /opt/etl/nightly.sh >> /var/log/nightly.log 2>&1")).isEqualTo("nightly");
        assertThat(CronCommands.name("$PYTHON3 -m reports.weekly")).isEqualTo("reports.weekly");
        assertThat(CronCommands.name("/bin/bash -lc \"cd /srv && ./run.sh\"")).isEqualTo("run");
        assertThat(CronCommands.name("$SHELL -c 'sleep 5'")).as("nothing but inline code").isEqualTo("sh");
        // must not change: a variable that is a path prefix, or names no shell or interpreter, is not read as one
        assertThat(CronCommands.name("$ETL_HOME/bin/load.sh --full")).isEqualTo("load");
        assertThat(CronCommands.name("$RUNNER -c 'python etl.py'")).isEqualTo("$RUNNER");
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

    /** The Python script a command runs, found as its job's name is: what the Kubernetes detectors read a container by. */
    @Test
    void thePythonScriptACommandRuns() {
        assertThat(CronCommands.pythonScript("flock -n /tmp/x.lock /usr/bin/python3 /opt/etl/ingest.py --x"))
                .contains("/opt/etl/ingest.py");
        assertThat(CronCommands.pythonScript("cd /srv && poetry run python -m etl.jobs.load")).contains("-m etl.jobs.load");
        assertThat(CronCommands.pythonScript("bash -lc 'source /opt/venv/bin/activate && python flows/etl.py'"))
                .contains("flows/etl.py");
        assertThat(CronCommands.pythonScript("docker exec etl python /app/jobs/rebuild.py")).contains("/app/jobs/rebuild.py");
        assertThat(CronCommands.pythonScript("./retrain.py --quiet")).contains("./retrain.py");
        // must not change: no Python script
        assertThat(CronCommands.pythonScript("/opt/etl/bin/nightly.sh")).isEmpty();
        assertThat(CronCommands.pythonScript("python -c 'print(1)'")).isEmpty();
        assertThat(CronCommands.pythonScript("perl /opt/x.pl")).isEmpty();
        assertThat(CronCommands.pythonScript("echo python x.py")).isEmpty();
    }
}
