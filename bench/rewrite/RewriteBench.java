import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.engine.RecipeCatalog;
import dev.migrate.recipes.engine.RewriteEngine;
import dev.migrate.recipes.engine.RewriteResult;
import dev.migrate.rewriters.python.PythonRewriteParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.openrewrite.Cursor;
import org.openrewrite.ExecutionContext;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.Parser;
import org.openrewrite.Recipe;
import org.openrewrite.ScanningRecipe;
import org.openrewrite.SourceFile;

/**
 * `migrate rewrite` benchmark: the full Prefect 2-to-3 recipe set over a generated tree of Prefect 2 flow and
 * deployment files, against parsing and printing the same files without recipes, in one JVM and one run.
 * Usage: java -cp cli/target/migrate.jar bench/rewrite/RewriteBench.java [FILES] [RUNS] [WARMUPS] [scan]
 * With "scan", only the scanning phase of the set's scanning recipes is timed (see {@link #scanPhase}).
 */
public class RewriteBench {
    public static void main(String[] args) throws Exception {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int warmups = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Path tree = Files.createTempDirectory("rewritebench");
        // the same files with every "prefect" spelt "prefekt": the full recipe set finds nothing to edit there, so a
        // run over it is what OpenRewrite's scheduling of every recipe over every file costs before any recipe work
        Path inert = Files.createTempDirectory("rewritebench-inert");
        try {
            generate(tree, files);
            copyInert(tree, inert);
            List<Path> python = pythonFiles(tree);
            Recipe recipe = RecipeCatalog.load().activate(List.of(RecipeCatalog.DEFAULT_RECIPE));
            if (args.length > 3 && args[3].equals("scan")) {
                scanPhase(recipe, tree, inert, runs, warmups);
                return;
            }
            RewriteEngine engine = new RewriteEngine(recipe, PrefectTarget.defaultTarget(), true);
            // the engine alone (walk, read, parse, a recipe that edits no Python file): where recipes start from
            RewriteEngine idle = new RewriteEngine(RecipeCatalog.load().activate(
                    List.of("dev.migrate.recipes.prefect2.UpgradePrefectYamlVersion")), PrefectTarget.defaultTarget(), true);
            idle.run(tree);
            // warm-up: untimed runs of each until the JIT has compiled both paths (the recipe code is far
            // larger than the parser's, so one run leaves it half interpreted and measures the JIT, not it)
            long bytes = 0;
            RewriteResult result = null;
            for (int i = 0; i < warmups; i++) {
                bytes = parseAndPrint(python);
                result = engine.run(tree);
            }
            double[] base = new double[runs];
            double[] full = new double[runs];
            double[] engineOnly = new double[runs];
            double[] inertCpu = new double[runs];
            // CPU time of this thread as well: the work is single-threaded, and CPU time is far less
            // sensitive than wall time to other processes on a shared machine
            double[] baseCpu = new double[runs];
            double[] fullCpu = new double[runs];
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            for (int i = 0; i < runs; i++) {
                long c0 = mx.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                parseAndPrint(python);
                long t1 = System.nanoTime();
                long c1 = mx.getCurrentThreadCpuTime();
                result = engine.run(tree);
                long t2 = System.nanoTime();
                long c2 = mx.getCurrentThreadCpuTime();
                baseCpu[i] = (c1 - c0) / 1e9;
                fullCpu[i] = (c2 - c1) / 1e9;
                idle.run(tree);
                long t3 = System.nanoTime();
                engineOnly[i] = (t3 - t2) / 1e9;
                long c3 = mx.getCurrentThreadCpuTime();
                RewriteResult nothing = engine.run(inert);
                inertCpu[i] = (mx.getCurrentThreadCpuTime() - c3) / 1e9;
                if (!nothing.changes().isEmpty()) {
                    throw new IllegalStateException("the inert tree was changed: " + nothing.changes().get(0).path());
                }
                base[i] = (t1 - t0) / 1e9;
                full[i] = (t2 - t1) / 1e9;
            }
            // the floor of any rewrite that refuses unparsable results: the rewritten files parsed once more
            // (the engine's check parses only the statements edits rebuilt, which here are most of each file)
            List<byte[]> rewritten = result.changes().stream().filter(c -> c.path().toString().endsWith(".py"))
                    .map(c -> c.after()).toList();
            double[] reparseCpu = new double[runs];
            for (int i = 0; i < runs; i++) {
                long c0 = mx.getCurrentThreadCpuTime();
                parseAll(rewritten, tree);
                reparseCpu[i] = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
            }
            double b = median(base);
            double f = median(full);
            System.out.printf("files=%d (%d KiB) warm-up runs=%d timed runs=%d cpus=%d java=%s%n", python.size(),
                    bytes / 1024, warmups, runs,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            System.out.printf("parse+print (baseline) %.3fs   full 2-to-3 recipe set %.3fs   ratio %.2fx (target <= 2x)%n", b, f, f / b);
            System.out.printf("cpu time: parse+print %.3fs   full recipe set %.3fs   ratio %.2fx%n", median(baseCpu),
                    median(fullCpu), median(fullCpu) / median(baseCpu));
            System.out.printf("floor of a checked rewrite (baseline + parse of the %d rewritten files) %.3fs cpu = %.2fx baseline%n",
                    rewritten.size(), median(baseCpu) + median(reparseCpu), 1 + median(reparseCpu) / median(baseCpu));
            System.out.printf("changed files=%d refused=%d notes=%d (manual %d) failures=%d%n", result.changes().size(),
                    result.refused().size(), result.notes().size(), result.manualItems(), result.failures().size());
            System.out.printf("engine without Python edits (walk, read, parse) %.3fs = %.2fx baseline%n",
                    median(engineOnly), median(engineOnly) / b);
            System.out.printf("full recipe set on the same files spelt without \"prefect\" (nothing to edit) %.3fs cpu = %.2fx baseline%n",
                    median(inertCpu), median(inertCpu) / median(baseCpu));
            if (!result.refused().isEmpty() || !result.failures().isEmpty()) {
                System.out.println("refused/failures: " + result.refused() + " " + result.failures());
                System.exit(1);
            }
        } finally {
            for (Path dir : List.of(tree, inert)) {
                try (Stream<Path> s = Files.walk(dir)) {
                    s.sorted((x, y) -> y.compareTo(x)).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    /**
     * The scanning phase alone, as OpenRewrite's scheduler runs it: each file of a freshly parsed tree handed to every
     * scanning recipe of the set in turn (its accumulator, its scanner), in a fresh context per run; thread CPU time
     * of that loop only. The full run's figures hide a few milliseconds in their noise; this one does not. The first
     * question about a file's words is paid here (by whichever recipe asks first), as it is in the full run.
     */
    private static void scanPhase(Recipe recipe, Path tree, Path inert, int runs, int warmups) throws IOException {
        List<ScanningRecipe<?>> scanning = new ArrayList<>();
        scanningRecipes(recipe, scanning);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (Path dir : List.of(tree, inert)) {
            List<Path> files = pythonFiles(dir);
            double[] cpu = new double[runs];
            for (int i = 0; i < warmups + runs; i++) {
                List<SourceFile> sources = new ArrayList<>();
                for (Path f : files) {
                    byte[] bytes = Files.readAllBytes(f);
                    Parser.Input in = new Parser.Input(dir.relativize(f), () -> new ByteArrayInputStream(bytes));
                    sources.add(new PythonRewriteParser().parseBytes(in, bytes, dir, new InMemoryExecutionContext(t -> { })));
                }
                ExecutionContext ctx = new InMemoryExecutionContext(t -> { });
                Cursor root = new Cursor(null, Cursor.ROOT_VALUE);
                long c0 = mx.getCurrentThreadCpuTime();
                for (SourceFile source : sources) {
                    for (ScanningRecipe<?> r : scanning) {
                        scan(r, source, root, ctx);
                    }
                }
                if (i >= warmups) {
                    cpu[i - warmups] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
                }
            }
            double[] sorted = cpu.clone();
            Arrays.sort(sorted);
            System.out.printf("scanning phase (%d scanning recipes, %d files%s) cpu median %.2f ms, min %.2f ms%n",
                    scanning.size(), files.size(), dir == inert ? ", nothing to edit" : "", median(cpu), sorted[0]);
        }
    }

    private static <T> void scan(ScanningRecipe<T> r, SourceFile source, Cursor root, ExecutionContext ctx) {
        r.getScanner(r.getAccumulator(root, ctx)).visit(source, ctx, root);
    }

    private static void scanningRecipes(Recipe r, List<ScanningRecipe<?>> out) {
        if (r instanceof ScanningRecipe<?> s) {
            out.add(s);
        }
        for (Recipe c : r.getRecipeList()) {
            scanningRecipes(c, out);
        }
    }

    /** What the engine does before and after recipes for every file: parse it with the Python parser and print it. */
    private static long parseAndPrint(List<Path> files) throws IOException {
        long total = 0;
        Path root = files.get(0).getParent().getParent();
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            Parser.Input in = new Parser.Input(root.relativize(f), () -> new ByteArrayInputStream(bytes));
            // the engine's own way in: the bytes at hand, not OpenRewrite's byte-by-byte input stream
            SourceFile parsed = new PythonRewriteParser().parseBytes(in, bytes, root, new InMemoryExecutionContext(t -> { }));
            total += parsed.printAllAsBytes().length;
        }
        return total;
    }

    /** Parses each text as the engine's check would if it parsed whole files. */
    private static void parseAll(List<byte[]> texts, Path root) {
        for (byte[] bytes : texts) {
            Parser.Input in = new Parser.Input(root.resolve("rewritten.py"), () -> new ByteArrayInputStream(bytes));
            new PythonRewriteParser().parseBytes(in, bytes, root, new InMemoryExecutionContext(t -> { }));
        }
    }

    /** Copies every file of {@code from} into {@code to} with "prefect" spelt "prefekt" (any case). */
    private static void copyInert(Path from, Path to) throws IOException {
        for (Path f : pythonFiles(from)) {
            Path target = to.resolve(from.relativize(f).toString());
            Files.createDirectories(target.getParent());
            String text = Files.readString(f, StandardCharsets.UTF_8);
            Files.writeString(target, text.replace("prefect", "prefekt").replace("Prefect", "Prefekt"), StandardCharsets.UTF_8);
        }
    }

    private static List<Path> pythonFiles(Path tree) throws IOException {
        try (Stream<Path> s = Files.walk(tree)) {
            return s.filter(p -> p.toString().endsWith(".py")).sorted().toList();
        }
    }

    private static double median(double[] xs) {
        double[] c = xs.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }

    /** 60% flow modules and 40% deployment scripts, each a variation of a real Prefect 2 shape. */
    private static void generate(Path tree, int files) throws IOException {
        List<String> flows = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            String pkg = "team" + (i % 20);
            Path dir = Files.createDirectories(tree.resolve(pkg));
            if (i % 5 < 3) {
                String name = "flow_" + i;
                flows.add(pkg + "." + name);
                Files.writeString(dir.resolve(name + ".py"), flowFile(i), StandardCharsets.UTF_8);
            } else {
                String target = flows.isEmpty() ? null : flows.get(i % flows.size());
                Files.writeString(dir.resolve("deploy_" + i + ".py"), deployFile(i, target), StandardCharsets.UTF_8);
            }
        }
    }

    private static String flowFile(int i) {
        String runner = switch (i % 3) {
            case 0 -> "ConcurrentTaskRunner";
            case 1 -> "SequentialTaskRunner";
            default -> "ConcurrentTaskRunner";
        };
        return """
            \"\"\"Generated Prefect 2 flow %1$d: extract, transform and load with a few tasks.\"\"\"
            import json
            from datetime import timedelta

            from prefect import flow, task, get_run_logger
            from prefect.task_runners import %2$s
            from prefect.variables import Variable
            from prefect.tasks import task_input_hash


            @task(retries=3, retry_delay_seconds=10, cache_key_fn=task_input_hash, cache_expiration=timedelta(hours=1))
            def extract(source: str, day: int) -> list:
                # read one day of %1$d
                rows = [{"source": source, "day": day, "n": n} for n in range(day %% 7)]
                return rows


            @task
            def transform(rows: list) -> list:
                return [dict(r, doubled=r["n"] * 2) for r in rows if r["n"] %% 2 == 0]


            @task(log_prints=True)
            def load(rows: list, table: str) -> int:
                print(json.dumps({"table": table, "rows": len(rows)}))
                return len(rows)


            @task
            def notify(channel: str, message: str) -> None:
                print(channel, message)


            @flow(name="etl-%1$d", task_runner=%2$s())
            def etl_%1$d(sources: list = ["a", "b"], days: int = 3):
                logger = get_run_logger()
                table = Variable.get("table_%1$d").value
                extracted = [extract.submit(s, d) for s in sources for d in range(days)]
                transformed = transform.map(extracted)
                counts = [load.submit(t, table) for t in transformed]
                audit = notify.submit("audit", "started %1$d")
                total = sum(c.result() for c in counts)
                logger.info("loaded %%s rows into %%s", total, table)
                return total


            @flow(name="cleanup-%1$d")
            def cleanup_%1$d(tables: list):
                for t in tables:
                    notify.submit("ops", "vacuum " + t)
                notify.map(["ops"] * len(tables), tables)


            if __name__ == "__main__":
                etl_%1$d()
            """.formatted(i, runner);
    }

    private static String deployFile(int i, String flowModule) {
        String module = flowModule == null ? "team0.flow_0" : flowModule;
        String fn = "etl_" + module.substring(module.lastIndexOf('_') + 1);
        return switch (i % 3) {
            case 0 -> """
                # Registers deployments of %2$s (python -m team.deploy_%1$d)
                from datetime import timedelta

                from prefect.deployments import Deployment
                from prefect.infrastructure import Process
                from prefect.server.schemas.schedules import CronSchedule, IntervalSchedule

                from %2$s import %3$s

                process = Process(working_dir="/srv/flows", env={"LOG_LEVEL": "INFO"}, stream_output=True)

                Deployment.build_from_flow(
                    flow=%3$s,
                    name="daily-%1$d",
                    work_pool_name="process-pool",
                    work_queue_name="daily",
                    infrastructure=process,
                    schedule=CronSchedule(cron="%4$d 2 * * *", timezone="Europe/Paris"),
                    parameters={"days": 1},
                    tags=["daily", "generated"],
                    apply=True,
                )

                hourly = Deployment.build_from_flow(
                    flow=%3$s,
                    name="hourly-%1$d",
                    work_pool_name="process-pool",
                    schedule=IntervalSchedule(interval=timedelta(hours=1)),
                    is_schedule_active=False,
                    infra_overrides={"env": {"LOG_LEVEL": "DEBUG"}},
                )

                if __name__ == "__main__":
                    hourly.apply()
                """.formatted(i, module, fn, i % 60);
            case 1 -> """
                from prefect.deployments import Deployment
                from prefect.infrastructure import DockerContainer
                from prefect.server.schemas.schedules import RRuleSchedule

                from %2$s import %3$s

                deployment = Deployment.build_from_flow(
                    flow=%3$s,
                    name="docker-%1$d",
                    work_pool_name="docker-pool",
                    infrastructure=DockerContainer(image="registry.local/flows:%1$d", image_pull_policy="ALWAYS"),
                    schedule=RRuleSchedule(rrule="FREQ=WEEKLY;BYDAY=MO"),
                    description="weekly run %1$d",
                    version="1.%1$d",
                )

                if __name__ == "__main__":
                    deployment_id = deployment.apply()
                    print(deployment_id)
                """.formatted(i, module, fn);
            default -> """
                from prefect.deployments import Deployment
                from prefect.filesystems import GitHub

                from %2$s import %3$s

                repo = GitHub(repository="https://git.local/data/flows-%1$d", reference="main")

                if __name__ == "__main__":
                    Deployment.build_from_flow(flow=%3$s, name="git-%1$d", work_pool_name="k8s", storage=repo, apply=True)
                """.formatted(i, module, fn);
        };
    }
}
