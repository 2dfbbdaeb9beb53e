package dev.migrate.recipes.prefect1.internal;

import dev.migrate.recipes.python.PyValues;
import dev.migrate.rewriters.python.query.Argument;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Prefect 1 executors as Prefect 3 task runners (catalogue section 1.9): {@code LocalExecutor} needs none,
 * {@code LocalDaskExecutor} with threads becomes {@code ThreadPoolTaskRunner(max_workers=N)}, with processes
 * {@code ProcessPoolTaskRunner}, {@code DaskExecutor} becomes {@code prefect_dask.DaskTaskRunner} with the same
 * cluster options.
 *
 * @param code   the {@code task_runner=} value, or null for none
 * @param module the module to import {@code name} from, or null
 * @param requirement a package the project must now depend on, or null
 */
public record Executors(String code, String module, String name, String requirement, List<String> problems) {
    private static final List<String> DASK_OPTIONS = List.of("address", "cluster_class", "cluster_kwargs", "adapt_kwargs",
            "client_kwargs", "performance_report_path");

    public static Executors read(Node expr, Imports imports) {
        Node e = Expressions.unwrap(expr);
        String q = e.kind() == NodeKind.CALL ? imports.qualifiedName(e).orElse("") : "";
        String cls = q.startsWith("prefect.") ? q.substring(q.lastIndexOf('.') + 1) : "";
        List<String> problems = new ArrayList<>();
        switch (cls) {
            case "LocalExecutor":
                return new Executors(null, null, null, null, problems);
            case "LocalDaskExecutor": {
                CallView call = new CallView(e);
                String scheduler = call.keyword("scheduler").flatMap(a -> PyValues.string(a.value())).orElse("threads");
                Optional<Argument> workers = call.keyword("num_workers");
                String runner = scheduler.equals("processes") ? "ProcessPoolTaskRunner" : "ThreadPoolTaskRunner";
                String args = workers.map(w -> "max_workers=" + w.value().print().strip()).orElse("");
                return new Executors(runner + "(" + args + ")", "prefect.task_runners", runner, null, problems);
            }
            case "DaskExecutor": {
                List<String> args = new ArrayList<>();
                for (Argument a : new CallView(e).arguments()) {
                    if (a.keyword() != null && DASK_OPTIONS.contains(a.keyword())) {
                        args.add(a.node().print().strip());
                    } else if (a.keyword() == null || !List.of("debug", "disable_cancellation_event",
                            "watch_worker_status").contains(a.keyword())) {
                        problems.add("DaskExecutor argument `" + a.node().print().strip() + "` has no DaskTaskRunner form");
                    }
                }
                return new Executors("DaskTaskRunner(" + String.join(", ", args) + ")", "prefect_dask", "DaskTaskRunner",
                        "prefect-dask", problems);
            }
            default:
                problems.add("executor `" + e.print().strip() + "` is not a Prefect 1 executor this recipe knows; "
                        + "set task_runner= by hand");
                return new Executors(null, null, null, null, problems);
        }
    }
}
