import dev.migrate.rewriters.python.PythonParser;
import dev.migrate.rewriters.python.query.*;
import dev.migrate.rewriters.python.tree.*;
import dev.migrate.recipes.python.StarImports;
import java.util.*;

/**
 * The name queries every recipe makes of a flow module's calls, attributes and names (qualified names through the
 * imports and star imports, a NAME's identifier), in thread CPU time per module. Compare two builds by running it on
 * each jar. Usage: java -XX:TieredStopAtLevel=1 -cp cli/target/migrate.jar bench/rewrite/NameQueryBench.java
 */
public class NameQueryBench {
    public static void main(String[] a) {
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        String src = "from prefect import flow, task\nfrom prefect.task_runners import ConcurrentTaskRunner\nfrom prefect.variables import Variable\n\n"
            + "@task(retries=2)\ndef load(x):\n    value = Variable.get('v').value\n    return x + len(value)\n\n"
            + "@task\ndef save(x):\n    print(x)\n    return str(x)\n\n"
            + "@flow(task_runner=ConcurrentTaskRunner())\ndef pipeline(n: int = 3):\n    f = load.submit(n)\n    g = save.map([n, n])\n"
            + "    for i in range(n):\n        load.submit(i)\n    h = save.submit(f)\n    return h.result()\n";
        Node m = PythonParser.parse(src).module();
        Imports imports = Imports.of(m);
        List<Node> calls = TreeIndex.of(m).find(NodeKind.CALL);
        List<Node> attrs = TreeIndex.of(m).find(NodeKind.ATTRIBUTE);
        List<Node> names = TreeIndex.of(m).find(NodeKind.NAME);
        int sink = 0;
        for (int round = 0; round < 6; round++) {
            long c0 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < 20000; i++) {
                for (Node c : calls) sink += StarImports.qualifiedName(imports, c).isPresent() ? 1 : 0;
                for (Node t : attrs) sink += imports.qualifiedName(t).isPresent() ? 1 : 0;
                for (Node n : names) sink += Expressions.name(n).length();
            }
            long c1 = mx.getCurrentThreadCpuTime();
            System.out.printf("%.2f us per module (%d calls, %d attributes, %d names)%n", (c1 - c0) / 1e3 / 20000, calls.size(), attrs.size(), names.size());
        }
        System.out.println(sink > 0);
    }
}
