import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.PythonParser;
import dev.migrate.rewriters.python.edit.Snippets;
import dev.migrate.rewriters.python.edit.StatementEdits;
import dev.migrate.rewriters.python.edit.TreeEdits;
import dev.migrate.rewriters.python.query.TreeIndex;
import dev.migrate.rewriters.python.query.WordSet;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The word scan of a tree's index alone: the first question about a file's words (a full scan) and the same
 * question about a version of it with two edits (a statement inserted in the middle, a name near the top renamed),
 * as the recipes make them, in thread CPU time per file (each figure includes about 1 us of the clock reads).
 * Usage: java -XX:TieredStopAtLevel=1 -cp cli/target/migrate.jar bench/rewrite/WordCountBench.java [DIR (samples)]
 */
public class WordCountBench {
    public static void main(String[] args) throws Exception {
        List<String> words = new ArrayList<>(List.of("prefect", ".submit", ".map", "Deployment", "build_from_flow",
                "task_runner", "async def", "@flow", "@task", "Variable", ".value", "infrastructure", "import",
                "storage", "prefect.infrastructure.kub", "ConcurrentTaskRunner", "SequentialTaskRunner", ".result()",
                "wait(", "get_run_logger", "DockerContainer", "Process", "KubernetesJob", "GitHub", "s3/", "gcs/",
                "filesystems", "save", "load", "apply"));
        for (int i = 0; i < 15; i++) {
            words.add("absent_word_" + i);
        }
        WordSet set = WordSet.of(words.toArray(String[]::new));
        List<String> texts = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(Path.of(args.length > 0 ? args[0] : "samples"))) {
            for (Path p : walk.filter(p -> p.toString().endsWith(".py")).sorted().toList()) {
                try {
                    texts.add(Files.readString(p));
                } catch (MalformedInputException notUtf8) {
                    // a sample of another encoding: the parser's own decoding is not what is measured here
                }
            }
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= 30; round++) {
            long first = 0;
            long edited = 0;
            int firstCount = 0;
            int editedCount = 0;
            for (int rep = 0; rep < 20; rep++) {
                for (String text : texts) {
                    PythonFile f = PythonParser.parse(Path.of("bench.py"), text);
                    if (f.hasSyntaxErrors()) {
                        continue;
                    }
                    Node root = f.module();
                    TreeIndex index = TreeIndex.of(root);
                    index.find(NodeKind.NAME); // a table, as the recipes' first questions build one
                    long c0 = mx.getCurrentThreadCpuTime();
                    index.mentions(set, 1);
                    first += mx.getCurrentThreadCpuTime() - c0;
                    firstCount++;
                    List<Node> lines = index.find(NodeKind.SIMPLE_LINE);
                    if (lines.size() < 3) {
                        continue;
                    }
                    try {
                        root = StatementEdits.insertAfter(root, lines.get(lines.size() / 2).nodes().get(0),
                                "y = load.submit(storage)", f.style());
                        List<Node> names = TreeIndex.of(root).find(NodeKind.NAME);
                        root = TreeEdits.replace(root, names.get(1), Snippets.expression("prefect_x", f.style()));
                    } catch (IllegalArgumentException refused) {
                        continue;
                    }
                    TreeIndex after = TreeIndex.of(root);
                    after.find(NodeKind.NAME);
                    long c1 = mx.getCurrentThreadCpuTime();
                    after.mentions(set, 1);
                    edited += mx.getCurrentThreadCpuTime() - c1;
                    editedCount++;
                }
            }
            if (round % 5 == 0) {
                System.out.printf("round %d: first scan %.2f us/file (%d), edited version %.2f us/file (%d)%n", round,
                        first / 1e3 / firstCount, firstCount, edited / 1e3 / editedCount, editedCount);
            }
        }
    }
}
