package dev.migrate.recipes.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.engine.RewriteEngine;
import dev.migrate.recipes.engine.RewriteResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** samples/legacy-host through dual-run, cutover (and its rollback) and cleanup, asserting the generated files. */
class MoveLegacySchedulersToPrefect3Test {
    private static final String AS_OF = "2026-03-02";

    @TempDir
    Path dir;

    @Test
    void legacyHostThroughAllPhases() throws Exception {
        Path host = copySample("legacy-host");
        Map<String, String> original = snapshot(host);

        RewriteResult dual = run(host, "dual-run");
        assertThat(dual.failures()).isEmpty();
        assertThat(dual.refused()).isEmpty();
        // The legacy side is untouched: only files under prefect/ appear.
        assertThat(dual.changes()).allSatisfy(c -> assertThat(c.path().toString()).startsWith("prefect/"));
        RewriteEngine.apply(host, dual);
        String yaml = read(host, "prefect/prefect.yaml");
        assertOnlyPrefect3Keys(yaml);
        assertThat(yaml).contains("name: cron-nightly-load-8c14374c", "cron: 45 2 * * *", "collision_strategy: CANCEL_NEW",
                "sandbox_root: /srv/prefect-sandbox/cron-nightly-load-8c14374c", "name: legacy-host-etl");
        String report = read(host, "prefect/MIGRATION.md");
        assertThat(report).contains("## systemd-timer-warehouse-load", "RandomizedDelaySec", "Not migrated",
                "@reboot", "proven to fire exactly the offset after the cutover schedule");
        assertEveryScheduleHasAProof(yaml, report);
        assertThat(read(host, "prefect/ROLLBACK.md")).contains("prefect deployment delete 'nightly-load/cron-nightly-load-8c14374c'");
        assertCompiles(host);
        assertNoSecrets(host, "etc/etl/warehouse.env");
        assertThat(run(host, "dual-run").changes()).as("a second run changes nothing").isEmpty();

        RewriteResult cut = run(host, "cutover");
        RewriteEngine.apply(host, cut);
        Map<String, String> cutState = snapshot(host);
        assertThat(read(host, "etc/cron.d/etl-nightly"))
                .contains("# migrate: disabled cron-nightly-load-8c14374c 2026-03-02\n# 30 2 * * *  etl  flock -n");
        assertThat(read(host, "prefect/prefect.yaml")).contains("cron: 30 2 * * *").doesNotContain("sandbox_root");
        assertThat(read(host, "prefect/cutover.sh")).contains("systemctl disable --now warehouse-load.timer");
        assertThat(read(host, "prefect/ROLLBACK.md")).contains("systemctl enable --now warehouse-load.timer",
                "prefect deployment schedule pause 'nightly-load/cron-nightly-load-8c14374c' <SCHEDULE_ID>",
                "`etc/cron.d/etl-nightly`: marker lines [7");
        assertThat(run(host, "cutover").changes()).as("a second cutover changes nothing").isEmpty();

        // Rollback: the dual-run phase re-enables the crontab lines; then the legacy files are byte for byte original.
        RewriteEngine.apply(host, run(host, "dual-run"));
        Map<String, String> rolledBack = snapshot(host);
        original.forEach((path, text) -> assertThat(rolledBack.get(path)).as(path).isEqualTo(text));
        RewriteEngine.apply(host, run(host, "cutover"));
        assertThat(snapshot(host)).as("the same phase after a rollback gives the same result").isEqualTo(cutState);

        RewriteResult clean = run(host, "cleanup");
        RewriteEngine.apply(host, clean);
        assertThat(host.resolve("etc/systemd/system/warehouse-load.timer")).doesNotExist();
        assertThat(host.resolve("etc/systemd/system/warehouse-load.service")).doesNotExist();
        assertThat(host.resolve("etc/cron.d/finance-reports")).doesNotExist();
        assertThat(host.resolve("etc/crontab")).exists();
        // loop_runner.py loops at module level over several steps: not a cycle a flow can import, so it stays.
        assertThat(host.resolve("opt/etl/scheduler/loop_runner.py")).exists();
        assertThat(host.resolve("etc/systemd/system/etl-scheduler.service")).exists();
        assertThat(read(host, "prefect/cutover.sh")).doesNotContain("etl-scheduler");
        assertThat(read(host, "prefect/cleanup.sh")).contains("rm -f '/etc/systemd/system/warehouse-load.timer'");
        assertThat(read(host, "prefect/prefect.yaml")).contains("name: systemd-timer-warehouse-load");
        assertThat(run(host, "cleanup").changes()).as("a second cleanup changes nothing").isEmpty();
        assertCompiles(host);
        assertNoSecrets(host, "etc/etl/warehouse.env");
    }

    @Test
    void k2SchedulerLoopThroughAllPhases() throws Exception {
        Path k2 = copySample("k2-platform");
        RewriteResult dual = run(k2, "dual-run");
        assertThat(dual.failures()).isEmpty();
        RewriteEngine.apply(k2, dual);
        String yaml = read(k2, "prefect/prefect.yaml");
        assertOnlyPrefect3Keys(yaml);
        assertThat(yaml).contains("name: py-loop-iceberg-offload-scheduler-", "interval: 900", "collision_strategy: ENQUEUE",
                "name: legacy-host-k2");
        Path flow;
        try (Stream<Path> s = Files.list(k2.resolve("prefect/flows"))) {
            flow = s.filter(p -> p.getFileName().toString().startsWith("py_loop_iceberg_offload_scheduler")).findFirst().orElseThrow();
        }
        assertThat(Files.readString(flow)).contains("def run_cycle():", "_migrate_sys.path.insert(0, '/opt/k2/docker/offload')",
                "retries=5, retry_delay_seconds=30", "    return run_cycle()\n");
        assertThat(read(k2, "prefect/MIGRATION.md")).contains("- proof: equal over 50 fire times");
        assertCompiles(k2);
        assertThat(run(k2, "dual-run").changes()).isEmpty();

        RewriteEngine.apply(k2, run(k2, "cutover"));
        assertThat(read(k2, "prefect/cutover.sh")).contains("systemctl disable --now iceberg-offload-scheduler.service");
        assertThat(read(k2, "prefect/ROLLBACK.md")).contains("systemctl enable --now iceberg-offload-scheduler.service");

        RewriteEngine.apply(k2, run(k2, "cleanup"));
        assertThat(k2.resolve("docker/offload/scheduler.py")).doesNotExist();
        assertThat(k2.resolve("docker/offload/iceberg-offload-scheduler.service")).doesNotExist();
        assertThat(k2.resolve("docker/offload/metrics.py")).exists();
        assertThat(read(k2, "prefect/MIGRATION.md")).contains("docs/operations/runbooks/iceberg-scheduler-recovery.md:");
        assertThat(run(k2, "cleanup").changes()).as("a second cleanup changes nothing").isEmpty();
        assertCompiles(k2);
    }

    @Test
    void civisScriptsThroughAllPhases() throws Exception {
        Path civis = copySample("civis-scripts");
        RewriteEngine.apply(civis, run(civis, "dual-run"));
        String yaml = read(civis, "prefect/prefect.yaml");
        assertOnlyPrefect3Keys(yaml);
        assertThat(yaml).contains("name: civis-update-van-source-codes-", "cron: 20 21 * * *", "timezone: America/New_York",
                "cron: 45 6 1 * *", "image: civisanalytics/datascience-python:7.2.0", "name: civis-docker");
        String report = read(civis, "prefect/MIGRATION.md");
        assertThat(report).contains("Civis script 118422198 has no active schedule", "Civis JobTypes::SqlRunner script 118430552",
                "Secret block 'update-van-source-codes-van-api-key-password'");
        assertEveryScheduleHasAProof(yaml, report);
        assertCompiles(civis);
        assertThat(run(civis, "dual-run").changes()).isEmpty();
        RewriteEngine.apply(civis, run(civis, "cutover"));
        assertThat(read(civis, "prefect/ROLLBACK.md")).contains("turn the schedule of script 118422031 back on");
        assertThat(read(civis, "prefect/prefect.yaml")).contains("cron: 5 21 * * *");
        RewriteEngine.apply(civis, run(civis, "cleanup"));
        assertThat(civis.resolve("scripts/update_van_source_codes/update_van_source_codes.py")).exists();
        assertThat(run(civis, "cleanup").changes()).isEmpty();
        assertCompiles(civis);
        assertNoSecrets(civis, ".env");
    }

    @Test
    void invalidOptionsAreRejected() {
        assertThat(new MoveLegacySchedulersToPrefect3("dual-run", 75, null, null, null, null).validate().isValid()).isFalse();
        assertThat(new MoveLegacySchedulersToPrefect3("later", null, null, null, null, null).validate().isValid()).isFalse();
        assertThat(new MoveLegacySchedulersToPrefect3("cutover", null, null, null, "yesterday", null).validate().isValid()).isFalse();
        assertThat(new MoveLegacySchedulersToPrefect3("cutover", 5, null, "out", AS_OF, "Europe/Berlin").validate().isValid()).isTrue();
    }

    @Test
    void projectWithoutMovableJobsIsNotChanged() throws IOException {
        Path p = dir.resolve("boot-only");
        Files.createDirectories(p.resolve("etc/cron.d"));
        Files.writeString(p.resolve("etc/cron.d/tunnel"), "@reboot root /usr/local/bin/start-tunnel.sh\n");
        Files.writeString(p.resolve("notes.txt"), "nothing scheduled here\n");
        for (String phase : List.of("dual-run", "cutover", "cleanup")) {
            assertThat(run(p, phase).changes()).as(phase).isEmpty();
        }
    }

    private RewriteResult run(Path root, String phase) {
        var recipe = new MoveLegacySchedulersToPrefect3(phase, 15, null, null, AS_OF, null);
        return new RewriteEngine(recipe, PrefectTarget.defaultTarget(), false).run(root);
    }

    private Path copySample(String name) throws IOException {
        Path src = Path.of(System.getProperty("migrate.repo.root", "..")).resolve("samples").resolve(name);
        Path dst = dir.resolve(name);
        try (Stream<Path> s = Files.walk(src)) {
            for (Path p : s.toList()) {
                Path t = dst.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return dst;
    }

    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                m.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.ISO_8859_1));
            }
        }
        m.keySet().removeIf(k -> k.startsWith("prefect/") && false);
        return m;
    }

    private static String read(Path root, String rel) throws IOException {
        return Files.readString(root.resolve(rel));
    }

    @SuppressWarnings("unchecked")
    private static void assertOnlyPrefect3Keys(String yaml) throws IOException {
        Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        assertThat(lines("prefect-yaml-top-keys.txt")).containsAll(doc.keySet());
        for (Object d : (List<Object>) doc.get("deployments")) {
            Map<String, Object> dep = (Map<String, Object>) d;
            assertThat(lines("prefect-yaml-deployment-keys.txt")).containsAll(dep.keySet());
            for (Object s : (List<Object>) dep.get("schedules")) {
                assertThat(lines("prefect-yaml-schedule-keys.txt")).containsAll(((Map<String, Object>) s).keySet());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void assertEveryScheduleHasAProof(String yaml, String report) {
        Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        for (Object d : (List<Object>) doc.get("deployments")) {
            Map<String, Object> dep = (Map<String, Object>) d;
            String section = report.substring(report.indexOf("## " + dep.get("name") + "\n"));
            section = section.substring(0, Math.max(section.indexOf("\n## ", 3), 0) > 0 ? section.indexOf("\n## ", 3) : section.length());
            int schedules = ((List<Object>) dep.get("schedules")).size();
            assertThat(section.split("- proof: ", -1).length - 1).as(dep.get("name").toString()).isGreaterThanOrEqualTo(schedules);
        }
    }

    private static Set<String> lines(String resource) throws IOException {
        try (InputStream in = MoveLegacySchedulersToPrefect3Test.class.getResourceAsStream("/legacy/" + resource)) {
            return Set.copyOf(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        }
    }

    /** Every generated module through one python3 process with compile(); skipped, visibly, without python3. */
    private static void assertCompiles(Path root) throws Exception {
        List<String> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root.resolve("prefect/flows"))) {
            s.filter(p -> p.toString().endsWith(".py")).forEach(p -> files.add(p.toString()));
        }
        assertThat(files).isNotEmpty();
        assertOnlyPrefect3Api(files);
        Process p;
        try {
            p = new ProcessBuilder("python3", "-c",
                    "import sys\nfor f in sys.argv[1:]:\n    compile(open(f, encoding='utf-8').read(), f, 'exec')\n")
                    .command(concat(files)).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "python3 is not installed: generated Python not compiled");
            return;
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
    }

    /** Every name imported from prefect exists in Prefect 3.8.3 (the analyzers' API facts are the oracle). */
    private static void assertOnlyPrefect3Api(List<String> files) throws IOException {
        java.util.regex.Pattern fromImport = java.util.regex.Pattern.compile("(?m)^\\s*from (prefect[\\w.]*) import (.+)$");
        int checked = 0;
        for (String f : files) {
            var m = fromImport.matcher(Files.readString(Path.of(f)));
            while (m.find()) {
                for (String name : m.group(2).split(",")) {
                    String dotted = m.group(1) + "." + name.strip().split("\\s+")[0];
                    assertThat(dev.migrate.analyzers.rules.PrefectApi.get().existsIn3(dotted)).as(f + ": " + dotted).isTrue();
                    checked++;
                }
            }
        }
        assertThat(checked).isPositive();
    }

    private static List<String> concat(List<String> files) {
        List<String> cmd = new ArrayList<>(List.of("python3", "-c",
                "import sys\nfor f in sys.argv[1:]:\n    compile(open(f, encoding='utf-8').read(), f, 'exec')\n"));
        cmd.addAll(files);
        return cmd;
    }

    /** Values the samples hold in secret-looking variables never reach generated files. */
    private static void assertNoSecrets(Path root, String envFile) throws IOException {
        String env = read(root, envFile);
        List<String> secrets = env.lines().filter(l -> l.matches("(?i)[A-Z_0-9]*(PASSWORD|TOKEN|SECRET|KEY|USERNAME)[A-Z_0-9]*=.+"))
                .map(l -> l.substring(l.indexOf('=') + 1).replace("\"", "")).filter(v -> v.length() > 3).toList();
        try (Stream<Path> s = Files.walk(root.resolve("prefect"))) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(p);
                for (String secret : secrets) {
                    assertThat(text).as(p.toString()).doesNotContain(secret);
                }
            }
        }
    }
}
