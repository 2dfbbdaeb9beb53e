package dev.migrate.recipes.legacy;

import dev.migrate.recipes.DeletedFiles;
import dev.migrate.recipes.DeletedLinks;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.legacy.internal.NoteRows;
import dev.migrate.recipes.legacy.internal.LegacyEstate;
import dev.migrate.recipes.legacy.internal.Phase;
import dev.migrate.recipes.legacy.internal.Plan;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.openrewrite.ExecutionContext;
import org.openrewrite.Option;
import org.openrewrite.ScanningRecipe;
import org.openrewrite.SourceFile;
import org.openrewrite.Tree;
import org.openrewrite.TreeVisitor;
import org.openrewrite.Validated;
import org.openrewrite.text.PlainText;
import org.openrewrite.text.PlainTextParser;
import org.openrewrite.yaml.YamlParser;
import org.openrewrite.yaml.tree.Yaml;

/**
 * Generates a Prefect 3 project (one flow module and one deployment per job, schedules proven equal) for the jobs of
 * a legacy estate (cron, anacron and run-parts, systemd timers, sleep loops, the schedule library, APScheduler, Celery
 * beat, Civis scripts, Spring and Quartz), and moves the legacy side in the chosen phase: dual-run leaves it alone,
 * cutover comments crontab entries and scheduler registrations under a marker and emits the script that stops the
 * timers, cleanup also deletes what no longer runs anything. Every phase writes its rollback steps.
 */
public class MoveLegacySchedulersToPrefect3 extends ScanningRecipe<LegacyEstate> {
    private final transient MigrationNotes notes = new MigrationNotes(this);

    @Option(displayName = "Phase", description = "dual-run, cutover or cleanup.", valid = {"dual-run", "cutover", "cleanup"},
            example = "dual-run")
    private final String phase;

    @Option(displayName = "Dual-run offset in minutes",
            description = "How much later the new deployments run than the legacy jobs in the dual-run phase (0-59). Default 15.",
            required = false, example = "15")
    private final Integer offsetMinutes;

    @Option(displayName = "Sandbox root", description = "Where dual-run flow runs write their outputs. Default /srv/prefect-sandbox.",
            required = false, example = "/srv/prefect-sandbox")
    private final String sandboxRoot;

    @Option(displayName = "Output directory", description = "Directory of the generated Prefect project. Default prefect.",
            required = false, example = "prefect")
    private final String outputDirectory;

    @Option(displayName = "As of", description = "The date written into crontab markers and where the schedule proofs start "
            + "(yyyy-mm-dd). Default today (UTC).", required = false, example = "2026-11-21")
    private final String asOf;

    /** The zone read when {@link #hostZone} is not given: the recipe reads no setting of the JVM it runs in. */
    static final String DEFAULT_HOST_ZONE = "UTC";

    @Option(displayName = "Host zone", description = "IANA zone of the legacy host, for schedules without one. Default UTC. "
            + "migrate rewrite fills it in when not given: its --host-zone, else -Dmigrate.hostZone on its command line, "
            + "else the tree's etc/timezone or etc/localtime link (as scan reads them), else UTC.",
            required = false, example = "Europe/Berlin")
    private final String hostZone;

    @Option(displayName = "Task map limit",
            description = "Wrap per-item loops of Civis Python scripts into task.map, at most this many items at a time. Default: loops stay as they are.",
            required = false, example = "4")
    private final Integer taskMapLimit;

    @Option(displayName = "prefect-shell", description = "Run shell commands with prefect_shell.ShellOperation instead of subprocess "
            + "(prefect-shell goes into the generated requirements.txt). Default false.", required = false, example = "true")
    private final Boolean prefectShell;

    @Option(displayName = "Work pool prefix", description = "Generated work pools are named PREFIX-USER, one per user "
            + "the legacy jobs ran as. Default legacy-host.", required = false, example = "etl-box")
    private final String poolPrefix;

    @Option(displayName = "Secret blocks created", description = "In the cleanup phase, also delete the legacy files that "
            + "hold what the Secret blocks the flows read must contain (a command with a credential, a password variable). "
            + "Give it once every block listed in MIGRATION.md exists. Default false: those files are kept.",
            required = false, example = "true")
    private final Boolean secretBlocksCreated;

    public MoveLegacySchedulersToPrefect3(String phase, Integer offsetMinutes, String sandboxRoot, String outputDirectory,
                                          String asOf, String hostZone) {
        this(phase, offsetMinutes, sandboxRoot, outputDirectory, asOf, hostZone, null, null);
    }

    public MoveLegacySchedulersToPrefect3(String phase, Integer offsetMinutes, String sandboxRoot, String outputDirectory,
                                          String asOf, String hostZone, Integer taskMapLimit, Boolean prefectShell) {
        this(phase, offsetMinutes, sandboxRoot, outputDirectory, asOf, hostZone, taskMapLimit, prefectShell, null, null);
    }

    public MoveLegacySchedulersToPrefect3(String phase, Integer offsetMinutes, String sandboxRoot, String outputDirectory,
                                          String asOf, String hostZone, Integer taskMapLimit, Boolean prefectShell,
                                          String poolPrefix) {
        this(phase, offsetMinutes, sandboxRoot, outputDirectory, asOf, hostZone, taskMapLimit, prefectShell, poolPrefix, null);
    }

    @JsonCreator
    public MoveLegacySchedulersToPrefect3(@JsonProperty("phase") String phase,
                                          @JsonProperty("offsetMinutes") Integer offsetMinutes,
                                          @JsonProperty("sandboxRoot") String sandboxRoot,
                                          @JsonProperty("outputDirectory") String outputDirectory,
                                          @JsonProperty("asOf") String asOf,
                                          @JsonProperty("hostZone") String hostZone,
                                          @JsonProperty("taskMapLimit") Integer taskMapLimit,
                                          @JsonProperty("prefectShell") Boolean prefectShell,
                                          @JsonProperty("poolPrefix") String poolPrefix,
                                          @JsonProperty("secretBlocksCreated") Boolean secretBlocksCreated) {
        this.secretBlocksCreated = secretBlocksCreated;
        this.poolPrefix = poolPrefix;
        this.taskMapLimit = taskMapLimit;
        this.prefectShell = prefectShell;
        this.phase = phase;
        this.offsetMinutes = offsetMinutes;
        this.sandboxRoot = sandboxRoot;
        this.outputDirectory = outputDirectory;
        this.asOf = asOf;
        this.hostZone = hostZone;
    }

    public String getPoolPrefix() {
        return poolPrefix;
    }

    public String getPhase() {
        return phase;
    }

    public Integer getOffsetMinutes() {
        return offsetMinutes;
    }

    public String getSandboxRoot() {
        return sandboxRoot;
    }

    public String getOutputDirectory() {
        return outputDirectory;
    }

    public String getAsOf() {
        return asOf;
    }

    public String getHostZone() {
        return hostZone;
    }

    /** This recipe with {@code zone} as its host zone, every other option as it is. */
    public MoveLegacySchedulersToPrefect3 withHostZone(String zone) {
        return new MoveLegacySchedulersToPrefect3(phase, offsetMinutes, sandboxRoot, outputDirectory, asOf, zone, taskMapLimit,
                prefectShell, poolPrefix, secretBlocksCreated);
    }

    public Integer getTaskMapLimit() {
        return taskMapLimit;
    }

    public Boolean getPrefectShell() {
        return prefectShell;
    }

    public Boolean getSecretBlocksCreated() {
        return secretBlocksCreated;
    }

    @Override
    public String getDisplayName() {
        return "Move legacy scheduled jobs to Prefect 3";
    }

    @Override
    public String getDescription() {
        return "Generates flows, a prefect.yaml with proven-equal schedules, MIGRATION.md and ROLLBACK.md for cron, anacron, "
                + "systemd-timer, in-process scheduler, Civis and Spring/Quartz jobs, and moves the legacy side in the dual-run, "
                + "cutover or cleanup phase.";
    }

    @Override
    public Validated<Object> validate() {
        Validated<Object> v = super.validate();
        if (phase != null) {
            try {
                Phase.of(phase);
            } catch (IllegalArgumentException e) {
                v = v.and(Validated.invalid("phase", phase, e.getMessage()));
            }
        }
        if (offsetMinutes != null && (offsetMinutes < 0 || offsetMinutes > 59)) {
            v = v.and(Validated.invalid("offsetMinutes", offsetMinutes, "must be between 0 and 59"));
        }
        if (taskMapLimit != null && taskMapLimit < 1) {
            v = v.and(Validated.invalid("taskMapLimit", taskMapLimit, "must be 1 or more"));
        }
        if (asOf != null) {
            try {
                LocalDate.parse(asOf);
            } catch (DateTimeException e) {
                v = v.and(Validated.invalid("asOf", asOf, "must be a date like 2026-11-21"));
            }
        }
        if (hostZone != null) {
            try {
                ZoneId.of(hostZone);
            } catch (DateTimeException e) {
                v = v.and(Validated.invalid("hostZone", hostZone, "must be an IANA zone like Europe/Berlin"));
            }
        }
        if (outputDirectory != null && (outputDirectory.isBlank() || outputDirectory.startsWith("/") || outputDirectory.contains(".."))) {
            v = v.and(Validated.invalid("outputDirectory", outputDirectory, "must be a relative path inside the project"));
        }
        return v;
    }

    @Override
    public LegacyEstate getInitialValue(ExecutionContext ctx) {
        return new LegacyEstate();
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getScanner(LegacyEstate acc) {
        return new TreeVisitor<Tree, ExecutionContext>() {
            @Override
            public Tree visit(Tree tree, ExecutionContext ctx) {
                if (tree instanceof SourceFile sf) {
                    acc.add(path(sf), sf.printAll());
                }
                return tree;
            }
        };
    }

    @Override
    public Collection<? extends SourceFile> generate(LegacyEstate acc, ExecutionContext ctx) {
        List<SourceFile> created = new ArrayList<>();
        Plan plan = plan(acc, ctx);
        if (acc.firstReport()) {
            NoteRows.of(plan, getName(), acc.codes(), path -> plan.files().getOrDefault(path, acc.text(path)))
                    .forEach(row -> notes.insertRow(ctx, row));
        }
        // links are no source files: the engine deletes those the cleanup deletes (a dump's timers.target.wants/etl.timer)
        plan.deleted().stream().filter(acc::isLink).forEach(link -> DeletedLinks.delete(ctx, link, this));
        for (Map.Entry<String, String> e : plan.files().entrySet()) {
            if (!acc.exists(e.getKey())) {
                created.add(parse(e.getKey(), e.getValue(), ctx));
            }
        }
        return created;
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getVisitor(LegacyEstate acc) {
        return new TreeVisitor<Tree, ExecutionContext>() {
            @Override
            public Tree visit(Tree tree, ExecutionContext ctx) {
                if (!(tree instanceof SourceFile sf)) {
                    return tree;
                }
                Plan plan = plan(acc, ctx);
                String path = path(sf);
                if (plan.deleted().contains(path)) {
                    return DeletedFiles.delete(ctx, sf, MoveLegacySchedulersToPrefect3.this);
                }
                String wanted = plan.files().get(path);
                if (wanted == null || wanted.equals(sf.printAll())) {
                    return tree;
                }
                return parse(path, wanted, ctx).withId(sf.getId());
            }
        };
    }

    private Plan plan(LegacyEstate acc, ExecutionContext ctx) {
        acc.links(dev.migrate.recipes.ProjectPaths.from(ctx).map(dev.migrate.recipes.ProjectPaths::linkTargets).orElse(Map.of()));
        return acc.plan(new LegacyEstate.Options(Phase.of(phase), offsetMinutes == null ? LegacyEstate.Options.DEFAULT_OFFSET_MINUTES : offsetMinutes,
                sandboxRoot == null ? LegacyEstate.Options.DEFAULT_SANDBOX_ROOT : sandboxRoot.replaceAll("/+$", ""),
                outputDirectory == null ? LegacyEstate.Options.DEFAULT_OUTPUT_DIR : outputDirectory,
                asOf == null ? LocalDate.now(ZoneOffset.UTC) : LocalDate.parse(asOf),
                ZoneId.of(hostZone == null ? DEFAULT_HOST_ZONE : hostZone),
                poolPrefix == null || poolPrefix.isBlank() ? LegacyEstate.Options.DEFAULT_POOL_PREFIX : poolPrefix.strip(),
                PrefectTarget.from(ctx).pin(), taskMapLimit, Boolean.TRUE.equals(prefectShell),
                Boolean.TRUE.equals(secretBlocksCreated)));
    }

    private static String path(SourceFile sf) {
        return sf.getSourcePath().toString().replace('\\', '/');
    }

    private static SourceFile parse(String path, String text, ExecutionContext ctx) {
        if (path.endsWith(".yaml") || path.endsWith(".yml")) {
            Yaml.Documents docs = YamlParser.builder().build().parse(ctx, text).map(Yaml.Documents.class::cast)
                    .findFirst().orElseThrow();
            return docs.withSourcePath(Path.of(path));
        }
        PlainText t = PlainTextParser.builder().build().parse(ctx, text).map(PlainText.class::cast).findFirst().orElseThrow();
        return t.withSourcePath(Path.of(path));
    }
}
