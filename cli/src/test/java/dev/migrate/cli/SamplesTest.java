package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.javaparser.StaticJavaParser;
import dev.migrate.analyzers.model.JobKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The five legacy estates under {@code samples/} are fixtures for every scanner, recipe and demo.
 * This guards their shape: the key files named in {@code samples/README.md} exist, every Python file
 * is valid Python 3 (python3 is the oracle, and it only compiles, never imports), YAML/JSON/Java files
 * parse, the two manifests ({@code planted-secrets.csv}, {@code expected-jobs.csv}) agree with the files,
 * and the bytes that exist to test lossless handling (CRLF, Latin-1, mojibake) survive checkouts.
 */
class SamplesTest {

    /** Key files per estate; the inventory each one yields is documented in samples/README.md. */
    private static final Map<String, List<String>> KEY_FILES = Map.of(
            "k2-platform", List.of(
                    "README.md",
                    "docker-compose.v2.yml",
                    "pyproject.toml",
                    "docker/offload/scheduler.py",
                    "docker/offload/metrics.py",
                    "docker/offload/offload_table.py",
                    "docker/offload/iceberg-offload-scheduler.service",
                    "docker/offload/flows/iceberg_offload_flow.py",
                    "docker/offload/flows/deploy_production.py",
                    "docker/offload/flows/prefect.yaml",
                    "docker/spark/Dockerfile",
                    "docs/operations/runbooks/iceberg-scheduler-recovery.md",
                    "docs/operations/monitoring/iceberg-offload-monitoring.md"),
            "vps-prefect2", List.of(
                    "README.md",
                    "requirements.txt",
                    "etc/systemd/system/prefect-server.service",
                    "etc/systemd/system/prefect-worker.service",
                    "workflows/data_pipeline.py",
                    "workflows/deploy.py",
                    "workflows/maintenance.py",
                    "scripts/deploy_cli.sh",
                    "nettoyage_hebdo-deployment.yaml",
                    "deploy/crontab.prefect",
                    "deploy/init_db.sql",
                    "prefect/profiles.toml"),
            "prefect1-lake", List.of(
                    "README.md",
                    "requirements.txt",
                    "Dockerfile",
                    "flows/__init__.py",
                    "flows/common/lake.py",
                    "flows/ingest_orders.py",
                    "flows/ingest_customers.py",
                    "flows/ingest_fx_rates.py",
                    "flows/lake_maintenance.py",
                    "scripts/register_flows.sh",
                    "scripts/start_agents.sh",
                    "config/config.toml",
                    "docs/dual-run.md"),
            "civis-scripts", List.of(
                    "README.md",
                    "requirements.txt",
                    "scheduling.py",
                    "civis/scripts_export.json",
                    "scripts/update_van_source_codes/update_van_source_codes.py",
                    "scripts/update_van_source_codes/test_update_van_source_codes.py",
                    "scripts/sync_mobilize_events/sync_mobilize_events.py",
                    "scripts/refresh_turf_assignments/refresh_turf_assignments.sql",
                    "scripts/export_donations_to_sheets/export_donations_to_sheets.py",
                    "flows/update_van_source_codes/update_van_source_codes_flow.py",
                    "flows/sync_mobilize_events/sync_mobilize_events_flow.py",
                    "utilities/credentials.py",
                    ".github/workflows/main.yaml"),
            "legacy-host", List.of(
                    "README.md",
                    "etc/crontab",
                    "etc/cron.d/etl-nightly",
                    "etc/cron.d/finance-reports",
                    "etc/cron.daily/backup-configs",
                    "etc/cron.daily/cleanup-tmp.sh",
                    "etc/anacrontab",
                    "var/spool/cron/crontabs/etl",
                    "var/spool/cron/crontabs/analyst",
                    "opt/etl/bin/install-ingest-crontab.sh",
                    "etc/systemd/system/warehouse-load.timer",
                    "etc/systemd/system/warehouse-load.service",
                    "etc/systemd/system/invoice-export.timer",
                    "etc/systemd/system/invoice-export-job.service",
                    "etc/systemd/system/cache-warm.timer",
                    "etc/systemd/system/etl-scheduler.service",
                    "etc/systemd/system/prefect-agent.service",
                    "etc/etl/warehouse.env",
                    "opt/etl/scheduler/loop_runner.py",
                    "opt/etl/scheduler/report_schedule.py",
                    "opt/etl/scheduler/aps_jobs.py",
                    "opt/etl/celery_app/app.py",
                    "opt/billing-app/pom.xml",
                    "opt/billing-app/src/main/java/com/corp/billing/jobs/BillingScheduledJobs.java",
                    "opt/billing-app/src/main/java/com/corp/billing/quartz/QuartzConfig.java",
                    "opt/billing-app/src/main/resources/application.properties",
                    "opt/billing-app/src/main/resources/quartz_jobs.xml",
                    "k8s/cronjobs.yaml",
                    "opt/prefect/docker-compose.yml",
                    "opt/prefect/helm/values-prefect-agent.yaml"));

    /** Compiles each path read from stdin with compile() (no import, no bytecode written). */
    private static final String PY_COMPILE_ALL = String.join("\n",
            "import sys",
            "paths = [p for p in sys.stdin.read().splitlines() if p]",
            "bad = 0",
            "for p in paths:",
            "    try:",
            "        with open(p, 'rb') as f:",
            "            compile(f.read(), p, 'exec', dont_inherit=True)",
            "    except SyntaxError as e:",
            "        bad += 1",
            "        print(f'{p}:{e.lineno}:{e.offset}: {e.msg}')",
            "    except ValueError as e:",
            "        bad += 1",
            "        print(f'{p}: {e}')",
            "print(f'compiled {len(paths) - bad} of {len(paths)}')",
            "sys.exit(1 if bad else 0)");

    private static Path samples() {
        String root = System.getProperty("migrate.repo.root");
        assertThat(root).as("system property migrate.repo.root (set by surefire)").isNotBlank();
        return Path.of(root).resolve("samples");
    }

    static Stream<String> estates() {
        return KEY_FILES.keySet().stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("estates")
    void estateHasItsKeyFiles(String estate) {
        Path dir = samples().resolve(estate);
        assertThat(dir).isDirectory();
        List<String> missing = KEY_FILES.get(estate).stream()
                .filter(rel -> !Files.isRegularFile(dir.resolve(rel)))
                .toList();
        assertThat(missing).as("missing key files in samples/%s", estate).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("estates")
    void estateIsDocumentedInTheSamplesReadme(String estate) throws IOException {
        String readme = Files.readString(samples().resolve("README.md"));
        assertThat(readme).contains("## " + estate);
    }

    @Test
    void everyPythonFileCompilesWithPython3() throws Exception {
        List<Path> pythonFiles = pythonFiles();
        assertThat(pythonFiles).as("python files under samples/").hasSizeGreaterThan(30);
        assumeThat(commandAvailable("python3", "--version")).as("python3 is not on PATH; skipping the Python syntax check of samples/").isTrue();

        ProcessBuilder pb = new ProcessBuilder("python3", "-B", "-c", PY_COMPILE_ALL).redirectErrorStream(true);
        Process process = pb.start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        try (OutputStream stdin = process.getOutputStream()) {
            for (Path p : pythonFiles) {
                stdin.write((p.toString() + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("python3 did not finish compiling samples/ within 120 s");
        }
        String out = output.get(10, TimeUnit.SECONDS);
        assertThat(out).as("python3 compile() output").contains("compiled " + pythonFiles.size() + " of " + pythonFiles.size());
        assertThat(process.exitValue()).as(out).isZero();
    }

    /** systemd-analyze is the oracle for unit time syntax: every calendar and time span in the samples is valid. */
    @Test
    void systemdTimeExpressionsAreValid() throws Exception {
        List<String> calendars = new ArrayList<>();
        List<String> spans = new ArrayList<>();
        for (Path unit : filesEndingWith(".timer", ".service")) {
            for (String line : Files.readAllLines(unit, StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (line.startsWith("#") || eq < 0) {
                    continue;
                }
                String key = line.substring(0, eq).strip();
                String value = line.substring(eq + 1).strip();
                if (key.equals("OnCalendar")) {
                    calendars.add(value);
                } else if (TIME_SPAN_KEYS.contains(key)) {
                    spans.add(value);
                }
            }
        }
        assertThat(calendars).as("OnCalendar= values in samples/").hasSizeGreaterThan(5);
        assertThat(spans).as("time-span values in samples/").hasSizeGreaterThan(5);
        assumeThat(commandAvailable("systemd-analyze", "--version"))
                .as("systemd-analyze is not on PATH; skipping the systemd time syntax check of samples/").isTrue();
        assertSucceeds("systemd-analyze", "calendar", calendars);
        assertSucceeds("systemd-analyze", "timespan", spans);
    }

    private static final Set<String> TIME_SPAN_KEYS = Set.of(
            "OnBootSec", "OnStartupSec", "OnUnitActiveSec", "OnUnitInactiveSec", "OnActiveSec",
            "RandomizedDelaySec", "AccuracySec", "RestartSec", "TimeoutStartSec");

    private static void assertSucceeds(String command, String subcommand, List<String> args) throws Exception {
        List<String> argv = new ArrayList<>(List.of(command, subcommand));
        argv.addAll(args);
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = readAll(p.getInputStream());
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " " + subcommand + " did not finish within 60 s");
        }
        assertThat(p.exitValue()).as("%s %s failed:%n%s", command, subcommand, out).isZero();
    }

    @Test
    void samplesTreeHoldsNoBytecode() throws IOException {
        try (Stream<Path> walk = Files.walk(samples())) {
            assertThat(walk.filter(p -> p.getFileName().toString().equals("__pycache__")
                            || p.getFileName().toString().endsWith(".pyc")).toList())
                    .as("bytecode left in samples/")
                    .isEmpty();
        }
    }

    @Test
    void everyYamlJsonAndJavaFileParses() throws IOException {
        List<String> failures = new ArrayList<>();
        List<Path> checked = new ArrayList<>();
        for (Path p : filesEndingWith(".yml", ".yaml", ".json", ".java")) {
            String name = p.getFileName().toString();
            try {
                if (name.endsWith(".json")) {
                    new ObjectMapper().readTree(p.toFile());
                } else if (name.endsWith(".java")) {
                    StaticJavaParser.parse(p);
                } else {
                    try (Reader r = Files.newBufferedReader(p)) {
                        new Yaml().loadAll(r).forEach(doc -> { });
                    }
                }
                checked.add(p);
            } catch (RuntimeException | IOException e) {
                failures.add(samples().relativize(p) + ": " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        assertThat(failures).as("sample files that do not parse").isEmpty();
        assertThat(checked).as("yaml/json/java files checked").hasSizeGreaterThan(20);
    }

    /** samples/planted-secrets.csv is what redaction tests assert against, so it must stay true. */
    @Test
    void plantedSecretsManifestMatchesTheFiles() throws IOException {
        List<String> wrong = new ArrayList<>();
        Set<String> estates = new TreeSet<>();
        for (CSVRecord row : readCsv("planted-secrets.csv")) {
            Path file = samples().resolve(row.get("estate")).resolve(row.get("file"));
            byte[] secret = row.get("secret").getBytes(StandardCharsets.UTF_8);
            if (!Files.isRegularFile(file) || !containsBytes(Files.readAllBytes(file), secret)) {
                wrong.add("row " + row.getRecordNumber() + ": " + row.get("file"));
            }
            estates.add(row.get("estate"));
        }
        assertThat(wrong).as("manifest rows whose secret is not in the named file").isEmpty();
        assertThat(estates).as("every estate plants secrets").containsExactlyInAnyOrderElementsOf(KEY_FILES.keySet());
    }

    /** samples/expected-jobs.csv is the inventory scan tests assert; its source positions must stay true. */
    @Test
    void expectedJobsManifestPointsAtTheDefiningLines() throws IOException {
        Set<String> kinds = Stream.of(JobKind.values()).map(JobKind::slug).collect(Collectors.toSet());
        Set<String> statuses = Set.of("active", "paused", "disabled", "suspended", "invalid", "never-runs", "no-op");
        List<String> wrong = new ArrayList<>();
        Set<String> definitions = new HashSet<>();
        Set<String> estates = new TreeSet<>();
        for (CSVRecord row : readCsv("expected-jobs.csv")) {
            String where = "row " + row.getRecordNumber() + " (" + row.get("estate") + " " + row.get("ref") + ")";
            Path file = samples().resolve(row.get("estate")).resolve(row.get("file"));
            int line = Integer.parseInt(row.get("line"));
            List<String> lines = Files.isRegularFile(file)
                    ? new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).lines().toList()
                    : List.of();
            if (line < 1 || line > lines.size() || !lines.get(line - 1).contains(row.get("anchor"))) {
                wrong.add(where + ": " + row.get("file") + ":" + line + " does not contain " + row.get("anchor"));
            }
            if (!kinds.contains(row.get("kind"))) {
                wrong.add(where + ": unknown kind " + row.get("kind"));
            }
            if (!statuses.contains(row.get("status"))) {
                wrong.add(where + ": unknown status " + row.get("status"));
            }
            if (!"-".equals(row.get("ref")) && !definitions.add(row.get("estate") + "|" + row.get("ref") + "|" + row.get("file"))) {
                wrong.add(where + ": duplicate definition");
            }
            estates.add(row.get("estate"));
        }
        assertThat(wrong).isEmpty();
        assertThat(estates).containsExactlyInAnyOrderElementsOf(KEY_FILES.keySet());
    }

    private static List<CSVRecord> readCsv(String name) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
        try (Reader r = Files.newBufferedReader(samples().resolve(name)); CSVParser parser = format.parse(r)) {
            return parser.getRecords();
        }
    }

    /** Byte-exact search: Latin-1 maps each byte to one char, so any file and any UTF-8 needle compare safely. */
    private static boolean containsBytes(byte[] haystack, byte[] needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(new String(needle, StandardCharsets.ISO_8859_1));
    }

    /** Line endings and encodings that exist to test lossless rewriting must survive checkouts. */
    @Test
    void byteExactFixturesKeepTheirBytes() throws IOException {
        byte[] crlf = Files.readAllBytes(samples().resolve("legacy-host/etc/cron.d/finance-reports"));
        String crlfText = new String(crlf, StandardCharsets.US_ASCII);
        assertThat(crlfText).endsWith("\r\n");
        assertThat(crlfText.replace("\r\n", "")).as("every line ends in CRLF").doesNotContain("\n");

        byte[] latin1 = Files.readAllBytes(samples().resolve("vps-prefect2/workflows/maintenance.py"));
        assertThat(isUtf8(latin1)).as("maintenance.py is Latin-1, not UTF-8").isFalse();
        assertThat(new String(latin1, StandardCharsets.ISO_8859_1))
                .startsWith("# -*- coding: latin-1 -*-")
                .contains("allégée");

        String mojibake = Files.readString(samples().resolve("vps-prefect2/workflows/data_pipeline.py"));
        assertThat(mojibake).contains("DÃ©clenche").doesNotContain("Déclenche");
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static List<Path> pythonFiles() throws IOException {
        return filesEndingWith(".py");
    }

    private static List<Path> filesEndingWith(String... suffixes) throws IOException {
        try (Stream<Path> walk = Files.walk(samples())) {
            return new ArrayList<>(walk.filter(Files::isRegularFile)
                    .filter(p -> Stream.of(suffixes).anyMatch(p.getFileName().toString()::endsWith))
                    .sorted()
                    .toList());
        }
    }

    static boolean commandAvailable(String... versionCommand) {
        try {
            Process p = new ProcessBuilder(versionCommand).redirectErrorStream(true).start();
            readAll(p.getInputStream());
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("reading python3 output", e);
        }
    }
}
