package dev.migrate.recipes.legacy.internal;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.sources.python.Apscheduler4;
import dev.migrate.recipes.internal.TextPositions;
import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.query.Argument;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Definitions;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.StringLiterals;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Nodes;
import dev.migrate.rewriters.python.tree.SourceRanges;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;

/**
 * Where an in-process scheduler registers one job, read back from the script's syntax tree at the position the
 * scanner reported: {@code schedule...do(job, *args)}, {@code scheduler.add_job(func, ..., args=, kwargs=)},
 * APScheduler 4's {@code scheduler.add_schedule(func, trigger, id=..., args=, kwargs=)},
 * {@code @scheduler.scheduled_job(...)} or one entry of a Celery {@code beat_schedule} (a dict entry, an item
 * assignment or an {@code update()} keyword).
 *
 * @param firstLine  1-based first line of the registration (the statement, decorator or dict entry)
 * @param lastLine   1-based last line; the lines hold nothing else, so commenting them out disables just this job
 * @param callee     what the scheduler calls: a dotted name in the script, or the Celery task's name; null if unknown
 * @param arguments  the source text of the arguments it passes ({@code *xs} / {@code **kw} for APScheduler's and
 *                   Celery's args/kwargs)
 * @param argumentNames the names those arguments use
 * @param definition for a decorated function, the function itself (its decorator is the registration)
 * @param whole      false when other code shares the lines, so the lines cannot be commented out alone
 */
record Registration(int firstLine, int lastLine, String callee, List<String> arguments, Set<String> argumentNames,
                    Node definition, boolean whole) {

    /** The names used by the argument expressions: they must be carried into the flow module too. */
    private static Set<String> names(List<Node> expressions) {
        Set<String> out = new LinkedHashSet<>();
        for (Node e : expressions) {
            Nodes.descendants(e).stream().filter(n -> n.kind() == NodeKind.NAME).forEach(n -> out.add(Expressions.name(n)));
        }
        return out;
    }

    static Optional<Registration> find(Job job, PythonFile file) {
        if (file.hasSyntaxErrors()) {
            return Optional.empty();
        }
        SourceRanges ranges = SourceRanges.of(file.module());
        String text = file.text();
        for (Node n : Nodes.descendants(file.module())) {
            Optional<Registration> r = switch (job.kind()) {
                case PYTHON_SCHEDULE_LIB -> scheduleDo(job, file, n, ranges, text);
                case APSCHEDULER -> apscheduler(job, file, n, ranges, text);
                case CELERY_BEAT -> beatEntry(job, file, n, ranges, text);
                default -> Optional.empty();
            };
            if (r.isPresent()) {
                return r;
            }
        }
        return Optional.empty();
    }

    private static Optional<Registration> scheduleDo(Job job, PythonFile file, Node n, SourceRanges ranges, String text) {
        if (n.kind() != NodeKind.CALL || !calleeEndsWith(n, "do")) {
            return Optional.empty();
        }
        List<Argument> args = new CallView(n).arguments();
        Node anchor = args.isEmpty() ? n : args.get(0).value();
        if (!at(file, anchor, job.source())) {
            return Optional.empty();
        }
        String callee = args.isEmpty() ? null : Expressions.dottedName(args.get(0).value()).orElse(null);
        List<Argument> rest = args.stream().skip(1).toList();
        return Optional.of(statement(file.module(), n, ranges, text, callee, rest.stream().map(a -> a.node().text().strip()).toList(),
                names(rest.stream().map(Argument::node).toList())));
    }

    private static Optional<Registration> apscheduler(Job job, PythonFile file, Node n, SourceRanges ranges, String text) {
        // 3.x's add_job(func, ...) or 4.x's add_schedule(func_or_task_id, trigger, ...), whose trigger the scan read
        // (the job's schedule); both pass args= and kwargs= to the function. A task id (a string) names no function.
        boolean addJob = n.kind() == NodeKind.CALL && calleeEndsWith(n, "add_job");
        boolean addSchedule = n.kind() == NodeKind.CALL && calleeEndsWith(n, Apscheduler4.ADD_SCHEDULE);
        if ((addJob || addSchedule) && at(file, n, job.source())) {
            CallView call = new CallView(n);
            String callee = call.argument(addJob ? "func" : Apscheduler4.FUNCTION, 0)
                    .flatMap(a -> Expressions.dottedName(a.value())).orElse(null);
            return Optional.of(statement(file.module(), n, ranges, text, callee, unpacked(call), names(passedValues(call))));
        }
        if (n.kind() == NodeKind.FUNCTION_DEF) {
            for (Node deco : n.nodes(NodeKind.DECORATOR)) {
                Node call = Expressions.unwrap(deco.nodes().get(0));
                if (call.kind() == NodeKind.CALL && calleeEndsWith(call, "scheduled_job") && at(file, deco.nodes().get(0), job.source())) {
                    return Optional.of(lines(ranges.start(deco), ranges.end(deco), text, new Definitions(n).name(),
                            unpacked(new CallView(call)), names(passedValues(new CallView(call))), n, ""));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A beat entry as the scan reports it: a {@code "name": {...}} entry of the dict (its key), an item assignment
     * {@code beat_schedule["name"] = {...}} (its index) or a keyword of {@code beat_schedule.update(name={...})}.
     */
    private static Optional<Registration> beatEntry(Job job, PythonFile file, Node n, SourceRanges ranges, String text) {
        Node key = null;
        Node entry = null;
        String trailer = ",";
        if (n.kind() == NodeKind.DICT_ENTRY && n.nodes().size() == 2) {
            key = n.nodes().get(0);
            entry = n.nodes().get(1);
        } else if (n.kind() == NodeKind.ARG && new Argument(n).keyword() != null) {
            key = n;
            entry = new Argument(n).value();
        } else if (n.kind() == NodeKind.ASSIGN && n.nodes().size() == 2
                && Expressions.unwrap(n.nodes().get(0)).kind() == NodeKind.SUBSCRIPT
                && Expressions.unwrap(n.nodes().get(0)).nodes().size() > 1) {
            key = Expressions.unwrap(n.nodes().get(0)).nodes().get(1);
            entry = n.nodes().get(1);
            trailer = ";";
        }
        if (key == null || !at(file, key, job.source())) {
            return Optional.empty();
        }
        String task = null;
        List<String> passed = new ArrayList<>();
        List<Node> values = new ArrayList<>();
        Node body = Expressions.unwrap(entry);
        for (Node e : body.kind() == NodeKind.DICT ? body.nodes(NodeKind.DICT_ENTRY) : List.<Node>of()) {
            if (e.nodes().size() != 2) {
                continue;
            }
            String field = StringLiterals.value(e.nodes().get(0)).orElse("");
            String value = e.nodes().get(1).text().strip();
            switch (field) {
                case "task" -> task = StringLiterals.value(e.nodes().get(1)).orElse(null);
                case "args" -> {
                    passed.add("*" + value);
                    values.add(e.nodes().get(1));
                }
                case "kwargs" -> {
                    passed.add("**" + value);
                    values.add(e.nodes().get(1));
                }
                default -> {
                }
            }
        }
        return Optional.of(lines(ranges.start(n), ranges.end(n), text, task, passed, names(values), null, trailer));
    }

    /** APScheduler's {@code args=} and {@code kwargs=} as unpacked call arguments. */
    private static List<String> unpacked(CallView call) {
        List<String> out = new ArrayList<>();
        call.keyword("args").ifPresent(a -> out.add("*" + a.value().text().strip()));
        call.keyword("kwargs").ifPresent(a -> out.add("**" + a.value().text().strip()));
        return out;
    }

    private static List<Node> passedValues(CallView call) {
        List<Node> out = new ArrayList<>();
        call.keyword("args").ifPresent(a -> out.add(a.value()));
        call.keyword("kwargs").ifPresent(a -> out.add(a.value()));
        return out;
    }

    /** The expression statement holding the call; other statements (an assignment) cannot be commented alone. */
    private static Registration statement(Node module, Node call, SourceRanges ranges, String text, String callee,
                                          List<String> passed, Set<String> names) {
        Node best = null;
        for (Node s : Nodes.descendants(module)) {
            if (s.kind().isStatement() && ranges.start(s) <= ranges.start(call) && ranges.end(s) >= ranges.end(call)
                    && (best == null || ranges.end(s) - ranges.start(s) < ranges.end(best) - ranges.start(best))) {
                best = s;
            }
        }
        Registration r = lines(ranges.start(best), ranges.end(best), text, callee, passed, names, null, ";");
        return best.kind() == NodeKind.EXPR_STMT ? r : new Registration(r.firstLine, r.lastLine, callee, passed, names, null, false);
    }

    /**
     * The lines from {@code start} to {@code end}; {@code whole} when only blanks precede the start on its line and
     * only blanks, a comment or {@code trailer} (a dict entry's comma) follow the end.
     */
    private static Registration lines(int start, int end, String text, String callee, List<String> passed, Set<String> names,
                                      Node definition, String trailer) {
        int lineStart = text.lastIndexOf('\n', start - 1) + 1;
        int lineEnd = text.indexOf('\n', end);
        String after = text.substring(end, lineEnd < 0 ? text.length() : lineEnd).strip();
        boolean trailerOk = after.isEmpty() || after.startsWith("#")
                || !trailer.equals(";") && after.startsWith(trailer) && (after.length() == 1 || after.substring(1).strip().startsWith("#"));
        boolean whole = text.substring(lineStart, start).isBlank() && trailerOk;
        return new Registration(TextPositions.lineOf(text, start), TextPositions.lineOf(text, end), callee, passed, names,
                definition, whole);
    }

    private static boolean calleeEndsWith(Node call, String name) {
        Node callee = Expressions.unwrap(call.nodes().get(0));
        return callee.kind() == NodeKind.ATTRIBUTE && callee.tokens().get(callee.tokens().size() - 1).text().equals(name);
    }

    private static boolean at(PythonFile file, Node n, SourceRef where) {
        PythonFile.Position p = file.start(n);
        return p.line() == where.line() && p.column() + 1 == where.column();
    }
}
