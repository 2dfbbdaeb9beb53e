package dev.migrate.analyzers.sources.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.sources.DetectorHarness;
import org.junit.jupiter.api.Test;

/**
 * A unit whose {@code ExecStart=} (or {@code ExecStartPre=}, or a {@code /bin/sh -c} script in either) runs a Prefect
 * deploy command itself is a deploy job, reported as the same line of a script is, at the call's column; a timer's
 * unit is a scheduled deploy job.
 */
class UnitDeployCommandsTest {
    @Test
    void aOneshotServiceThatBuildsADeployment() {
        ScanFile unit = new ScanFile("etc/systemd/system/deploy-etl.service", """
                [Unit]
                Description=Register the ETL deployment
                [Service]
                Type=oneshot
                User=etl
                WorkingDirectory=/srv/flows
                Environment=PREFECT_API_URL=http://prefect:4200/api
                ExecStart=/srv/venv/bin/prefect deployment build flows/etl.py:etl -n nightly -ib process/prod --cron "0 2 * * *" -a
                """);
        assertThat(DetectorHarness.run(new SystemdDetector(), unit)).isEqualTo("""
                job prefect2-nightly-bc87cf06 prefect2 'nightly' at etc/systemd/system/deploy-etl.service:8:11
                  schedule CRON_PREFECT '0 2 * * *' at etc/systemd/system/deploy-etl.service:8:11
                  command /srv/venv/bin/prefect deployment build flows/etl.py:etl -n nightly -ib process/prod --cron "0 2 * * *" -a
                  user etl
                  workingDir /srv/flows
                  overlap UNKNOWN
                  env {PREFECT_API_URL=http://prefect:4200/api}
                  attrs {apply=true, entrypoint=flows/etl.py:etl, infrastructure=process/prod, service=etc/systemd/system/deploy-etl.service, unit=deploy-etl.service}
                etc/systemd/system/deploy-etl.service:8:11 PF201 `prefect deployment build` was removed in Prefect 3; declare the deployment in prefect.yaml and run `prefect deploy` [prefect2-nightly-bc87cf06]
                etc/systemd/system/deploy-etl.service:8:11 PF205 infrastructure block 'process/prod' has no Prefect 3 equivalent; use a work pool of type process [prefect2-nightly-bc87cf06]
                """);
    }

    @Test
    void aTimersServiceDeploysOnItsSchedule() {
        ScanFile timer = new ScanFile("etc/systemd/system/redeploy.timer", """
                [Timer]
                OnCalendar=*-*-* 01:30:00
                """);
        ScanFile service = new ScanFile("etc/systemd/system/redeploy.service", """
                [Service]
                Type=oneshot
                WorkingDirectory=/srv/flows
                ExecStartPre=/bin/sh -c 'prefect deployment build flows/load.py:load -n hourly -q etl && prefect deployment apply load-deployment.yaml'
                ExecStart=-/srv/venv/bin/prefect deploy flows/etl.py:etl --name nightly --pool process
                """);
        assertThat(DetectorHarness.run(new SystemdDetector(), timer, service)).isEqualTo("""
                job prefect2-hourly-beb01377 prefect2 'hourly' at etc/systemd/system/redeploy.service:4:26
                  command prefect deployment build flows/load.py:load -n hourly -q etl
                  workingDir /srv/flows
                  overlap UNKNOWN
                  attrs {entrypoint=flows/load.py:load, scheduledBy=systemd-timer-redeploy-b4e9084c, service=etc/systemd/system/redeploy.service, unit=redeploy.service, workQueue=etl}
                job prefect3-nightly-2c9e4e31 prefect3 'nightly' at etc/systemd/system/redeploy.service:5:12
                  command /srv/venv/bin/prefect deploy flows/etl.py:etl --name nightly --pool process
                  workingDir /srv/flows
                  overlap UNKNOWN
                  attrs {entrypoint=flows/etl.py:etl, scheduledBy=systemd-timer-redeploy-b4e9084c, service=etc/systemd/system/redeploy.service, unit=redeploy.service, workPool=process}
                job systemd-timer-redeploy-b4e9084c systemd-timer 'redeploy' at etc/systemd/system/redeploy.timer
                  schedule SYSTEMD_CALENDAR '*-*-* 01:30:00' at etc/systemd/system/redeploy.timer:2:12
                  command /srv/venv/bin/prefect deploy flows/etl.py:etl --name nightly --pool process
                  workingDir /srv/flows
                  overlap SKIP
                  attrs {Type=oneshot, Unit=redeploy.service, service=etc/systemd/system/redeploy.service}
                etc/systemd/system/redeploy.service:4:26 PF201 `prefect deployment build` was removed in Prefect 3; declare the deployment in prefect.yaml and run `prefect deploy` [prefect2-hourly-beb01377]
                etc/systemd/system/redeploy.service:4:26 PF211 deployment uses work queue 'etl' without a work pool (agent model) [prefect2-hourly-beb01377]
                etc/systemd/system/redeploy.service:4:90 PF202 `prefect deployment apply` was removed in Prefect 3; declare the deployment in prefect.yaml and run `prefect deploy` [systemd-timer-redeploy-b4e9084c]
                etc/systemd/system/redeploy.service:5:12 PF290 Prefect 3 deployment 'nightly' (already migrated), declared on the command line [prefect3-nightly-2c9e4e31]
                etc/systemd/system/redeploy.timer:2:12 SYD001 timer redeploy.timer starts redeploy.service outside any orchestrator: systemd calendar *-*-* 01:30:00 (UTC) [systemd-timer-redeploy-b4e9084c]
                """);
    }

    /** An agent's unit that registers a deployment before it starts: the build is a job of its own, reported once. */
    @Test
    void anAgentThatDeploysFirst() {
        ScanFile unit = new ScanFile("deploy/agent.service", """
                [Service]
                ExecStartPre=/opt/venv/bin/prefect deployment build flows/etl.py:etl -n nightly -a
                ExecStart=/opt/venv/bin/prefect agent start -q default
                Restart=always
                """);
        assertThat(DetectorHarness.run(new SystemdDetector(), unit)).isEqualTo("""
                job prefect-agent-agent-e87fbaf6 prefect-agent 'agent' at deploy/agent.service
                  command /opt/venv/bin/prefect agent start -q default
                  overlap UNKNOWN
                  attrs {Restart=always, service=deploy/agent.service, workQueue=default}
                job prefect2-nightly-cbd8359c prefect2 'nightly' at deploy/agent.service:2:14
                  command /opt/venv/bin/prefect deployment build flows/etl.py:etl -n nightly -a
                  overlap UNKNOWN
                  attrs {apply=true, entrypoint=flows/etl.py:etl, service=deploy/agent.service, unit=agent.service}
                deploy/agent.service:2:14 PF201 `prefect deployment build` was removed in Prefect 3; declare the deployment in prefect.yaml and run `prefect deploy` [prefect2-nightly-cbd8359c]
                deploy/agent.service:3:11 PF203 Prefect 2 agent (`prefect agent start`); agents were removed in Prefect 3, run `prefect worker start --pool POOL` on a typed work pool [prefect-agent-agent-e87fbaf6]
                deploy/agent.service:3:11 SYD009 agent.service runs a prefect agent; agents do not exist in Prefect 3, use a worker for a work pool [prefect-agent-agent-e87fbaf6]
                """);
    }

    /** Must not change: a unit that runs a script, or another Prefect command, has no deploy job. */
    @Test
    void mustNotReport() {
        assertThat(DetectorHarness.run(new SystemdDetector(), new ScanFile("etc/systemd/system/deploy.service", """
                [Service]
                Type=oneshot
                ExecStart=/srv/flows/deploy.sh nightly
                """))).isEmpty();
        assertThat(DetectorHarness.run(new SystemdDetector(), new ScanFile("etc/systemd/system/ls.service", """
                [Service]
                Type=oneshot
                ExecStart=/srv/venv/bin/prefect deployment ls
                """))).isEmpty();
    }
}
