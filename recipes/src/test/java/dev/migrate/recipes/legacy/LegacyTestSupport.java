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
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** What the legacy-scheduler tests share: running a phase, reading results and the checks every generated project passes. */
final class LegacyTestSupport {
    static final String AS_OF = "2026-03-02";

    private LegacyTestSupport() {
    }

    static RewriteResult run(Path root, String phase) {
        return run(root, new MoveLegacySchedulersToPrefect3(phase, 15, null, null, AS_OF, null));
    }

    static RewriteResult run(Path root, MoveLegacySchedulersToPrefect3 recipe) {
        return new RewriteEngine(recipe, PrefectTarget.defaultTarget(), false).run(root);
    }

    static Path copySample(Path dir, String name) throws IOException {
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

    static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                m.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.ISO_8859_1));
            }
        }
        return m;
    }

    static String read(Path root, String rel) throws IOException {
        return Files.readString(root.resolve(rel));
    }

    @SuppressWarnings("unchecked")
    static void assertOnlyPrefect3Keys(String yaml) throws IOException {
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
    static void assertEveryScheduleHasAProof(String yaml, String report) {
        Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        for (Object d : (List<Object>) doc.get("deployments")) {
            Map<String, Object> dep = (Map<String, Object>) d;
            String section = report.substring(report.indexOf("## " + dep.get("name") + "\n"));
            section = section.substring(0, Math.max(section.indexOf("\n## ", 3), 0) > 0 ? section.indexOf("\n## ", 3) : section.length());
            int schedules = ((List<Object>) dep.get("schedules")).size();
            assertThat(section.split("- proof: ", -1).length - 1).as(dep.get("name").toString()).isGreaterThanOrEqualTo(schedules);
        }
    }

    static Set<String> lines(String resource) throws IOException {
        try (InputStream in = LegacyTestSupport.class.getResourceAsStream("/legacy/" + resource)) {
            return Set.copyOf(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        }
    }

    /** Every generated module through one python3 process with compile(); skipped, visibly, without python3. */
    static void assertCompiles(Path root) throws Exception {
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
    static void assertOnlyPrefect3Api(List<String> files) throws IOException {
        java.util.regex.Pattern fromImport = java.util.regex.Pattern.compile("(?m)^\\s*from (prefect(?:\\.[\\w.]+)?|prefect_shell) import (.+)$");
        int checked = 0;
        for (String f : files) {
            var m = fromImport.matcher(Files.readString(Path.of(f)));
            while (m.find()) {
                for (String name : m.group(2).split(",")) {
                    String dotted = m.group(1) + "." + name.strip().split("\\s+")[0];
                    if (m.group(1).equals("prefect_shell")) {
                        // prefect-shell is its own package: ShellOperation is the one name its Prefect 3 releases keep.
                        assertThat(dotted).as(f).isEqualTo("prefect_shell.ShellOperation");
                        continue;
                    }
                    assertThat(dev.migrate.analyzers.rules.PrefectApi.get().existsIn3(dotted)).as(f + ": " + dotted).isTrue();
                    checked++;
                }
            }
        }
        assertThat(checked).isPositive();
    }

    static List<String> concat(List<String> files) {
        List<String> cmd = new ArrayList<>(List.of("python3", "-c",
                "import sys\nfor f in sys.argv[1:]:\n    compile(open(f, encoding='utf-8').read(), f, 'exec')\n"));
        cmd.addAll(files);
        return cmd;
    }

    /** Values the samples hold in secret-looking variables never reach generated files. */
    static void assertNoSecrets(Path root, String envFile) throws IOException {
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

    /** No secret planted in the sample (samples/planted-secrets.csv) reaches the generated project or the notes. */
    static void assertNoPlantedSecrets(Path root, String estate, RewriteResult... results) throws IOException {
        Path csv = Path.of(System.getProperty("migrate.repo.root", "..")).resolve("samples/planted-secrets.csv");
        List<String> secrets = Files.readAllLines(csv).stream().skip(1).map(l -> l.split(",", 3))
                .filter(f -> f.length == 3 && f[0].equals(estate)).map(f -> f[2]).toList();
        assertThat(secrets).isNotEmpty();
        Path sample = csv.getParent().resolve(estate);
        try (Stream<Path> s = Files.walk(root.resolve("prefect"))) {
            // Files the estate itself keeps under prefect/ (vps-prefect2's profiles.toml) are its own, not output.
            for (Path p : s.filter(Files::isRegularFile).filter(p -> !Files.exists(sample.resolve(root.relativize(p).toString()))).toList()) {
                String text = Files.readString(p);
                secrets.forEach(secret -> assertThat(text).as(p.toString()).doesNotContain(secret));
            }
        }
        for (RewriteResult r : results) {
            r.notes().forEach(n -> secrets.forEach(secret -> assertThat(n.message()).doesNotContain(secret)));
        }
    }
}
