package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.migrate.analyzers.rules.PrefectApi;
import dev.migrate.analyzers.rules.PrefectCli;
import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.PythonParser;
import dev.migrate.rewriters.python.query.ImportBinding;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Nodes;
import dev.migrate.rewriters.shell.ShellLine;
import dev.migrate.rewriters.shell.SimpleCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * samples/prefect1-lake migrated end to end with `migrate rewrite --recipe MigrateToPrefect3FromPrefect1
 * --unsafe-fixes`, checked against the oracles of the Prefect 1 issue: every Python file compiles (python3),
 * every prefect name and CLI command left in the output exists in Prefect 3.8.3 (except the constructs reported
 * as manual), the deployments land in prefect.yaml, no secret is copied, untouched files keep their bytes, and a
 * second run changes nothing.
 */
class Prefect1SampleRewriteTest {
    private static final String RECIPE = "dev.migrate.prefect.MigrateToPrefect3FromPrefect1";
    /** Prefect 1 names the run reports as manual (the SKIP signal), so they may stay. */
    private static final Set<String> MANUAL_LEFTOVERS = Set.of("prefect.engine.signals");

    @TempDir
    static Path work;
    static Path copy;
    static CliRun first;
    static Map<String, String> original;

    @BeforeAll
    static void migrate() throws IOException {
        Path sample = Path.of(System.getProperty("migrate.repo.root", "..")).resolve("samples/prefect1-lake");
        copy = work.resolve("prefect1-lake");
        original = snapshot(sample);
        try (Stream<Path> files = Files.walk(sample)) {
            for (Path f : files.toList()) {
                Path target = copy.resolve(sample.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        first = CliRun.of("rewrite", copy.toString(), "--recipe", RECIPE, "--unsafe-fixes");
    }

    @Test
    void everyFlowBecomesAFlowFunctionAndEveryRegistrationADeployment() throws IOException {
        assertThat(first.exitCode()).as(first.err()).isZero();
        for (String flow : List.of("ingest_orders", "ingest_customers", "ingest_fx_rates", "lake_maintenance")) {
            String text = Files.readString(copy.resolve("flows/" + flow + ".py"));
            assertThat(text).as(flow).contains("@flow(name=\"" + flow.replace('_', '-') + "\"")
                    .contains("def " + flow + "(").doesNotContainPattern("(?m)^with Flow\\(").doesNotContain(".register(");
        }
        Map<String, Object> yaml = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(copy.resolve("prefect.yaml")));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> deployments = (List<Map<String, Object>>) yaml.get("deployments");
        assertThat(deployments).extracting(d -> d.get("name"))
                .containsExactlyInAnyOrder("ingest-orders", "ingest-customers", "ingest-fx-rates", "lake-maintenance");
        assertThat(deployments).allSatisfy(d -> assertThat(d).containsKeys("entrypoint", "schedules", "work_pool", "pull"));
        // the parameters of the ECB clock travel with its schedule; the weekday filter is reported with its proof
        assertThat(Files.readString(copy.resolve("prefect.yaml"))).contains("source: ecb").contains("timezone: Europe/London");
        assertThat(first.out()).contains("filters.is_weekday").contains("which Prefect 1 skipped");
        // trigger=all_finished: the report still runs when writing fails
        assertThat(Files.readString(copy.resolve("flows/ingest_customers.py")))
                .contains("lake_root=lake_root, return_state=True)")
                .contains("report_run(paths=allow_failure(write_customers_result))").doesNotContain("trigger=");
    }

    @Test
    void everyPythonFileCompiles() throws Exception {
        assumeThat(SamplesTest.commandAvailable("python3", "--version")).as("python3 is not on PATH; skipping the compile oracle").isTrue();
        List<Path> files = pythonFiles();
        String script = String.join("\n",
                "import sys",
                "bad = 0",
                "for p in [p for p in sys.stdin.read().splitlines() if p]:",
                "    try:",
                "        compile(open(p, 'rb').read(), p, 'exec', dont_inherit=True)",
                "    except (SyntaxError, ValueError) as e:",
                "        bad += 1",
                "        print(p, e)",
                "print('bad', bad)");
        Process p = new ProcessBuilder("python3", "-B", "-c", script).redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            for (Path f : files) {
                in.write((f + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        String out;
        try (InputStream o = p.getInputStream()) {
            out = new String(o.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(out.strip()).isEqualTo("bad 0");
    }

    @Test
    void everyPrefectNameLeftExistsInPrefect3() throws IOException {
        PrefectApi api = PrefectApi.get();
        List<String> missing = new ArrayList<>();
        for (Path f : pythonFiles()) {
            PythonFile file = PythonParser.parse(f);
            Node module = file.module();
            Imports imports = Imports.of(module);
            for (ImportBinding b : imports.all()) {
                if (b.qualifiedName().startsWith("prefect") && !exists(api, b.qualifiedName())) {
                    missing.add(f.getFileName() + ": import " + b.qualifiedName());
                }
            }
            for (Node n : Nodes.find(module, x -> x.kind() == NodeKind.ATTRIBUTE || x.kind() == NodeKind.NAME)) {
                imports.qualifiedName(n).filter(q -> q.startsWith("prefect.") && !exists(api, q))
                        .ifPresent(q -> missing.add(f.getFileName() + ": " + q));
            }
        }
        assertThat(missing).isEmpty();
    }

    /** A name exists when its longest importable prefix is a module member (attributes beyond it are values). */
    private static boolean exists(PrefectApi api, String dotted) {
        for (String leftover : MANUAL_LEFTOVERS) {
            if (dotted.startsWith(leftover)) {
                return true;
            }
        }
        if (dotted.equals("prefect")) {
            return true;
        }
        String[] parts = dotted.split("\\.");
        for (int n = parts.length; n >= 2; n--) {
            String prefix = String.join(".", java.util.Arrays.copyOf(parts, n));
            if (api.existsIn3(prefix)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void everyPrefectCommandLeftExistsInPrefect3() throws IOException {
        PrefectCli cli = PrefectApi.get().cli(PrefectApi.Version.V3);
        List<String> unknown = new ArrayList<>();
        for (String script : List.of("scripts/register_flows.sh", "scripts/start_agents.sh")) {
            String text = Files.readString(copy.resolve(script)).replace("\\\n", " ");
            for (String line : text.split("\n")) {
                for (SimpleCommand c : ShellLine.parse(line).commands()) {
                    List<String> argv = new ArrayList<>(c.argv());
                    while (!argv.isEmpty() && Set.of("nohup", "exec").contains(argv.get(0))) {
                        argv.remove(0);
                    }
                    if (argv.isEmpty() || !argv.get(0).equals("prefect") || argv.subList(0, Math.min(3, argv.size()))
                            .equals(List.of("prefect", "create", "project"))) {
                        continue; // `prefect create project` is reported as manual
                    }
                    var path = cli.longestPath(argv.subList(1, argv.size()));
                    if (path.isEmpty()) {
                        unknown.add(line.strip());
                        continue;
                    }
                    for (String word : argv) {
                        if (word.startsWith("-") && !cli.accepts(path.get(), word)) {
                            unknown.add(path.get() + " " + word);
                        }
                    }
                }
            }
        }
        assertThat(unknown).isEmpty();
        assertThat(first.out()).contains("Prefect 3 has no projects; delete this command");
    }

    @Test
    void rescanFindsNoPrefect1ConstructButTheManualOnes() throws IOException {
        CliRun scan = CliRun.of("scan", copy.toString(), "--select", "PF1", "-q");
        List<String> findings = scan.out().lines().filter(l -> l.contains(": PF1")).toList(); // finding lines, not the Fixes section
        // the agent command in the Kubernetes manifest's args list is a worker now (RewritePrefectCliInYamlCommands);
        // all that is left is the manual project command, the SKIP signal Prefect 3 has no form for, and the Prefect 1
        // settings without a Prefect 3 name, each of which the rewrite reported for a person
        assertThat(findings).filteredOn(f -> !f.contains("PF111")).containsExactly(
                findings.stream().filter(f -> f.contains("PF105") && f.contains("signal SKIP")).findFirst().orElseThrow(),
                findings.stream().filter(f -> f.contains("prefect create project")).findFirst().orElseThrow());
        assertThat(first.err() + first.out()).contains("flows/ingest_orders.py:51: PF105: signals.SKIP");
        assertThat(findings).filteredOn(f -> f.contains("PF111")).isNotEmpty()
                .allMatch(f -> f.contains("PREFECT__BACKEND") || f.contains("PREFECT__CLOUD__AGENT__LABELS"));
        assertThat(Files.readString(copy.resolve("k8s/agent.yaml")))
                .contains("args: [\"prefect worker start --pool default-kubernetes-pool --type kubernetes\"]");
    }

    @Test
    void secretsAreNeverCopiedOrPrinted() throws IOException {
        Path planted = Path.of(System.getProperty("migrate.repo.root", "..")).resolve("samples/planted-secrets.csv");
        List<String> secrets = Files.readAllLines(planted).stream().filter(l -> l.startsWith("prefect1-lake,"))
                .map(l -> l.substring(l.lastIndexOf(',') + 1)).toList();
        assertThat(secrets).isNotEmpty();
        Map<String, String> after = snapshot(copy);
        for (String secret : secrets) {
            assertThat(first.out()).doesNotContain(secret);
            assertThat(first.err()).doesNotContain(secret);
            after.forEach((file, text) -> {
                if (!original.containsKey(file)) {
                    assertThat(text).as("generated " + file).doesNotContain(secret);
                }
            });
        }
    }

    @Test
    void untouchedFilesKeepTheirBytesAndASecondRunChangesNothing() throws IOException {
        Map<String, String> after = snapshot(copy);
        assertThat(after.get("flows/common/lake.py")).isEqualTo(original.get("flows/common/lake.py"));
        // the flow image's base moves with its requirements (prefect==3.8.3 installed on a 1.4.1 base); nothing else
        assertThat(after.get("Dockerfile")).isEqualTo(original.get("Dockerfile")
                .replace("FROM prefecthq/prefect:1.4.1-python3.9", "FROM prefecthq/prefect:3.8.3-python3.10"));
        CliRun second = CliRun.of("rewrite", copy.toString(), "--recipe", RECIPE, "--unsafe-fixes");
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(snapshot(copy)).isEqualTo(after);
    }

    private static List<Path> pythonFiles() throws IOException {
        try (Stream<Path> files = Files.walk(copy)) {
            return files.filter(f -> f.toString().endsWith(".py")).sorted().toList();
        }
    }

    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(f).toString().replace('\\', '/'),
                        new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
        return out;
    }
}
