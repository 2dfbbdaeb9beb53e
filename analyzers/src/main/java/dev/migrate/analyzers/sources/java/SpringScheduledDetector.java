package dev.migrate.analyzers.sources.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import dev.migrate.analyzers.model.Detector;
import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.Overlap;
import dev.migrate.analyzers.model.Prefilter;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.rules.Findings;
import dev.migrate.analyzers.schedule.ShownSchedules;
import dev.migrate.analyzers.sources.JobBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spring {@code @Scheduled} methods (also repeated, or inside {@code @Schedules}). Values come from literals
 * and constants of the same file; {@code ${...}} placeholders are left for {@link SpringPlaceholderResolver}.
 */
public final class SpringScheduledDetector implements Detector {
    @Override
    public String name() {
        return "spring-scheduled";
    }

    @Override
    public Prefilter prefilter() {
        return Prefilter.keywords("@Scheduled", "@Schedules");
    }

    @Override
    public boolean accepts(ScanFile file) {
        return file.fileName().endsWith(".java");
    }

    @Override
    public void detect(ScanFile file, InventorySink sink) {
        JavaSources.parse(file, sink).ifPresent(cu -> scan(file, cu, sink));
    }

    private void scan(ScanFile file, CompilationUnit cu, InventorySink sink) {
        for (MethodDeclaration m : cu.findAll(MethodDeclaration.class)) {
            List<AnnotationExpr> scheduled = scheduledAnnotations(m);
            boolean async = m.getAnnotations().stream().anyMatch(a -> a.getNameAsString().endsWith("Async"));
            for (int i = 0; i < scheduled.size(); i++) {
                job(file, m, scheduled.get(i), i, async, sink);
            }
        }
    }

    private static List<AnnotationExpr> scheduledAnnotations(MethodDeclaration m) {
        List<AnnotationExpr> out = new ArrayList<>();
        for (AnnotationExpr a : m.getAnnotations()) {
            String n = a.getNameAsString();
            if (n.equals("Scheduled") || n.endsWith(".Scheduled")) {
                out.add(a);
            } else if ((n.equals("Schedules") || n.endsWith(".Schedules"))) {
                Expression v = a instanceof SingleMemberAnnotationExpr s ? s.getMemberValue()
                        : a instanceof NormalAnnotationExpr na ? attributes(na).get("value") : null;
                if (v instanceof ArrayInitializerExpr arr) {
                    arr.getValues().forEach(e -> {
                        if (e instanceof AnnotationExpr inner) {
                            out.add(inner);
                        }
                    });
                } else if (v instanceof AnnotationExpr inner) {
                    out.add(inner);
                }
            }
        }
        return out;
    }

    private static Map<String, Expression> attributes(AnnotationExpr a) {
        Map<String, Expression> m = new LinkedHashMap<>();
        if (a instanceof NormalAnnotationExpr n) {
            for (MemberValuePair p : n.getPairs()) {
                m.put(p.getNameAsString(), p.getValue());
            }
        }
        return m;
    }

    private void job(ScanFile file, MethodDeclaration m, AnnotationExpr a, int index, boolean async, InventorySink sink) {
        Map<String, Expression> attrs = attributes(a);
        String type = JavaSources.qualifiedType(m);
        String name = m.getNameAsString();
        String label = JavaSources.simpleType(m) + "." + name;
        SourceRef where = JavaSources.where(file, a);
        JobBuilder job = new JobBuilder(file, JobKind.SPRING_SCHEDULED, name, where, type + "#" + m.getNameAsString() + "#" + index);
        job.command(type + "#" + m.getNameAsString());
        String zone = value(attrs, "zone");
        String unit = attrs.containsKey("timeUnit") ? attrs.get("timeUnit").toString() : null;
        if (zone == null && attrs.containsKey("zone")) {
            zone = attrs.get("zone").toString();
        }
        String kind = null;
        for (String attr : List.of("cron", "fixedRate", "fixedDelay")) {
            Expression expr = attrs.containsKey(attr) ? attrs.get(attr) : attrs.get(attr + "String");
            if (expr == null) {
                continue;
            }
            kind = attr;
            SourceRef at = JavaSources.where(file, expr);
            String v = value(attrs, attrs.containsKey(attr) ? attr : attr + "String");
            if (v == null) {
                // A constant from another file or a computed value: known only at run time.
                job.schedule(new ScheduleSpec(ScheduleSpec.Form.UNKNOWN, expr.toString(), zone, at));
                sink.finding(Findings.of("JAV004", label + ": " + attr + " = " + expr
                        + " is not a constant of this file; state the schedule by hand", at, job.id()));
                continue;
            }
            if (attr.equals("cron") && v.strip().equals("-")) {
                job.attr("disabled", "true");
                continue;
            }
            ScheduleSpec spec = SpringSchedules.of(attr, v, zone, unit, at);
            job.schedule(spec);
            if (spec.form() == ScheduleSpec.Form.CRON_SPRING && SpringSchedules.hasSubMinuteSeconds(spec.expression())) {
                sink.finding(Findings.of("JAV005", "cron \"" + spec.expression() + "\" "
                        + SpringSchedules.subMinuteSeconds(spec.expression(), false), at, job.id()));
            }
        }
        if (kind == null) {
            return;
        }
        job.attr(SpringSchedules.ATTRIBUTE, kind).attr(SpringSchedules.TIME_UNIT, unit).attr("zone", zone)
                .attr("scheduler", value(attrs, "scheduler"));
        String initial = value(attrs, "initialDelay") != null ? value(attrs, "initialDelay") : value(attrs, "initialDelayString");
        if (initial != null) {
            job.attr("initialDelay", SpringSchedules.isPlaceholder(initial) ? initial
                    : SpringSchedules.interval(initial, unit).map(Object::toString).orElse(initial));
            sink.finding(Findings.of("JAV006", label + " starts after initialDelay " + initial, where, job.id()));
        }
        // Spring runs one method's executions one after another unless @Async hands them to a pool.
        job.overlap(async ? Overlap.ALLOW : kind.equals("fixedRate") ? Overlap.QUEUE : Overlap.SKIP);
        boolean disabled = "true".equals(job.build().attributes().get("disabled"));
        String code = disabled ? "JAV007" : switch (kind) {
            case "cron" -> "JAV001";
            case "fixedRate" -> "JAV002";
            default -> "JAV003";
        };
        String shown = disabled ? "(disabled)" : ShownSchedules.of(job.build().schedules().get(0));
        sink.finding(Findings.of(code, "Spring @Scheduled(" + kind + ") method " + label + " " + shown, where, job.id()));
        sink.job(job.build());
    }

    /** The attribute's constant value; null when absent or not determinable from this file. */
    private static String value(Map<String, Expression> attrs, String key) {
        Expression e = attrs.get(key);
        return e == null ? null : JavaSources.constant(e).orElse(null);
    }
}
