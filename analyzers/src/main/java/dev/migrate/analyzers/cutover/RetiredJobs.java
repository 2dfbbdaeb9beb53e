package dev.migrate.analyzers.cutover;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.JvmServices;
import dev.migrate.analyzers.model.Overlap;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.SchedulerServices;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.scan.Inventory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The legacy jobs migrate's legacy recipe replaced, as its manifest ({@value #MANIFEST}, next to the
 * {@code prefect.yaml} it wrote) lists them. Its deployments are named after the legacy jobs' scan ids; once the
 * cleanup phase deleted a job's crontab or unit the scan no longer finds the job, and the manifest is the only place
 * that still says which job (by name) a deployment replaces. Without it the deployment would become a job of its
 * own, cut off from the evidence recorded under the job's name.
 */
public final class RetiredJobs {
    /** The manifest's file name; the legacy recipe writes it under this name. */
    public static final String MANIFEST = "legacy-jobs.yaml";
    /** How the manifest's first line starts: a file of that name that does not is someone else's. */
    static final String HEADER = "# Written by migrate";

    private RetiredJobs() {
    }

    /**
     * Scan id to job name of every job a manifest next to one of the inventory's Prefect 3 deployment files lists,
     * in the order the manifests list them. Unreadable or foreign manifests give nothing: they are the recipe's
     * bookkeeping, and the inventory stays the truth for every job it still finds.
     */
    public static Map<String, String> read(Path root, Inventory inventory) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String manifest : manifests(inventory)) {
            parse(root.resolve(manifest)).forEach((id, job) -> names.putIfAbsent(id, job.name()));
        }
        return names;
    }

    /**
     * By scan id, the jobs whose legacy definition (the crontab or unit the job was read from) the manifest lists as
     * deleted by the cleanup and the tree no longer has, with the evidence to show for it.
     */
    public static Map<String, String> deleted(Path root, Inventory inventory) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String manifest : manifests(inventory)) {
            parse(root.resolve(manifest)).forEach((id, job) -> {
                if (job.removed() && !Files.exists(root.resolve(job.source()))) {
                    out.putIfAbsent(id, "legacy definition " + job.source() + " deleted by migrate's cleanup (" + manifest + ")");
                }
            });
        }
        return out;
    }

    /**
     * The in-process scheduler jobs (APScheduler, schedule, Celery beat; Spring and Quartz) the manifest lists that the
     * scan no longer finds: the cutover phase comments the Python registrations out, and the cleanup deletes their
     * scripts; the team removes the scheduled methods from a JVM application (the recipe leaves its code to them). The
     * service that ran their scheduler still hosts them, so it keeps following their gates instead of becoming a job of
     * its own: each keeps the unit the manifest recorded for it ({@link SchedulerServices#SERVICE}), the link the scan
     * records on the jobs it still finds.
     */
    public static List<Job> inProcess(Path root, Inventory inventory) {
        Set<String> present = new HashSet<>();
        inventory.jobs().forEach(j -> present.add(j.id()));
        List<Job> out = new ArrayList<>();
        for (String manifest : manifests(inventory)) {
            parse(root.resolve(manifest)).forEach((id, job) -> {
                boolean jvm = job.kind() != null && JvmServices.IN_JVM.contains(job.kind());
                if (!present.contains(id) && job.kind() != null && (SchedulerServices.IN_PROCESS.contains(job.kind()) || jvm)) {
                    // the unit the manifest recorded, as the scan records it on the jobs it still finds
                    Map<String, String> attributes = job.service() != null
                            ? Map.of(SchedulerServices.SERVICE, job.service()) : Map.of();
                    out.add(new Job(id, job.kind(), job.name(), SourceRef.at(job.source(), 1, 1), job.schedules(), null, null,
                            Map.of(), null, Overlap.UNKNOWN, List.of(), attributes));
                    present.add(id);
                }
            });
        }
        return out;
    }

    /**
     * A job as the manifest lists it: its name, kind (null when unknown), the file it was read from, whether the
     * cleanup deleted that file, its schedules as the scan read them (the rollback lists the runs they missed), and the
     * unit of the service that ran its scheduler ({@link SchedulerServices#SERVICE}; null when none).
     */
    record Listed(String name, JobKind kind, String source, boolean removed, List<ScheduleSpec> schedules,
                  String service) {
    }

    private static TreeSet<String> manifests(Inventory inventory) {
        TreeSet<String> manifests = new TreeSet<>();
        for (Job j : inventory.jobs()) {
            if (j.kind() == JobKind.PREFECT3_DEPLOYMENT && j.source() != null && j.source().path() != null) {
                String path = j.source().path();
                int slash = path.lastIndexOf('/');
                manifests.add((slash < 0 ? "" : path.substring(0, slash + 1)) + MANIFEST);
            }
        }
        return manifests;
    }

    static Map<String, Listed> parse(Path file) {
        Map<String, Listed> names = new LinkedHashMap<>();
        String text;
        try {
            if (!Files.isRegularFile(file)) {
                return names;
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            return names;
        }
        if (!text.startsWith(HEADER)) {
            return names;
        }
        Object loaded;
        try {
            loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (RuntimeException e) {
            return names;
        }
        if (loaded instanceof Map<?, ?> root && root.get("jobs") instanceof java.util.List<?> jobs) {
            java.util.Set<String> removed = new java.util.HashSet<>();
            if (root.get("removed") instanceof java.util.List<?> r) {
                r.forEach(x -> removed.add(String.valueOf(x)));
            }
            for (Object o : jobs) {
                if (o instanceof Map<?, ?> m && m.get("id") instanceof String id && m.get("name") instanceof String name) {
                    String source = m.get("source") instanceof Map<?, ?> src && src.get("path") instanceof String p ? p : "";
                    JobKind kind = null;
                    try {
                        kind = m.get("kind") instanceof String k ? JobKind.valueOf(k) : null;
                    } catch (IllegalArgumentException e) {
                        // a kind this version does not know: the job is still named, it is just not hosted by a service
                    }
                    Object attributes = m.get("attributes");
                    String service = attributes instanceof Map<?, ?> a && a.get(SchedulerServices.SERVICE) instanceof String u
                            ? u : null;
                    names.putIfAbsent(id, new Listed(name, kind, source, !source.isEmpty() && removed.contains(source),
                            schedules(m.get("schedules"), source), service));
                }
            }
        }
        return names;
    }

    /** The schedules a manifest entry lists; one it cannot read is left out (the manifest is bookkeeping, not truth). */
    private static List<ScheduleSpec> schedules(Object listed, String source) {
        List<ScheduleSpec> out = new ArrayList<>();
        if (listed instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> s && s.get("form") instanceof String form && s.get("expression") instanceof String e) {
                    try {
                        out.add(new ScheduleSpec(ScheduleSpec.Form.valueOf(form), e,
                                s.get("timezone") instanceof String z ? z : null, SourceRef.at(source, 1, 1)));
                    } catch (IllegalArgumentException unknownForm) {
                        // a form this version does not know
                    }
                }
            }
        }
        return List.copyOf(out);
    }
}
