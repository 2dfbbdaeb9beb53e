package dev.migrate.recipes.legacy;

import static dev.migrate.recipes.legacy.LegacyTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.recipes.engine.RewriteEngine;
import dev.migrate.recipes.engine.RewriteResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A timer's service ran its command with Nice=, IOSchedulingClass= ...: the flow runs it the same way, or says it does not. */
class ServiceResourceSettingsTest {
    @TempDir
    Path dir;

    private RewriteResult dumpTimer(String service) throws Exception {
        write("etc/systemd/system/dump.timer", "[Timer]\nOnCalendar=*-*-* 01:00:00\n");
        write("etc/systemd/system/dump.service", "[Service]\n" + service);
        RewriteResult dual = run(dir, "dual-run");
        RewriteEngine.apply(dir, dual);
        return dual;
    }

    private void write(String rel, String text) throws Exception {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private String onlyFlow() throws Exception {
        return snapshot(dir).entrySet().stream().filter(e -> e.getKey().startsWith("prefect/flows/"))
                .map(Map.Entry::getValue).findFirst().orElseThrow();
    }

    @Test
    void niceAndIdleIoSchedulingGoInFrontOfTheCommand() throws Exception {
        RewriteResult dual = dumpTimer("Nice=10\nIOSchedulingClass=idle\nExecStart=/usr/local/bin/dump --all\n");
        assertThat(onlyFlow()).contains("COMMAND = 'nice -n 10 ionice -c 3 /usr/local/bin/dump --all'\n");
        assertThat(dual.notes()).anySatisfy(n -> {
            assertThat(n.manual()).isFalse();
            assertThat(n.message()).contains("decision: Nice=10 (etc/systemd/system/dump.service:2), IOSchedulingClass=idle "
                    + "(etc/systemd/system/dump.service:3) become 'nice -n 10 ionice -c 3' in front of the command");
        });
        assertCompiles(dir);
        assertThat(run(dir, "dual-run").changes()).isEmpty();
    }

    @Test
    void anIoPriorityGoesWithItsClassAndEveryCommandOfTheStartSequenceGetsThePrefix() throws Exception {
        dumpTimer("IOSchedulingClass=best-effort\nIOSchedulingPriority=7\nCPUSchedulingPolicy=batch\n"
                + "ExecStartPre=/usr/bin/mkdir -p /backup\nExecStart=/usr/local/bin/dump\n");
        assertThat(onlyFlow()).contains("COMMAND = 'ionice -c 2 -n 7 chrt --batch 0 /usr/bin/mkdir -p /backup && "
                + "ionice -c 2 -n 7 chrt --batch 0 /usr/local/bin/dump'\n");
    }

    @Test
    void everyExecStartOfAOneshotServiceGetsThePrefix() throws Exception {
        dumpTimer("Type=oneshot\nNice=-5\nExecStart=/usr/local/bin/dump a\nExecStart=/usr/local/bin/dump b\n");
        assertThat(onlyFlow()).contains("COMMAND = 'nice -n -5 /usr/local/bin/dump a && nice -n -5 /usr/local/bin/dump b'\n");
    }

    @Test
    void settingsWithoutACommandFormAreManualItemsAtTheirLines() throws Exception {
        RewriteResult dual = dumpTimer("ExecStart=/usr/local/bin/dump\nCPUQuota=50%\nMemoryMax=2G\nCPUSchedulingPolicy=fifo\n"
                + "LimitNOFILE=65536\n");
        assertThat(onlyFlow()).contains("COMMAND = '/usr/local/bin/dump'\n");
        assertThat(dual.notes()).filteredOn(n -> n.manual() && n.message().contains("is not applied by the flow"))
                .extracting(n -> n.message().replaceAll("^\\S+: ", "").replaceAll(" is not applied.*", ""))
                .containsExactlyInAnyOrder("CPUQuota=50% (etc/systemd/system/dump.service:3)",
                        "MemoryMax=2G (etc/systemd/system/dump.service:4)",
                        "CPUSchedulingPolicy=fifo (etc/systemd/system/dump.service:5) without CPUSchedulingPriority=",
                        "LimitNOFILE=65536 (etc/systemd/system/dump.service:6)");
    }

    @Test
    void aValueWithoutAnExactFormIsReportedNotGuessed() throws Exception {
        RewriteResult dual = dumpTimer("Nice=$LEVEL\nExecStart=/usr/local/bin/dump\n");
        assertThat(onlyFlow()).contains("COMMAND = '/usr/local/bin/dump'\n");
        assertThat(dual.notes()).anySatisfy(n -> {
            assertThat(n.manual()).isTrue();
            assertThat(n.message()).contains("Nice=$LEVEL (etc/systemd/system/dump.service:2) is not applied by the flow: "
                    + "run the command under nice by hand");
        });
    }

    @Test
    void aServiceWithoutSuchSettingsKeepsItsCommand() throws Exception {
        RewriteResult dual = dumpTimer("User=etl\nExecStart=/usr/local/bin/dump\n");
        assertThat(onlyFlow()).contains("COMMAND = '/usr/local/bin/dump'\n");
        assertThat(dual.notes()).noneSatisfy(n -> assertThat(n.message()).contains("in front of the command"));
    }

    @Test
    void aSpringJobRunsTheServicesJarWithItsNiceness() throws Exception {
        write("opt/shop-app/src/main/java/com/shop/Jobs.java", "package com.shop;\n\n"
                + "import org.springframework.scheduling.annotation.Scheduled;\n\npublic class Jobs {\n"
                + "    @Scheduled(cron = \"0 15 4 * * *\")\n    public void exportOrders() {\n    }\n}\n");
        write("etc/systemd/system/shop-app.service", "[Unit]\nDescription=Shop application (runs its scheduled jobs)\n\n"
                + "[Service]\nUser=shop\nNice=7\nMemoryMax=1G\n"
                + "ExecStart=/usr/bin/java -jar /opt/shop-app/shop-app.jar\nRestart=on-failure\n");
        RewriteResult dual = run(dir, "dual-run");
        RewriteEngine.apply(dir, dual);
        assertThat(onlyFlow()).contains("COMMAND = 'nice -n 7 /usr/bin/java -jar /opt/shop-app/shop-app.jar "
                + "--spring.main.web-application-type=none --migrate.run-job=com.shop.Jobs#exportOrders'");
        assertThat(dual.notes()).anySatisfy(n -> assertThat(n.message())
                .contains("MemoryMax=1G (etc/systemd/system/shop-app.service:7) is not applied by the flow"));
    }

    @Test
    void aLoopsServiceSettingsAreManualTheFlowRunsItsCodeInTheWorker() throws Exception {
        write("opt/app/poller.py", "import time\n\n\ndef poll():\n    print(\"poll\")\n\n\ndef main():\n    while True:\n"
                + "        poll()\n        time.sleep(300)\n\n\nif __name__ == \"__main__\":\n    main()\n");
        write("etc/systemd/system/poller.service", "[Service]\nNice=15\nExecStart=/usr/bin/python3 /opt/app/poller.py\n"
                + "Restart=always\n");
        RewriteResult dual = run(dir, "dual-run");
        assertThat(dual.notes()).anySatisfy(n -> {
            assertThat(n.manual()).isTrue();
            assertThat(n.message()).contains("Nice=15 (etc/systemd/system/poller.service:2) is not applied by the flow, "
                    + "which runs the code in the worker's process");
        });
    }

    /**
     * Before: a unit a provisioning script writes with a here-document was moved without its resource settings: the
     * flow ran the command without Nice=, and MemoryMax= was no manual item. They are read as in a unit file, at the
     * script's lines.
     */
    @Test
    void aUnitWrittenByAHereDocumentIsReadLikeAUnitFile() throws Exception {
        write("deploy/install-report.sh", """
                #!/bin/bash
                set -e
                cat > /etc/systemd/system/report.timer <<'EOF'
                [Timer]
                OnCalendar=*-*-* 04:10:00
                EOF
                cat > /etc/systemd/system/report.service <<'EOF'
                [Service]
                Nice=5
                MemoryMax=1G
                ExecStartPre=/usr/bin/mkdir -p /var/reports
                ExecStart=/usr/local/bin/report --daily
                EOF
                systemctl daemon-reload
                """);
        RewriteResult dual = run(dir, "dual-run");
        RewriteEngine.apply(dir, dual);
        assertThat(onlyFlow()).contains("COMMAND = 'nice -n 5 /usr/bin/mkdir -p /var/reports && nice -n 5 /usr/local/bin/report --daily'\n");
        assertThat(dual.notes()).anySatisfy(n -> {
            assertThat(n.manual()).isTrue();
            assertThat(n.message()).contains("MemoryMax=1G (deploy/install-report.sh:10) is not applied by the flow");
        });
        assertThat(dual.notes()).anySatisfy(n -> assertThat(n.message()).contains("Nice=5 (deploy/install-report.sh:9)"));
        assertCompiles(dir);
        assertThat(run(dir, "dual-run").changes()).isEmpty();
        // Before: the cutover switched the script's name (systemctl disable --now install-report.sh) and the cleanup
        // deleted the whole provisioning script.
        RewriteEngine.apply(dir, run(dir, "cutover"));
        assertThat(read(dir, "prefect/cutover.sh")).contains("systemctl disable --now report.timer\n")
                .doesNotContain("install-report.sh");
        RewriteResult cleanup = run(dir, "cleanup");
        RewriteEngine.apply(dir, cleanup);
        assertThat(dir.resolve("deploy/install-report.sh")).exists();
        assertThat(cleanup.notes()).anySatisfy(n -> {
            assertThat(n.manual()).isTrue();
            assertThat(n.message()).contains("cleanup keeps deploy/install-report.sh", "deploy/install-report.sh:7:1",
                    "remove /etc/systemd/system/report.timer and /etc/systemd/system/report.service from the host");
        });
        assertThat(run(dir, "cleanup").changes()).isEmpty();
    }

    /** A here-document that writes a drop-in of a unit file: its settings count as the unit file's drop-ins do. */
    @Test
    void aDropInWrittenByAHereDocumentIsReadToo() throws Exception {
        write("setup.sh", "mkdir -p /etc/systemd/system/dump.service.d\n"
                + "cat <<EOF | sudo tee /etc/systemd/system/dump.service.d/limits.conf >/dev/null\n[Service]\nNice=15\nLimitNOFILE=4096\nEOF\n");
        RewriteResult dual = dumpTimer("ExecStart=/usr/local/bin/dump\n");
        assertThat(onlyFlow()).contains("COMMAND = 'nice -n 15 /usr/local/bin/dump'\n");
        assertThat(dual.notes()).anySatisfy(n -> assertThat(n.message()).contains("LimitNOFILE=4096 (setup.sh:5) is not applied"));
    }

    /**
     * Before (found by the sweep on a public install script): a user timer the script writes to /etc/systemd/user ran
     * as root in the pool legacy-host-root, and the service's $PWD, which the script's shell filled in when it wrote an
     * unquoted here-document, went into the flow as written, for the worker's shell to fill in with its own directory.
     */
    @Test
    void aUserUnitAScriptWritesRunsAsItsOwnerAndItsExpandedValuesAreAManualItem() throws Exception {
        write("install.sh", """
                #!/bin/sh
                sudo tee /etc/systemd/user/check.timer << EOF
                [Timer]
                OnCalendar=*-*-* *:3,8,13,18,23,28,33,38,43,48,53,58:0
                EOF
                sudo tee /etc/systemd/user/check.service << EOF
                [Service]
                Type=oneshot
                ExecStart=$PWD/check.py --home \\$HOME
                EOF
                systemctl --user enable --now check.timer
                """);
        RewriteResult dual = run(dir, "dual-run");
        RewriteEngine.apply(dir, dual);
        assertThat(read(dir, "prefect/prefect.yaml")).as("every 5 minutes from :03, moved half a period")
                .contains("cron: 0-55/5 * * * *").doesNotContain("legacy-host-root");
        assertThat(dual.notes()).anySatisfy(n -> {
            assertThat(n.manual()).isTrue();
            assertThat(n.message()).contains("the script's shell filled in $PWD when it wrote the service (install.sh:6:1")
                    .doesNotContain("$HOME");
        });
        RewriteEngine.apply(dir, run(dir, "cutover"));
        assertThat(read(dir, "prefect/cutover.sh")).contains("as that user, systemctl --user disable --now check.timer");
    }

    /** Must not change: a quoted here-document ({@code <<'EOF'}) is written as is, so its $X is systemd's or the command's. */
    @Test
    void aQuotedHereDocumentHasNoExpansionNote() throws Exception {
        write("install.sh", "cat > /etc/systemd/system/q.timer <<'EOF'\n[Timer]\nOnCalendar=daily\nEOF\n"
                + "cat > /etc/systemd/system/q.service <<'EOF'\n[Service]\nExecStart=/bin/sh -c 'echo $HOME'\nEOF\n");
        RewriteResult dual = run(dir, "dual-run");
        assertThat(dual.notes()).noneSatisfy(n -> assertThat(n.message()).contains("filled in"));
    }
}
