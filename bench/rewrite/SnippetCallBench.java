import dev.migrate.rewriters.python.PythonStyle;
import dev.migrate.rewriters.python.PythonParser;
import dev.migrate.rewriters.python.edit.Snippets;
import java.lang.management.ManagementFactory;

/**
 * A cached snippet as the recipes ask for it (the futures recipe's inserted statements and replaced expressions): the
 * restyle and parse caches hit, so what is measured is the key, the lookups and the copy of the cached fragment, in
 * thread CPU time per call. Compare two builds by running it on each jar.
 * Usage: java -XX:TieredStopAtLevel=1 -cp cli/target/migrate.jar bench/rewrite/SnippetCallBench.java
 */
public class SnippetCallBench {
    public static void main(String[] a) {
        var mx = ManagementFactory.getThreadMXBean();
        PythonStyle style = PythonParser.parse("def f():\n    x = 'a'\n").style();
        String[] stmts = {"wait([a, b])", "load_futures = []", "x.wait()"};
        String[] exprs = {"load_futures.append(load.submit(x))", "load.submit(x).wait()", "my_flow.from_source(source=str(Path(__file__).parent), entrypoint=\"flows/a.py:my_flow\")"};
        for (int round = 0; round < 8; round++) {
            long c0 = mx.getCurrentThreadCpuTime();
            int n = 0;
            for (int i = 0; i < 20000; i++) {
                for (String s : stmts) { Snippets.statements(s, style, "    "); n++; }
            }
            long c1 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < 20000; i++) {
                for (String s : exprs) { Snippets.expression(s, style); n++; }
            }
            long c2 = mx.getCurrentThreadCpuTime();
            System.out.printf("stmts %.2f us/call, exprs %.2f us/call%n", (c1 - c0) / 1e3 / (20000 * stmts.length), (c2 - c1) / 1e3 / (20000 * exprs.length));
        }
    }
}
