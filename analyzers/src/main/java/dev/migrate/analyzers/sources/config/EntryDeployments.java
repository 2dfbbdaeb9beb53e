package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.rules.Findings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What the {@code prefect deploy} commands that deploy one prefect.yaml entry under its own name make of it, each from
 * the entry as its file says it: a staging job's {@code --cron} is no schedule of the deployment a production job
 * makes. They all make the same deployment (one name, {@code FLOW/DEPLOYMENT}), and each run sets its schedules, pool
 * and queue anew (3.x {@code prefect deploy} applies the deployment with the schedules it read, replacing the server's),
 * so where they differ the deployment has those of whichever ran last, which the tree does not say. The job then shows
 * the first command's (by source), its schedules marked {@linkplain ScheduleSpec#unproven unproven}, and PF230 lists
 * what each command gives; never the union of all of them, which no run makes. Where they agree it is the deployment
 * whichever ran, shown as the last one read made it.
 */
final class EntryDeployments {
    /** One command's deployment of an entry. */
    private record Result(Job command, Job deployed) {
    }

    /** The entries as their files say them, by id, before any command deployed them. */
    private final Map<String, Job> originals = new HashMap<>();
    /** By entry id: what each command that deployed it made of it, in the order they were read. */
    private final Map<String, List<Result>> results = new LinkedHashMap<>();

    EntryDeployments(List<Job> jobs, Predicate<Job> isEntry) {
        jobs.stream().filter(isEntry).forEach(j -> originals.put(j.id(), j));
    }

    /** The entry as its file says it: what a command deploys, whatever another command made of it. */
    Job original(Job entry) {
        return originals.getOrDefault(entry.id(), entry);
    }

    /**
     * Records a command's deployment of an entry ({@code deployed} keeps the entry's id); the jobs show the latest, which
     * is the deployment whichever ran last where the commands agree ({@link #finish} settles where they do not).
     */
    void deployed(List<Job> jobs, Job command, Job deployed) {
        results.computeIfAbsent(deployed.id(), k -> new ArrayList<>()).add(new Result(command, deployed));
        replace(jobs, deployed);
    }

    private static void replace(List<Job> jobs, Job deployed) {
        for (int i = 0; i < jobs.size(); i++) {
            if (jobs.get(i).id().equals(deployed.id())) {
                jobs.set(i, deployed);
            }
        }
    }

    /** Once every command was read: PF230 for each entry the commands deploy with different settings. */
    void finish(List<Job> jobs, List<Finding> findings) {
        results.forEach((id, rs) -> {
            if (rs.stream().map(r -> settings(r.deployed())).distinct().count() < 2) {
                return;
            }
            if (jobs.stream().noneMatch(j -> j.id().equals(id))) {
                return;
            }
            Job shown = rs.get(0).deployed();
            String why = "which of " + rs.size() + " commands deploying it ran last";
            List<ScheduleSpec> marked = shown.schedules().stream()
                    .map(s -> s.unproven() == null ? s.withUnproven(why) : s).toList();
            replace(jobs, new Job(shown.id(), shown.kind(), shown.name(), shown.source(), marked, shown.command(),
                    shown.user(), shown.env(), shown.workingDir(), shown.overlap(), shown.dependsOn(), shown.attributes()));
            findings.add(Findings.of("PF230", message(shown, rs), shown.source(), id));
        });
    }

    /** What a run of the command sets on the deployment: its schedules, pool and queue. */
    private static List<String> settings(Job deployed) {
        List<String> out = new ArrayList<>();
        deployed.schedules().forEach(s -> out.add(s.form() + " " + s.expression() + " " + s.timezone() + " " + s.paused()));
        out.add("pool " + deployed.attributes().get("workPool"));
        out.add("queue " + deployed.attributes().get("workQueue"));
        return out;
    }

    private static String message(Job shown, List<Result> rs) {
        String each = rs.stream().map(r -> r.command().source().path() + ":" + r.command().source().line() + " gives "
                + described(r.deployed())).collect(Collectors.joining("; "));
        return "deployment '" + shown.name() + "' (" + shown.source().path() + ":" + shown.source().line() + ") is deployed by "
                + rs.size() + " commands that give it different settings: " + each + ". Each run sets the deployment's"
                + " schedules, pool and queue anew, so it has those of whichever ran last; the scan shows the first's, its"
                + " schedules unproven. Where the commands deploy to different servers or workspaces each has its own;"
                + " else give each its own entry in prefect.yaml";
    }

    private static String described(Job deployed) {
        String schedules = deployed.schedules().isEmpty() ? "no schedule" : deployed.schedules().stream()
                .map(s -> s.expression() + s.zoneLabel() + (s.paused() ? " paused" : "")).collect(Collectors.joining(", "));
        String pool = deployed.attributes().get("workPool");
        String queue = deployed.attributes().get("workQueue");
        return "[" + schedules + "]" + (pool == null ? "" : " pool '" + pool + "'") + (queue == null ? "" : " queue '" + queue + "'");
    }
}
