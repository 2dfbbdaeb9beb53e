package dev.migrate.analyzers.sources.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.schedule.ScheduleCheck;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.sources.ExactOutput;
import dev.migrate.analyzers.sources.HostEstate;
import dev.migrate.analyzers.sources.RecordingSink;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SystemdDetectorTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC);

    private static SystemdDetector detector() {
        return new SystemdDetector(new ScheduleCheck(ZoneId.of("Europe/Berlin"), CLOCK.instant()));
    }

    @Test
    void inventoriesTheHost() throws Exception {
        RecordingSink sink = HostEstate.scan(detector());
        ExactOutput.assertMatches(getClass(), "systemd-jobs.txt", sink.jobsText());
        ExactOutput.assertMatches(getClass(), "systemd-findings.txt", sink.findingsText());
    }

    @Test
    void pairsByNameWhateverTheFileOrder() {
        SystemdDetector d = detector();
        RecordingSink sink = new RecordingSink();
        d.detect(new ScanFile("a/backup.service", "[Service]\nExecStart=/opt/backup.sh\nUser=bk\n"), sink);
        d.detect(new ScanFile("b/backup.timer", "[Timer]\nOnCalendar=hourly\n"), sink);
        assertThat(sink.jobs).isEmpty();
        d.finish(sink);
        assertThat(sink.jobs).singleElement().satisfies(j -> {
            assertThat(j.kind()).isEqualTo(JobKind.SYSTEMD_TIMER);
            assertThat(j.command()).isEqualTo("/opt/backup.sh");
            assertThat(j.user()).isEqualTo("bk");
        });
    }

    // before: a FixedRandomDelay= timer was said to delay each start randomly; it delays every start by one offset
    @Test
    void aFixedRandomDelayIsOneOffsetNotARandomOne() {
        SystemdDetector d = detector();
        RecordingSink sink = new RecordingSink();
        d.detect(new ScanFile("etc/systemd/system/restic.service", "[Service]\nExecStart=/usr/bin/restic backup /srv\n"), sink);
        d.detect(new ScanFile("etc/systemd/system/restic.timer",
                "[Timer]\nOnCalendar=00/3:00\nRandomizedDelaySec=3h\nFixedRandomDelay=true\n"), sink);
        d.detect(new ScanFile("etc/systemd/system/sync.service", "[Service]\nExecStart=/opt/sync\n"), sink);
        d.detect(new ScanFile("etc/systemd/system/sync.timer", "[Timer]\nOnCalendar=hourly\nRandomizedDelaySec=5min\n"), sink);
        d.finish(sink);
        assertThat(sink.findings).filteredOn(f -> f.code().equals("SYD002")).extracting(f -> f.message()).containsExactlyInAnyOrder(
                "RandomizedDelaySec=3h with FixedRandomDelay= delays every start by the same offset (up to 3h, chosen per "
                        + "machine and timer); Prefect starts runs at the scheduled time: add the offset to the schedule "
                        + "if the time of day matters",
                "RandomizedDelaySec=5min delays each start randomly; Prefect starts runs at the scheduled time");
    }

    // provisioning scripts install units with `cat > /etc/systemd/system/x.service <<EOF`: those jobs were missing
    @Test
    void unitsThatScriptsWriteWithHereDocumentsAreInventoriedAtTheirLines() {
        ScanFile script = new ScanFile("provision/setup.sh", """
                #!/bin/bash
                set -euo pipefail
                # the nightly export
                cat > /etc/systemd/system/export.service <<EOF
                [Unit]
                Description=Nightly export
                [Service]
                Type=oneshot
                User=etl
                ExecStart=/opt/export/run.sh --full
                EOF
                cat <<'EOF' | sudo tee /etc/systemd/system/export.timer >/dev/null
                [Timer]
                OnCalendar=*-*-* 02:30:00
                Persistent=true
                [Install]
                WantedBy=timers.target
                EOF
                sudo tee "/etc/systemd/system/export.service.d/env.conf" <<-EOF
                	[Service]
                	Environment=MODE=full
                	EOF
                cat > /etc/cron.d/other <<EOF
                [not a unit]
                EOF
                systemctl daemon-reload
                """);
        RecordingSink sink = HostEstate.scan(java.util.List.of(script), detector());
        assertThat(sink.jobs).singleElement().satisfies(j -> {
            assertThat(j.kind()).isEqualTo(JobKind.SYSTEMD_TIMER);
            assertThat(j.name()).isEqualTo("export");
            assertThat(j.source()).hasToString("provision/setup.sh:12:1");
            assertThat(j.schedules()).singleElement().satisfies(s -> {
                assertThat(s.expression()).isEqualTo("*-*-* 02:30:00");
                assertThat(s.where()).hasToString("provision/setup.sh:14:12");
            });
            assertThat(j.command()).isEqualTo("/opt/export/run.sh --full");
            assertThat(j.user()).isEqualTo("etl");
            assertThat(j.env()).containsEntry("MODE", "full");
            assertThat(j.attributes()).containsEntry("systemd.embeddedIn", "shell here-document")
                    .containsEntry("service", "provision/setup.sh:4:1").containsEntry("service.dropIns", "provision/setup.sh:19");
        });
        assertThat(sink.findings).extracting(f -> f.code() + " " + f.where())
                .containsExactlyInAnyOrder("SYD001 provision/setup.sh:14:12", "SYD003 provision/setup.sh:15:12",
                        "SYD005 provision/setup.sh:14:12");
    }

    @Test
    void aUnitWrittenInsideAQuotedShellScriptEndsAtItsDelimiterAndQuote() {
        ScanFile script = new ScanFile("setup.sh", """
                sudo bash -c "cat > /etc/systemd/system/sync.timer << EOF
                [Timer]
                OnCalendar=hourly
                EOF"
                RandomizedDelaySec=1h
                sudo systemctl enable --now sync.timer
                """);
        RecordingSink sink = HostEstate.scan(java.util.List.of(script), detector());
        assertThat(sink.findings).extracting(f -> f.code()).containsExactlyInAnyOrder("SYD001", "SYD006");
    }

    // real setup scripts write units through a helper (`install_unit x.timer <<UNIT`) and fill schedules in from their
    // variables (`OnCalendar=*-*-* ${CLEANUP_TIME}:00`): the first was missed, the second reported as a syntax error
    @Test
    void unitsWrittenThroughAHelperAndSchedulesTheScriptFillsIn() {
        ScanFile script = new ScanFile("ops/install.sh", """
                #!/usr/bin/env bash
                install_unit() { tee "/etc/systemd/system/$1" >/dev/null; }
                install_unit drift.service <<'UNIT'
                [Service]
                ExecStart=/opt/drift/check.sh
                UNIT
                install_unit drift.timer <<'UNIT'
                # 4x a day
                [Timer]
                OnCalendar=*-*-* 00/6:07:00
                UNIT
                cat > "$SYSTEMD_DIR/${PREFIX}-cleanup.timer" << EOF
                [Timer]
                OnCalendar=*-*-* ${CLEANUP_TIME}:00
                EOF
                cat > "$SYSTEMD_DIR/${PREFIX}-cleanup.service" << EOF
                [Service]
                ExecStart=$SCRIPT_DIR/cleanup.sh --all
                EOF
                echo "[Timer] is a section" | grep -q Timer && systemctl daemon-reload
                """);
        RecordingSink sink = HostEstate.scan(java.util.List.of(script), detector());
        assertThat(sink.jobs).extracting(j -> j.name() + " | " + j.schedules().get(0).form() + " " + j.schedules().get(0).expression()
                        + " | " + j.command())
                .containsExactlyInAnyOrder("${PREFIX}-cleanup | UNKNOWN OnCalendar=*-*-* ${CLEANUP_TIME}:00 (the script fills in its "
                                + "variables when it runs) | $SCRIPT_DIR/cleanup.sh --all",
                        "drift | SYSTEMD_CALENDAR *-*-* 00/6:07:00 | /opt/drift/check.sh");
        assertThat(sink.findings).extracting(f -> f.code()).doesNotContain("SYD007");
    }

    @Test
    void aDockerfileHereDocumentUnitIsReportedOnceWithItsPrefectCommand() {
        ScanFile dockerfile = new ScanFile("images/agent/Dockerfile", """
                FROM python:3.11
                COPY <<EOF /etc/systemd/system/prefect-agent.service
                [Service]
                ExecStart=/usr/local/bin/prefect agent start -q etl
                Restart=always
                EOF
                RUN systemctl enable prefect-agent
                """);
        RecordingSink sink = HostEstate.scan(java.util.List.of(dockerfile), detector(),
                new dev.migrate.analyzers.sources.config.PrefectCliLineDetector());
        assertThat(sink.jobs).extracting(j -> j.kind() + " " + j.source()).containsExactly("PREFECT_AGENT images/agent/Dockerfile:2:1");
        assertThat(sink.findings).extracting(f -> f.code() + " " + f.where().line())
                .containsExactlyInAnyOrder("SYD009 4", "PF203 4");
    }

    @Test
    void hereDocumentsThatWriteNoUnitOrAreNotInAScriptAreNotUnits() {
        String writes = """
                cat > /etc/systemd/system/export.timer <<EOF
                [Timer]
                OnCalendar=daily
                EOF
                systemctl daemon-reload
                """;
        ScanFile readme = new ScanFile("docs/README.md", writes);
        ScanFile nginx = new ScanFile("setup.sh", """
                cat > /etc/nginx/conf.d/systemd-docs.conf <<EOF
                [server]
                EOF
                cat <<EOF > /tmp/export.timer.txt
                [Timer]
                OnCalendar=daily
                EOF
                """);
        RecordingSink sink = HostEstate.scan(java.util.List.of(readme, nginx), detector());
        assertThat(sink.jobs).isEmpty();
        assertThat(sink.findings).isEmpty();
    }

    @Test
    void recognisesPrefectProcesses() {
        assertThat(ServiceRoles.kindOf("/usr/local/bin/prefect server start --host 0.0.0.0", null, "")).isEqualTo(JobKind.PREFECT_SERVER);
        assertThat(ServiceRoles.kindOf("prefect orion start", null, "")).isEqualTo(JobKind.PREFECT_SERVER);
        assertThat(ServiceRoles.kindOf("prefect worker start --pool etl", "always", "")).isEqualTo(JobKind.PREFECT_WORKER);
        assertThat(ServiceRoles.kindOf("/usr/bin/python3 /opt/loop.py", "always", "")).isEqualTo(JobKind.SYSTEMD_SCHEDULER_SERVICE);
        assertThat(ServiceRoles.kindOf("celery -A proj beat", "always", "")).isEqualTo(JobKind.SYSTEMD_SCHEDULER_SERVICE);
        assertThat(ServiceRoles.kindOf("celery -A proj worker", "always", "")).isNull();
        assertThat(ServiceRoles.kindOf("/usr/bin/python3 /opt/loop.py", "on-failure", "")).isNull();
        assertThat(ServiceRoles.kindOf("/opt/web/bin/gunicorn app:app", "always", "")).isNull();
        assertThat(ServiceRoles.kindOf("/usr/sbin/nginx", "always", "")).isNull();
        assertThat(ServiceRoles.kindOf("/opt/venv/bin/python report_schedule.py", "on-failure",
                "report-scheduler.service Report scheduler")).isEqualTo(JobKind.SYSTEMD_SCHEDULER_SERVICE);
        assertThat(ServiceRoles.kindOf("/opt/venv/bin/python app.py", "on-failure", "api.service REST API")).isNull();
        assertThat(ServiceRoles.kindOf("/usr/bin/java -Xmx1g -jar /opt/billing/app.jar", "on-failure",
                "billing.service Spring Boot with @Scheduled jobs")).isEqualTo(JobKind.SYSTEMD_SCHEDULER_SERVICE);
        // a JVM unit that does not say it schedules is one only if its jar is the tree's Spring or Quartz build, which the
        // JVM linking step decides: it is marked so (a web application may well have @Scheduled methods)
        assertThat(ServiceRoles.kindOf("/usr/bin/java -jar /opt/shop/app.jar", "always", "shop.service Web shop"))
                .isEqualTo(JobKind.SYSTEMD_SCHEDULER_SERVICE);
        assertThat(ServiceRoles.unannouncedJvm("/usr/bin/java -jar /opt/shop/app.jar", "always", "shop.service Web shop"))
                .isTrue();
        assertThat(ServiceRoles.unannouncedJvm("/usr/bin/java -Xmx1g -jar /opt/billing/app.jar", "on-failure",
                "billing.service Spring Boot with @Scheduled jobs")).isFalse();
        assertThat(ServiceRoles.kindOf("/usr/bin/java -jar /opt/shop/app.jar", "no", "shop.service Web shop")).isNull();
        // setup scripts' servers and listeners kept up with Restart=always were inventoried as schedulers (SYD004)
        assertThat(ServiceRoles.kindOf("/srv/ai/.venv/bin/python btc_assistant/auth_server.py", "always",
                "bitcoin-ai-auth.service Bitcoin AI Authentication Server /srv/ai/.venv/bin/python btc_assistant/auth_server.py"))
                .isNull();
        assertThat(ServiceRoles.kindOf("/usr/local/bin/mqtt_server_listener.sh", "always",
                "mqtt_server_listener.service Service pour écouter sur le topic /usr/local/bin/mqtt_server_listener.sh")).isNull();
        assertThat(ServiceRoles.kindOf("/usr/bin/python3 /opt/api_poller.py", "always",
                "poller.service Periodic API poller /usr/bin/python3 /opt/api_poller.py")).isEqualTo(JobKind.SYSTEMD_SCHEDULER_SERVICE);
    }

    // an Orion server unit and an agent unit copied from a VM: scan said only "runs a prefect server" (info), while
    // the same commands in a script are breaking, and the settings they set were not checked
    @Test
    void theCommandsAndSettingsOfPrefectUnitsAreReportedAtTheirLines() {
        SystemdDetector d = detector();
        RecordingSink sink = new RecordingSink();
        d.detect(new ScanFile("deploy/prefect-server.service", """
                [Service]
                Environment=PREFECT_ORION_API_HOST=0.0.0.0
                ExecStart=/opt/venv/bin/prefect orion start
                Restart=always
                """), sink);
        d.detect(new ScanFile("deploy/prefect-agent.service", """
                [Service]
                Environment="PREFECT_AGENT_QUERY_INTERVAL=15" PREFECT_API_URL=http://s:4200/api
                ExecStart=-/opt/venv/bin/prefect agent start -q etl
                Restart=always
                """), sink);
        d.finish(sink);
        assertThat(sink.findingsText())
                .contains("deploy/prefect-server.service:3:11 PF209 BREAKING")
                .contains("deploy/prefect-server.service:2:13 CFG")
                .contains("deploy/prefect-agent.service:3:11 PF203 BREAKING")
                .contains("deploy/prefect-agent.service:2:13 CFG001")
                // before: no PF292 for a server a unit runs, only for a compose service's; at the ExecStart= line
                .contains("deploy/prefect-server.service:3:11 PF292 INFO MANUAL self-hosted Prefect server (prefect-server.service)")
                .doesNotContain("PF291");
        assertThat(sink.findings).filteredOn(f -> f.code().equals("PF292")).hasSize(1);
        // before: the unit's agent had no queues, so the worker the cutover plan put in its place polled none of them
        assertThat(sink.jobs).filteredOn(j -> j.kind() == JobKind.PREFECT_AGENT).singleElement()
                .satisfies(j -> assertThat(j.attributes()).containsEntry("workQueue", "etl").doesNotContainKey("workPool"));
    }

    @Test
    void anAgentUnitsQueuesAndPoolAreItsAttributes() {
        SystemdDetector d = detector();
        RecordingSink sink = new RecordingSink();
        d.detect(new ScanFile("etc/systemd/system/agent.service", """
                [Service]
                ExecStart=/srv/venv/bin/prefect agent start --pool ops -q etl --work-queue reports
                Restart=always
                """), sink);
        d.detect(new ScanFile("etc/systemd/system/agent2.service", """
                [Service]
                ExecStart=/srv/venv/bin/prefect agent start --work-queue=nightly
                Restart=always
                """), sink);
        d.finish(sink);
        assertThat(sink.jobs).extracting(j -> j.name() + " " + j.attributes().get("workQueue") + " " + j.attributes().get("workPool"))
                .containsExactlyInAnyOrder("agent etl,reports ops", "agent2 nightly null");
    }

    @Test
    void emptyUnitsAreHarmless() {
        SystemdDetector d = detector();
        RecordingSink sink = new RecordingSink();
        d.detect(new ScanFile("x.timer", "[Timer]\n"), sink);
        d.detect(new ScanFile("y.service", "garbage without sections ["), sink);
        d.finish(sink);
        assertThat(sink.jobs).hasSize(1);
        assertThat(sink.findingsText()).isEqualTo("""
                x.timer SYD001 BREAKING UNSAFE_FIX timer x.timer starts x.service outside any orchestrator [systemd-timer-x-c3239d86]
                x.timer SYD006 INFO MANUAL timer x.timer starts x.service, which is not among the scanned files [systemd-timer-x-c3239d86]""");
    }
}
