package dev.migrate.recipes.legacy.internal;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.SchedulerServices;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Sleep loops and in-process schedulers that a supervisor program ({@link SupervisorPrograms}) or a compose service
 * ({@link ComposeServices}) keeps running rather than a systemd service. They are switched off the way a loop's
 * service is: the cutover stops the program or service and keeps its configuration with it switched off
 * ({@code autostart=false}, {@code deploy.replicas: 0}) under a marker, the dual-run phase (the rollback) takes the
 * marker out again, and the cleanup removes the program's section or the service. A scheduler process whose
 * registrations are not all cut over keeps running what is left: it is restarted with its edited script instead,
 * as a systemd service's is ({@code try-restart}).
 */
final class KeptRunning {
    /** {@code file#program} of the supervisor program that runs the job. */
    static final String SUPERVISOR = "supervisor.program";
    /** {@code file#service} of the compose service that runs the job. */
    static final String COMPOSE = "compose.service";
    /** {@code stop} (the cutover switches the process off) or {@code restart} (it keeps running other registrations). */
    static final String CUTOVER = "keptRunning.cutover";
    /**
     * In the cleanup, why the program or service stays in its file, switched off, rather than being removed (a group
     * names it, another service needs it...); absent when the cleanup removes it. Decided once, from the file as the
     * user wrote it, so that the edit, the note and cleanup.sh agree, also on a rerun that finds it removed.
     */
    static final String KEPT = "keptRunning.cleanupKeeps";
    /**
     * The other services of a compose service's file that need it, each with how ({@code web (depends_on)}); absent
     * when none do. Such a service is not set to {@code replicas: 0} (see {@link #neededNote}).
     */
    static final String NEEDED_BY = "keptRunning.neededBy";
    /**
     * {@code true} for a compose service written in flow style ({@code {image: x}}), which migrate leaves for a person to
     * switch off; absent otherwise. cutover.sh and the rollback then say that the file was not edited.
     */
    static final String BY_HAND = "keptRunning.byHand";

    private KeptRunning() {
    }

    /**
     * The migrated loops and in-process jobs that no systemd service runs, with the supervisor program or compose
     * service whose command runs their script.
     *
     * @param originals     the scanned texts (configuration files are read without our markers)
     * @param cutOverScripts the scheduler scripts whose every registration this phase comments out
     * @param previous      the jobs of the manifest by id: a program or service an earlier cleanup removed is known there
     */
    static void annotate(Phase phase, Map<String, Job> migrated, Map<String, String> originals, Set<String> cutOverScripts,
                         Map<String, Job> previous) {
        List<SupervisorPrograms.Program> programs = new ArrayList<>();
        List<ComposeServices.Service> services = new ArrayList<>();
        originals.forEach((path, text) -> {
            if (SupervisorPrograms.isConfig(path, text)) {
                programs.addAll(SupervisorPrograms.of(path, HostConfigMarkers.enableAll(text)));
            } else if (ComposeServices.isCompose(path)) {
                services.addAll(ComposeServices.of(path, HostConfigMarkers.enableAll(text)));
            }
        });
        migrated.replaceAll((id, j) -> {
            boolean loop = j.kind() == JobKind.PYTHON_SLEEP_LOOP;
            // SchedulerServices.SERVICE is the systemd unit the scan linked the job to (InProcessJobs keeps it only when
            // that unit is in the estate) or the manifest remembered: whichever, a systemd service runs it
            if (!loop && !InProcessJobs.isInProcess(j) || j.attributes().containsKey(SchedulerServices.SERVICE)
                    || j.attributes().containsKey(SUPERVISOR) || j.attributes().containsKey(COMPOSE)) {
                return j; // a systemd service runs it, or it is known from the manifest
            }
            Map<String, String> attributes = new LinkedHashMap<>(j.attributes());
            SupervisorPrograms.Program program = programs.stream().filter(p -> runs(p.command(), j)).findFirst().orElse(null);
            // supervisord runs the command as user= in directory=: so does the flow's worker (a compose service's user is
            // the container's, no host user)
            String user = program != null && j.user() == null ? program.user() : j.user();
            String dir = program != null && j.workingDir() == null ? program.directory() : j.workingDir();
            ComposeServices.Service service = program != null ? null
                    : services.stream().filter(s -> runs(s.command(), j)).findFirst().orElse(null);
            String kept = null;
            if (program != null) {
                attributes.put(SUPERVISOR, program.ref());
                List<String> groups = SupervisorPrograms.groupsOf(HostConfigMarkers.enableAll(originals.get(program.file())), program);
                kept = groups.isEmpty() ? null : "cleanup keeps [program:" + program.name() + "] in " + program.file() + ", switched "
                        + "off: the group(s) " + String.join(", ", groups) + " name it in programs=, and supervisord refuses a "
                        + "group naming a program it does not know; take it out of the group, then delete the section by hand";
            } else if (service != null) {
                attributes.put(COMPOSE, service.ref());
                kept = service.flow() ? "the compose service " + service.name() + " of " + service.file() + " (or its deploy:) is "
                        + "written in flow style or spans lines migrate does not edit: set deploy.replicas: 0 in it by hand at the "
                        + "cutover, and delete it by hand at the cleanup"
                        : !service.dependents().isEmpty() ? neededNote(service)
                        : service.others() == 0 ? "cleanup keeps the compose service " + service.name() + " of " + service.file()
                        + ", switched off (deploy.replicas: 0): it is the file's only service; delete the file by hand once "
                        + "nothing deploys it" : null;
            }
            if (kept != null && (phase == Phase.CLEANUP || service != null && (service.flow() || !service.dependents().isEmpty()))) {
                attributes.put(KEPT, kept);
            }
            if (service != null && !service.flow() && !service.dependents().isEmpty()) {
                attributes.put(NEEDED_BY, String.join(", ", service.dependents()));
            }
            if (service != null && service.flow()) {
                attributes.put(BY_HAND, "true");
            }
            if (attributes.size() == j.attributes().size()) {
                Job before = previous.get(id);
                return before == null || of(before) == null ? j : new Job(j.id(), j.kind(), j.name(), j.source(), j.schedules(),
                        j.command(), before.user(), j.env(), before.workingDir(), j.overlap(), j.dependsOn(), with(j, before));
            }
            attributes.put(CUTOVER, loop || cutOverScripts.contains(j.source().path()) ? "stop" : "restart");
            return new Job(j.id(), j.kind(), j.name(), j.source(), j.schedules(), j.command(), user, j.env(), dir,
                    j.overlap(), j.dependsOn(), attributes);
        });
    }

    /**
     * Why a compose service other services need is not set to {@code replicas: 0}, and what to do by hand. With it,
     * {@code docker compose up} refuses the dependents or starts them without it, depending on the Compose version and
     * on how they need it; the file is left as written, which keeps every {@code up} working, and cutover.sh only stops
     * the container (switching the scheduler off until someone runs {@code up} again), except when a dependent shares
     * its network namespace ({@code network_mode: service:x}), which stopping it would take away from that dependent.
     */
    static String neededNote(ComposeServices.Service service) {
        boolean network = service.dependents().stream().anyMatch(d -> d.contains(ComposeServices.NETWORK));
        return "the compose service " + service.name() + " of " + service.file() + " is needed by " + String.join(", ",
                service.dependents()) + ": with deploy.replicas: 0, docker compose up would fail or start them without it, "
                + "so migrate leaves the file as written and "
                + (network ? "cutover.sh does not stop it either (a service with network_mode: service:" + service.name()
                + " would lose its network); stop it by hand once nothing shares its network"
                : "cutover.sh only stops its container, which the next docker compose up -d starts again")
                + ". By hand: take it out of those services (drop the depends_on entry, or write it in the long form with "
                + "required: false, Compose 2.20+; links, volumes_from and network_mode have no such option), then set "
                + "deploy.replicas: 0 in it, or delete it";
    }

    /** The job's attributes with those of {@code before} that name its program or service. */
    private static Map<String, String> with(Job j, Job before) {
        Map<String, String> attributes = new LinkedHashMap<>(j.attributes());
        for (String key : List.of(SUPERVISOR, COMPOSE, CUTOVER, KEPT, NEEDED_BY, BY_HAND)) {
            if (before.attributes().containsKey(key)) {
                attributes.put(key, before.attributes().get(key));
            }
        }
        return attributes;
    }

    /** What MIGRATION.md says about the job's program or service, or null. */
    static String note(Job j) {
        Keeper k = of(j);
        if (k == null) {
            return null;
        }
        if (j.attributes().containsKey(KEPT)) {
            return j.attributes().get(KEPT);
        }
        if (!k.stop()) {
            return (k.supervisor() ? "the supervisor program " : "the compose service ") + k.name() + " of " + k.file()
                    + " runs registrations that stay: cutover.sh restarts it with the edited script ("
                    + (k.supervisor() ? "supervisorctl restart '" + k.name() + ":*'" : "docker compose restart " + k.name()) + ")";
        }
        return k.supervisor()
                ? "the supervisor program " + k.name() + " of " + k.file() + " keeps it running: the cutover sets autostart=false "
                + "and autorestart=false in its section and cutover.sh runs supervisorctl stop '" + k.name() + ":*'; the "
                + "cleanup removes the section"
                : "the compose service " + k.name() + " of " + k.file() + " keeps it running: the cutover sets deploy.replicas: 0, "
                + "which the next docker compose up -d (with or without --remove-orphans) applies by removing its container, "
                + "and cutover.sh runs docker compose stop " + k.name() + " at once; the cleanup removes the service";
    }

    /** Whether {@code command} runs the job's script (for Celery beat: {@code beat} of the job's app). */
    static boolean runs(String command, Job j) {
        String path = j.attributes().getOrDefault("python.script", j.source().path());
        String script = path.substring(path.lastIndexOf('/') + 1);
        if (j.kind() == JobKind.CELERY_BEAT) {
            String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
            String pkg = dir.substring(dir.lastIndexOf('/') + 1);
            String app = "(?s).*(-A|--app)[ =](" + Pattern.quote(pkg) + "|" + Pattern.quote(script.replaceAll("\\.py$", ""))
                    + ")\\b.*";
            return command.matches("(?s).*\\bbeat\\b.*") && command.matches(app);
        }
        return command.matches("(?s).*(^|[\\s/])" + Pattern.quote(script) + "(\\s.*|$)");
    }

    /** The {@code file#name} reference of a job's keeper and which kind it is, or null. */
    /** @param neededBy for a compose service: the services that need it, with how ({@link #NEEDED_BY}), or null */
    /** @param byHand for a compose service: whether its file is left for a person to edit ({@link #BY_HAND}) */
    record Keeper(String attribute, String file, String name, boolean stop, String neededBy, boolean byHand) {
        boolean supervisor() {
            return attribute.equals(SUPERVISOR);
        }
    }

    static Keeper of(Job j) {
        for (String attribute : List.of(SUPERVISOR, COMPOSE)) {
            String ref = j.attributes().get(attribute);
            if (ref != null && ref.contains("#")) {
                return new Keeper(attribute, ref.substring(0, ref.lastIndexOf('#')), ref.substring(ref.lastIndexOf('#') + 1),
                        !"restart".equals(j.attributes().get(CUTOVER)), j.attributes().get(NEEDED_BY),
                        j.attributes().containsKey(BY_HAND));
            }
        }
        return null;
    }

    /**
     * Writes this phase's configuration files into {@code files} (and, in the cleanup, a supervisor file left with no
     * section into {@code deleted}).
     */
    static void apply(Phase phase, LocalDate asOf, java.util.Collection<Job> jobs, Map<String, String> texts,
                      Map<String, String> files, Set<String> deleted) {
        // by file, each keeper switched off with the first of its jobs (sorted by id): one marker per program or service;
        // every keeper's file is read without our markers, so that the dual-run phase takes out those of an earlier
        // cutover also where the process now counts as restarted (a scheduler's registrations are cut over from the
        // cutover on only)
        Map<String, Map<String, Job>> byFile = new TreeMap<>();
        jobs.stream().sorted(Comparator.comparing(Job::id)).forEach(j -> {
            Keeper k = of(j);
            if (k != null && texts.containsKey(k.file())) {
                Map<String, Job> names = byFile.computeIfAbsent(k.file(), f -> new TreeMap<>());
                if (k.stop()) {
                    names.putIfAbsent(k.name(), j);
                }
            }
        });
        for (Map.Entry<String, Map<String, Job>> e : byFile.entrySet()) {
            String path = e.getKey();
            String current = texts.get(path);
            String text = HostConfigMarkers.enableAll(current);
            if (phase.atLeast(Phase.CUTOVER)) {
                text = switchOff(phase, asOf, path, text, current, e.getValue());
            }
            if (phase == Phase.CLEANUP && SupervisorPrograms.isConfig(path, current) && SupervisorPrograms.empty(text)) {
                deleted.add(path);
                files.remove(path);
            } else if (!text.equals(current)) {
                files.put(path, text);
            }
        }
    }

    /** Whether the cleanup takes the job's program or service out of its file. */
    static boolean removedAtCleanup(Job j) {
        return of(j) != null && of(j).stop() && !j.attributes().containsKey(KEPT);
    }

    private static String switchOff(Phase phase, LocalDate asOf, String path, String text, String current, Map<String, Job> names) {
        // bottom up, so that the lines of those above stay where the file was read
        if (SupervisorPrograms.isConfig(path, text)) {
            List<SupervisorPrograms.Program> programs = new ArrayList<>(SupervisorPrograms.of(path, text).stream()
                    .filter(p -> names.containsKey(p.name())).toList());
            programs.sort(Comparator.comparingInt(SupervisorPrograms.Program::header).reversed());
            for (SupervisorPrograms.Program p : programs) {
                Job j = names.get(p.name());
                text = phase == Phase.CLEANUP && removedAtCleanup(j) ? SupervisorPrograms.remove(text, p)
                        : SupervisorPrograms.disable(text, p, j.id(), date(current, j.id(), asOf));
            }
            return text;
        }
        // one that others need is left as written (neededNote): replicas: 0 would break their docker compose up
        List<ComposeServices.Service> services = new ArrayList<>(ComposeServices.of(path, text).stream()
                .filter(s -> names.containsKey(s.name()) && !s.flow() && s.dependents().isEmpty()).toList());
        services.sort(Comparator.comparingInt(ComposeServices.Service::keyLine).reversed());
        for (ComposeServices.Service s : services) {
            Job j = names.get(s.name());
            text = phase == Phase.CLEANUP && removedAtCleanup(j) ? ComposeServices.remove(text, s)
                    : ComposeServices.disable(text, s, j.id(), date(current, j.id(), asOf));
        }
        return text;
    }

    private static LocalDate date(String current, String id, LocalDate asOf) {
        LocalDate kept = HostConfigMarkers.markerDate(current, id);
        return kept == null ? asOf : kept;
    }
}
