package dev.migrate.analyzers.sources.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
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
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Quartz triggers built in Java: {@code CronScheduleBuilder.cronSchedule(...)} and the simple-schedule
 * builders. The trigger's identity, time zone and repeat count come from the same builder chain; the job
 * class from {@code newJob(X.class)} in the same method, and its overlap behaviour from
 * {@code @DisallowConcurrentExecution} when that class is in the same file.
 */
public final class QuartzJavaDetector implements Detector {
    /** CronScheduleBuilder's shortcuts, read as the Quartz cron they build. */
    private static final Set<String> CRON_SHORTCUTS = Set.of("dailyAtHourAndMinute", "weeklyOnDayAndHourAndMinute",
            "monthlyOnDayAndHourAndMinute");
    /** DateBuilder's weekday constants (Quartz numbers days from Sunday = 1). */
    private static final List<String> WEEKDAYS = List.of("SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY",
            "SATURDAY");
    private static final Set<String> SIMPLE = Set.of("simpleSchedule", "repeatSecondlyForever", "repeatMinutelyForever",
            "repeatHourlyForever", "repeatSecondlyForTotalCount", "repeatMinutelyForTotalCount", "repeatHourlyForTotalCount");
    private static final Map<String, ChronoUnit> INTERVALS = Map.of(
            "withIntervalInMilliseconds", ChronoUnit.MILLIS, "withIntervalInSeconds", ChronoUnit.SECONDS,
            "withIntervalInMinutes", ChronoUnit.MINUTES, "withIntervalInHours", ChronoUnit.HOURS,
            "repeatSecondlyForever", ChronoUnit.SECONDS, "repeatMinutelyForever", ChronoUnit.MINUTES,
            "repeatHourlyForever", ChronoUnit.HOURS);

    @Override
    public String name() {
        return "quartz-java";
    }

    @Override
    public Prefilter prefilter() {
        return Prefilter.keywords("cronSchedule", "ScheduleBuilder", "ForTotalCount", "lyForever", "HourAndMinute");
    }

    @Override
    public boolean accepts(ScanFile file) {
        return file.fileName().endsWith(".java") && file.text().contains("quartz");
    }

    @Override
    public void detect(ScanFile file, InventorySink sink) {
        JavaSources.parse(file, sink).ifPresent(cu -> scan(file, cu, sink));
    }

    private void scan(ScanFile file, CompilationUnit cu, InventorySink sink) {
        List<MethodCallExpr> calls = cu.findAll(MethodCallExpr.class, c ->
                c.getNameAsString().equals("cronSchedule") || CRON_SHORTCUTS.contains(c.getNameAsString())
                        || SIMPLE.contains(c.getNameAsString()));
        for (int i = 0; i < calls.size(); i++) {
            trigger(file, cu, calls.get(i), i, sink);
        }
    }

    private void trigger(ScanFile file, CompilationUnit cu, MethodCallExpr call, int index, InventorySink sink) {
        Expression chain = top(call);
        List<MethodCallExpr> inChain = chain.findAll(MethodCallExpr.class);
        Optional<String> identity = firstStringArg(inChain, "withIdentity");
        Optional<MethodCallExpr> jobChain = jobDefinition(cu, inChain);
        Optional<String> jobIdentity = jobChain.flatMap(QuartzJavaDetector::identity)
                .or(() -> forJobStrings(inChain));
        Optional<String> jobClass = jobChain.flatMap(QuartzJavaDetector::newJobClass).or(() -> jobClass(call));
        String owner = JavaSources.simpleType(call) + call.findAncestor(MethodDeclaration.class)
                .map(m -> "." + m.getNameAsString()).orElse("");
        // A trigger is reported under the job it fires (group.name), as Quartz tools show it.
        String name = jobIdentity.or(() -> identity).or(() -> jobClass).orElse(owner);
        SourceRef where = JavaSources.where(file, call);
        JobBuilder job = new JobBuilder(file, JobKind.QUARTZ, name, where,
                JavaSources.qualifiedType(call) + "#" + identity.orElse(owner + "#" + index));
        Optional<String> tz = inChain.stream().filter(c -> c.getNameAsString().equals("inTimeZone"))
                .flatMap(c -> c.getArguments().stream()).flatMap(a -> a.findAll(StringLiteralExpr.class).stream())
                .map(StringLiteralExpr::asString).findFirst();
        boolean shortcut = CRON_SHORTCUTS.contains(call.getNameAsString());
        boolean cron = shortcut || call.getNameAsString().equals("cronSchedule");
        if (cron) {
            Optional<String> expr = shortcut ? shortcutCron(call) : call.getArguments().isEmpty() ? Optional.empty()
                    : JavaSources.constant(call.getArgument(0));
            String text = expr.orElse(shortcut ? call.toString() : call.getArguments().isEmpty() ? "?" : call.getArgument(0).toString());
            ScheduleSpec spec = new ScheduleSpec(expr.isPresent() ? ScheduleSpec.Form.CRON_QUARTZ : ScheduleSpec.Form.UNKNOWN,
                    text, tz.orElse(null), where);
            job.schedule(spec);
            sink.finding(Findings.of("JAV010", "Quartz cron trigger " + name + " " + ShownSchedules.of(spec), where, job.id()));
            if (expr.isPresent() && SpringSchedules.hasSubMinuteSeconds(text)) {
                sink.finding(Findings.of("JAV005", "Quartz cron \"" + text + "\" "
                        + SpringSchedules.subMinuteSeconds(text, true), where, job.id()));
            }
        } else {
            Optional<Duration> every = interval(inChain);
            job.schedule(every.map(d -> new ScheduleSpec(ScheduleSpec.Form.INTERVAL, d.toString(), tz.orElse(null), where))
                    .orElse(new ScheduleSpec(ScheduleSpec.Form.UNKNOWN, chain.toString(), tz.orElse(null), where)));
            firstArg(inChain, "withRepeatCount").ifPresent(n -> job.attr("repeatCount", n));
            sink.finding(Findings.of("JAV011", "Quartz simple trigger " + name + " (every "
                    + every.map(Duration::toString).orElse("?") + ")", where, job.id()));
        }
        jobClass.ifPresent(c -> job.attr("jobClass", c).command(c));
        job.overlap(jobClass.map(c -> overlap(cu, c)).orElse(Overlap.UNKNOWN));
        identity.ifPresent(t -> job.attr("trigger", t));
        if (inChain.stream().anyMatch(c -> c.getNameAsString().startsWith("withMisfireHandlingInstruction"))) {
            inChain.stream().filter(c -> c.getNameAsString().startsWith("withMisfireHandlingInstruction"))
                    .findFirst().ifPresent(c -> job.attr("misfire", c.getNameAsString()
                            .substring("withMisfireHandlingInstruction".length())));
        }
        sink.job(job.build());
    }

    /**
     * {@code dailyAtHourAndMinute(h, m)}, {@code weeklyOnDayAndHourAndMinute(day, h, m)} and
     * {@code monthlyOnDayAndHourAndMinute(day, h, m)} as the Quartz cron text they build; empty when an argument is
     * not a constant.
     */
    private static Optional<String> shortcutCron(MethodCallExpr call) {
        List<String> args = new java.util.ArrayList<>();
        for (Expression a : call.getArguments()) {
            String name = a.isFieldAccessExpr() ? a.asFieldAccessExpr().getNameAsString()
                    : a.isNameExpr() ? a.asNameExpr().getNameAsString() : null;
            Optional<String> v = name != null && WEEKDAYS.contains(name)
                    ? Optional.of(String.valueOf(WEEKDAYS.indexOf(name) + 1)) : JavaSources.constant(a);
            if (v.isEmpty() || !v.get().matches("\\d+")) {
                return Optional.empty();
            }
            args.add(v.get());
        }
        return switch (call.getNameAsString() + "/" + args.size()) {
            case "dailyAtHourAndMinute/2" -> Optional.of("0 " + args.get(1) + " " + args.get(0) + " ? * *");
            case "weeklyOnDayAndHourAndMinute/3" -> Optional.of("0 " + args.get(2) + " " + args.get(1) + " ? * " + args.get(0));
            case "monthlyOnDayAndHourAndMinute/3" -> Optional.of("0 " + args.get(2) + " " + args.get(1) + " " + args.get(0) + " * ?");
            default -> Optional.empty();
        };
    }

    /** The outermost expression of the builder chain a call belongs to. */
    private static Expression top(Expression e) {
        Expression cur = e;
        while (cur.getParentNode().isPresent() && cur.getParentNode().get() instanceof Expression p) {
            cur = p;
        }
        return cur;
    }

    private static Optional<Duration> interval(List<MethodCallExpr> chain) {
        for (MethodCallExpr c : chain) {
            ChronoUnit unit = INTERVALS.get(c.getNameAsString());
            if (unit != null) {
                if (c.getArguments().isEmpty()) {
                    return Optional.of(Duration.of(1, unit));
                }
                Optional<String> n = JavaSources.constant(c.getArgument(c.getArguments().size() == 2 ? 1 : 0));
                if (n.isPresent() && n.get().matches("-?\\d+")) {
                    return Optional.of(Duration.of(Long.parseLong(n.get()), unit));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> firstArg(List<MethodCallExpr> chain, String method) {
        return chain.stream().filter(c -> c.getNameAsString().equals(method) && !c.getArguments().isEmpty())
                .map(c -> JavaSources.constant(c.getArgument(0)).orElse(c.getArgument(0).toString())).findFirst();
    }

    private static Optional<String> firstStringArg(List<MethodCallExpr> chain, String method) {
        return chain.stream().filter(c -> c.getNameAsString().equals(method) && !c.getArguments().isEmpty())
                .map(c -> JavaSources.constant(c.getArgument(0))).flatMap(Optional::stream).findFirst();
    }

    /**
     * The {@code JobBuilder.newJob(...)} chain a trigger's {@code forJob(x)} refers to, when {@code x} names a
     * method of this file (a Spring {@code @Bean JobDetail} factory, or a parameter named after one).
     */
    private static Optional<MethodCallExpr> jobDefinition(CompilationUnit cu, List<MethodCallExpr> chain) {
        Optional<String> ref = chain.stream().filter(c -> c.getNameAsString().equals("forJob") && c.getArguments().size() == 1)
                .map(c -> c.getArgument(0)).filter(a -> !(a instanceof StringLiteralExpr))
                .map(a -> a instanceof MethodCallExpr m ? m.getNameAsString() : a.toString()).findFirst();
        return ref.flatMap(r -> cu.findAll(MethodDeclaration.class, m -> m.getNameAsString().equals(r)).stream().findFirst())
                .flatMap(m -> m.findAll(MethodCallExpr.class, c -> c.getNameAsString().equals("newJob")).stream().findFirst())
                .map(c -> (MethodCallExpr) top(c).findFirst(MethodCallExpr.class).orElse(c));
    }

    /** {@code withIdentity("name", "group")} of a job chain, as {@code group.name}. */
    private static Optional<String> identity(MethodCallExpr jobChain) {
        return jobChain.findAll(MethodCallExpr.class, c -> c.getNameAsString().equals("withIdentity")).stream()
                .findFirst().flatMap(c -> groupDotName(c.getArguments()));
    }

    private static Optional<String> forJobStrings(List<MethodCallExpr> chain) {
        return chain.stream().filter(c -> c.getNameAsString().equals("forJob")).findFirst()
                .flatMap(c -> groupDotName(c.getArguments()));
    }

    private static Optional<String> groupDotName(List<Expression> args) {
        List<String> v = args.stream().map(JavaSources::constant).flatMap(Optional::stream).toList();
        if (v.size() != args.size() || v.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(v.size() >= 2 ? v.get(1) + "." + v.get(0) : v.get(0));
    }

    private static Optional<String> newJobClass(MethodCallExpr jobChain) {
        return jobChain.findAll(MethodCallExpr.class, c -> c.getNameAsString().equals("newJob")).stream()
                .flatMap(c -> c.getArguments().stream()).filter(a -> a instanceof ClassExpr)
                .map(a -> ((ClassExpr) a).getType().asString()).findFirst();
    }

    /** The X of a single {@code newJob(X.class)} in the same method (or class, for @Bean style configs). */
    private static Optional<String> jobClass(MethodCallExpr call) {
        Optional<? extends Node> scope = call.findAncestor(MethodDeclaration.class);
        Node within = scope.isPresent() ? scope.get() : call.findAncestor(ClassOrInterfaceDeclaration.class).orElse(null);
        if (within == null) {
            return Optional.empty();
        }
        List<String> classes = within.findAll(MethodCallExpr.class, c -> c.getNameAsString().equals("newJob")).stream()
                .flatMap(c -> c.getArguments().stream()).filter(a -> a instanceof ClassExpr)
                .map(a -> ((ClassExpr) a).getType().asString()).distinct().toList();
        return classes.size() == 1 ? Optional.of(classes.get(0)) : Optional.empty();
    }

    /** Quartz runs a job class concurrently unless it carries @DisallowConcurrentExecution. */
    private static Overlap overlap(CompilationUnit cu, String jobClass) {
        String simple = jobClass.substring(jobClass.lastIndexOf('.') + 1);
        return cu.findAll(ClassOrInterfaceDeclaration.class, c -> c.getNameAsString().equals(simple)).stream()
                .findFirst().map(c -> c.getAnnotations().stream().anyMatch(a ->
                        a.getNameAsString().endsWith("DisallowConcurrentExecution")) ? Overlap.SKIP : Overlap.ALLOW)
                .orElse(Overlap.UNKNOWN);
    }
}
