package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cutover checklist and the rewrite run on the same estate must agree on the work pools and queues: a checklist
 * that creates pool `iceberg-offload` while the rewritten compose file starts a worker on `process-pool` leaves the
 * worker polling a pool nobody created. Every pool and (queue, pool) pair the checklist names must be one the
 * rewritten tree creates or polls.
 */
class CutoverNamesTheRewrittenPoolsTest {
    private static final Pattern CREATED_POOL = Pattern.compile("work-pool create\\s+(\\S+)");
    private static final Pattern WORKER = Pattern.compile("prefect worker start\\b[^\\n\"]*");
    private static final Pattern POOL_FLAG = Pattern.compile("--pool[ =](\\S+)");
    private static final Pattern QUEUE_FLAG = Pattern.compile("--work-queue[ =](\\S+)");
    private static final Pattern QUEUE_CREATE = Pattern.compile("work-queue create\\s+(\\S+)\\s+--pool\\s+(\\S+)");

    @TempDir
    Path tmp;

    @Test
    void theK2PlatformChecklistCreatesThePoolAndQueueOfTheRewrittenComposeWorker() throws IOException {
        Path estate = CutoverK2PlatformTest.copy(CutoverK2PlatformTest.ROOT.resolve("samples/k2-platform"), tmp.resolve("k2"));
        agree(estate);
    }

    @Test
    void scriptAndSystemdAgentsGetThePoolsTheirRewrittenCommandsServe() throws IOException {
        Path estate = tmp.resolve("ops");
        Files.createDirectories(estate.resolve("bin"));
        Files.createDirectories(estate.resolve("etc/systemd/system"));
        Files.writeString(estate.resolve("bin/agents.sh"), """
                #!/bin/sh
                prefect agent start -q nightly &
                prefect agent start --pool legacy -q hourly &
                prefect agent start --work-queue reports --pool default-agent-pool &
                wait
                """);
        Files.writeString(estate.resolve("etc/systemd/system/prefect-agent.service"), """
                [Unit]
                Description=agent of two queues

                [Service]
                ExecStart=/opt/venv/bin/prefect agent start -q a -q b
                Restart=always

                [Install]
                WantedBy=multi-user.target
                """);
        Files.createDirectories(estate.resolve("helm"));
        Files.writeString(estate.resolve("helm/values-prefect-agent.yaml"), """
                agent:
                  image:
                    prefectTag: 2-python3.11-kubernetes
                  config:
                    workQueues:
                      - k8s-a
                      - k8s-b
                """);
        agree(estate);
    }

    /** Plans the cutover, rewrites the estate, and checks the plan's pools and queues against the rewritten files. */
    private void agree(Path estate) throws IOException {
        CliRun plan = CliRun.of("cutover", "plan", estate.toString(), "--store", "jdbc:sqlite:" + tmp.resolve("e.db"),
                "--at", "2026-11-21T12:00:00Z");
        assertThat(plan.exitCode()).as(plan.err()).isZero();
        CliRun rewrite = CliRun.of("rewrite", estate.toString(), "--unsafe-fixes");
        assertThat(rewrite.exitCode()).as(rewrite.err()).isZero();

        Set<String> rewrittenPools = new LinkedHashSet<>();
        Set<String> rewrittenQueues = new LinkedHashSet<>();
        try (Stream<Path> files = Files.walk(estate)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(f);
                CREATED_POOL.matcher(text).results().forEach(m -> rewrittenPools.add(m.group(1)));
                Matcher w = WORKER.matcher(text);
                while (w.find()) {
                    String pool = first(POOL_FLAG, w.group());
                    rewrittenPools.add(pool);
                    QUEUE_FLAG.matcher(w.group()).results().forEach(q -> rewrittenQueues.add(q.group(1) + "@" + pool));
                }
                // prefect-worker chart values: worker.config.workPool and its workQueues
                if (f.getFileName().toString().startsWith("values")) {
                    Object doc = new org.yaml.snakeyaml.Yaml().load(text);
                    if (doc instanceof java.util.Map<?, ?> m && m.get("worker") instanceof java.util.Map<?, ?> worker
                            && worker.get("config") instanceof java.util.Map<?, ?> config && config.get("workPool") != null) {
                        String pool = String.valueOf(config.get("workPool"));
                        rewrittenPools.add(pool);
                        if (config.get("workQueues") instanceof java.util.List<?> queues) {
                            queues.forEach(q -> rewrittenQueues.add(q + "@" + pool));
                        }
                    }
                }
            }
        }
        String md = plan.out().substring(plan.out().indexOf("## Platform pre-steps"));
        md = md.substring(0, md.indexOf("\n## ", 1) < 0 ? md.length() : md.indexOf("\n## ", 1));
        Set<String> plannedPools = new LinkedHashSet<>();
        Set<String> plannedQueues = new LinkedHashSet<>();
        CREATED_POOL.matcher(md).results().forEach(m -> plannedPools.add(m.group(1)));
        Matcher w = WORKER.matcher(md);
        while (w.find()) {
            String line = w.group().replaceFirst("\\s+#.*", "");
            String pool = first(POOL_FLAG, line);
            plannedPools.add(pool);
            QUEUE_FLAG.matcher(line).results().forEach(q -> plannedQueues.add(q.group(1) + "@" + pool));
        }
        QUEUE_CREATE.matcher(md).results().forEach(m -> plannedQueues.add(m.group(1) + "@" + m.group(2)));

        assertThat(plannedPools).as("pools the checklist names:\n" + md).isNotEmpty().isSubsetOf(rewrittenPools);
        assertThat(plannedQueues).as("queues (queue@pool) the checklist names:\n" + md).isNotEmpty()
                .isSubsetOf(rewrittenQueues);
    }

    private static String first(Pattern p, String text) {
        Matcher m = p.matcher(text);
        assertThat(m.find()).as("no %s in: %s", p, text).isTrue();
        return m.group(1);
    }
}
