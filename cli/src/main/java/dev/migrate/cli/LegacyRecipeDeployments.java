package dev.migrate.cli;

import dev.migrate.analyzers.cutover.CutoverJob;
import dev.migrate.analyzers.cutover.PlannedDeployment;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.engine.ProjectFiles;
import dev.migrate.recipes.legacy.internal.JobPlan;
import dev.migrate.recipes.legacy.internal.LegacyEstate;
import dev.migrate.recipes.legacy.internal.Phase;
import dev.migrate.recipes.legacy.internal.Plan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import dev.migrate.analyzers.schedule.PrefectSchedule;
import dev.migrate.recipes.legacy.internal.PlannedSchedule;
import dev.migrate.recipes.legacy.internal.ScheduleOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The deployments {@code migrate rewrite --recipe dev.migrate.prefect.MoveLegacySchedulersToPrefect3DualRun} would
 * write for the estate's legacy jobs, with the recipe's default options: the recipe's own plan, computed in memory and
 * never written, so that the cutover plan names each job's deployment as the rewrite will create it (deployment
 * {@code cron-nightly-load-8c14374c} of flow {@code nightly-load} in {@code prefect/prefect.yaml}) instead of a
 * {@code FLOW/nightly-load} placeholder. A job the recipe leaves alone gets no entry.
 */
final class LegacyRecipeDeployments {
    /** The dual-run phase of the legacy recipe, as {@code migrate rewrite --recipe} takes it. */
    static final String RECIPE = "dev.migrate.prefect.MoveLegacySchedulersToPrefect3DualRun";
    /** The recipe's default outputDirectory. */
    private static final String OUTPUT = LegacyEstate.Options.DEFAULT_OUTPUT_DIR;
    /** The recipe's default offsetMinutes: the dual run's schedules this much after the legacy ones. */
    private static final int OFFSET_MINUTES = LegacyEstate.Options.DEFAULT_OFFSET_MINUTES;

    private LegacyRecipeDeployments() {
    }

    /**
     * By legacy scan id (a sleep loop's, which the recipe gives an id of its own, also by its key), what the recipe
     * writes; empty for a path that is no directory.
     */
    static Map<String, PlannedDeployment> of(Path root, ZoneId hostZone, Instant now) {
        if (!Files.isDirectory(root)) {
            return Map.of();
        }
        Path base = root.toAbsolutePath().normalize();
        ProjectFiles files = ProjectFiles.walk(base);
        LegacyEstate estate = new LegacyEstate();
        for (Path file : files.files()) {
            try {
                if (Files.size(file) > 5L * 1024 * 1024) {
                    continue;
                }
                byte[] bytes = Files.readAllBytes(file);
                if (binary(bytes)) {
                    continue;
                }
                estate.add(base.relativize(file).toString().replace('\\', '/'), new String(bytes, StandardCharsets.UTF_8));
            } catch (IOException e) {
                // unreadable: the recipe would not read it either
            }
        }
        Map<String, String> links = new LinkedHashMap<>();
        files.links().forEach(l -> links.put(base.relativize(l).toString().replace('\\', '/'), files.linkTarget(l)));
        estate.links(links);
        Plan plan;
        try {
            plan = estate.plan(new LegacyEstate.Options(Phase.DUAL_RUN, OFFSET_MINUTES, LegacyEstate.Options.DEFAULT_SANDBOX_ROOT, OUTPUT,
                    now.atOffset(ZoneOffset.UTC).toLocalDate(), hostZone, LegacyEstate.Options.DEFAULT_POOL_PREFIX, PrefectTarget.defaultTarget().pin(),
                    null, false, false));
        } catch (RuntimeException e) {
            // the rewrite itself would report this (exit 4); the plan still stands, with the placeholders it says to fill in
            return Map.of();
        }
        Map<String, PlannedDeployment> out = new LinkedHashMap<>();
        for (JobPlan p : plan.jobs()) {
            PlannedDeployment d = new PlannedDeployment(p.flowName(), p.deploymentName(), OUTPUT + "/prefect.yaml", RECIPE,
                    OFFSET_MINUTES, schedules(p));
            out.put(p.job().id(), d);
            if (p.job().kind() == JobKind.PYTHON_SLEEP_LOOP) {
                out.putIfAbsent(CutoverJob.keyOf(p.job().name()), d);
            }
        }
        return out;
    }

    /** The dual-run schedules the recipe writes into the job's deployment, as prefect.yaml will hold them. */
    private static List<PlannedDeployment.Schedule> schedules(JobPlan p) {
        List<PlannedDeployment.Schedule> out = new ArrayList<>();
        for (PlannedSchedule s : p.schedules()) {
            PrefectSchedule target = s.target(Phase.DUAL_RUN);
            if (target != null) {
                out.add(PlannedDeployment.Schedule.of(s.spec().expression(), target.toYaml(),
                        s.shifted().map(ScheduleOffset.Shifted::minutes).orElse(0)));
            }
        }
        return out;
    }

    private static boolean binary(byte[] bytes) {
        for (int i = 0, n = Math.min(bytes.length, 8192); i < n; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }
}
