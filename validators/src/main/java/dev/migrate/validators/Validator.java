package dev.migrate.validators;

import dev.migrate.validators.compare.BooleanColumns;
import dev.migrate.validators.compare.CopiedDecimals;
import dev.migrate.validators.compare.DatasetPlan;
import dev.migrate.validators.compare.DeclaredIntegers;
import dev.migrate.validators.compare.EmbeddedComparison;
import dev.migrate.validators.compare.RemoteComparison;
import dev.migrate.validators.compare.Verdicts;
import dev.migrate.validators.config.ConnectionConfig;
import dev.migrate.validators.config.CsvOptions;
import dev.migrate.validators.config.DatasetConfig;
import dev.migrate.validators.config.JobConfig;
import dev.migrate.validators.config.RunRef;
import dev.migrate.validators.config.SideConfig;
import dev.migrate.validators.config.ValidateConfig;
import dev.migrate.validators.engine.DatabaseSides;
import dev.migrate.validators.engine.DuckDbSession;
import dev.migrate.validators.engine.EngineSettings;
import dev.migrate.validators.engine.CsvDefaults;
import dev.migrate.validators.engine.CsvDelimiterCheck;
import dev.migrate.validators.engine.ExactNumbers;
import dev.migrate.validators.engine.StructFieldOrder;
import dev.migrate.validators.engine.FileFormat;
import dev.migrate.validators.engine.TranscodedFiles;
import dev.migrate.validators.engine.FileLoader;
import dev.migrate.validators.engine.FooterBounds;
import dev.migrate.validators.engine.LineEndings;
import dev.migrate.validators.engine.PairedScan;
import dev.migrate.validators.engine.RelationLoader;
import dev.migrate.validators.engine.SideBySide;
import dev.migrate.validators.engine.StreamingScan;
import dev.migrate.validators.paths.OutputFile;
import dev.migrate.validators.paths.OutputLister;
import dev.migrate.validators.paths.PathCheck;
import dev.migrate.validators.paths.PathNormalizer;
import dev.migrate.validators.query.Column;
import dev.migrate.validators.query.RowDiffQuery;
import dev.migrate.validators.query.Sql;
import dev.migrate.validators.query.Dialect;
import dev.migrate.validators.query.Statement;
import dev.migrate.validators.result.Check;
import dev.migrate.validators.result.CheckResult;
import dev.migrate.validators.result.JobResult;
import dev.migrate.validators.result.Status;
import dev.migrate.validators.result.ValidationReport;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Runs the checks of a config, job by job: paths, then per dataset counts, schema, aggregates, key
 * diff and order. Configuration, query building, execution, comparison and output live in their own
 * packages; this class only sequences them.
 */
public final class Validator {
    private final EngineSettings settings;
    private final UnaryOperator<String> env;

    public Validator(EngineSettings settings) {
        this(settings, System::getenv);
    }

    /** @param env looks up the environment variables that hold database credentials */
    public Validator(EngineSettings settings, UnaryOperator<String> env) {
        this.settings = settings;
        this.env = env;
    }

    /**
     * Validates every selected job. An output that cannot be compared (an empty or malformed file) fails its dataset
     * and the run goes on with the other datasets and jobs; the whole report then comes with the
     * {@link JobInputException}, so that it can be recorded and shown before the error ends the command.
     */
    public ValidationReport run(ValidateConfig config, RunOverrides overrides) {
        Instant started = Instant.now();
        List<JobResult> jobs = new ArrayList<>();
        List<BadInputException> unreadable = new ArrayList<>();
        for (JobConfig job : selected(config, overrides)) {
            jobs.add(runJob(config, job, overrides, unreadable));
        }
        ValidationReport report = new ValidationReport(ValidationReport.SCHEMA_VERSION, config.file().toString(),
                started.toString(), Instant.now().toString(), List.copyOf(jobs));
        if (!unreadable.isEmpty()) {
            throw new JobInputException(unreadable, report);
        }
        return report;
    }

    /** The SQL each side would run, without reading any data (schemas are sniffed). */
    public List<PlannedStatement> dryRun(ValidateConfig config, RunOverrides overrides) {
        List<PlannedStatement> out = new ArrayList<>();
        for (JobConfig job : selected(config, overrides)) {
            Sides sides = sides(config, job, overrides);
            for (DatasetConfig ds : job.datasets()) {
                try (DuckDbSession session = DuckDbSession.open(settings)) {
                    out.addAll(planDataset(config, job, ds, sides, session));
                }
            }
        }
        return out;
    }

    private static List<JobConfig> selected(ValidateConfig config, RunOverrides overrides) {
        for (String name : overrides.jobs()) {
            if (config.jobs().stream().noneMatch(j -> j.name().equals(name))) {
                throw new ConfigException("--job " + name + ": no such job in " + config.file() + " (jobs: "
                        + String.join(", ", config.jobs().stream().map(JobConfig::name).toList()) + ")");
            }
        }
        return config.jobs().stream()
                .filter(j -> overrides.jobs().isEmpty() || overrides.jobs().contains(j.name()))
                .toList();
    }

    /** The outputs of both sides of a job, restricted to the compared runs when a run window is set. */
    private record Sides(RunRef legacyRun, RunRef newRun, List<OutputFile> legacy, List<OutputFile> current) {
    }

    private Sides sides(ValidateConfig config, JobConfig job, RunOverrides o) {
        RunRef legacyRun = o.legacyRun() != null ? o.legacyRun() : job.legacy().run();
        RunRef newRun = o.newRun() != null ? o.newRun() : job.current().run();
        PathNormalizer normalizer = new PathNormalizer(job.pathRules());
        List<OutputFile> legacy = outputs(config, job, job.legacy(), legacyRun, normalizer, true);
        List<OutputFile> current = outputs(config, job, job.current(), newRun, normalizer, false);
        return new Sides(inferred(legacyRun, legacy), inferred(newRun, current), legacy, current);
    }

    private List<OutputFile> outputs(ValidateConfig config, JobConfig job, SideConfig side, RunRef run,
            PathNormalizer normalizer, boolean legacySide) {
        if (!(config.connection(side.connection()) instanceof ConnectionConfig.Directory dir)) {
            return List.of();
        }
        Path root = side.root().isEmpty() ? dir.root() : dir.root().resolve(side.root());
        if (!java.nio.file.Files.isDirectory(root)) {
            // name the key to fix: the connection's path, or the side's root under it
            String key = !java.nio.file.Files.isDirectory(dir.root()) ? "connections." + dir.name() + ".path"
                    : "jobs[" + config.jobs().indexOf(job) + "]." + (legacySide ? "legacy" : "new") + ".root";
            throw new EnvironmentException(root + ": output location not found or not a directory (" + key
                    + ", connection '" + dir.name() + "'); check the path in the config and that the location is "
                    + "mounted.");
        }
        List<OutputFile> all = OutputLister.list(root, side.outputs(), normalizer, legacySide);
        if (job.runWindow() == null || run.scheduled() == null) {
            return all;
        }
        Instant from = run.scheduled().minus(job.runWindow());
        Instant to = run.scheduled().plus(job.runWindow());
        // a file named by a date alone (extract_2024-03-01.json) belongs to every run of that day, not only to runs
        // within the window of its midnight: a daily run at 23:00 with a PT2H window wrote it too
        return all.stream().filter(f -> f.stampedWithin(from, to)).toList();
    }

    /** With no run named, the evidence still says which run was compared: the latest time stamped in its outputs. */
    private static RunRef inferred(RunRef run, List<OutputFile> files) {
        if (run.runId() != null || run.scheduled() != null) {
            return run;
        }
        return files.stream().map(OutputFile::stamped).filter(java.util.Objects::nonNull).max(Instant::compareTo)
                .map(at -> new RunRef(null, at)).orElse(run);
    }

    /** The job's checks; a dataset whose outputs cannot be compared is a failed check, its error added to {@code unreadable}. */
    private JobResult runJob(ValidateConfig config, JobConfig job, RunOverrides overrides,
            List<BadInputException> unreadable) {
        Sides sides = sides(config, job, overrides);
        List<CheckResult> checks = new ArrayList<>();
        boolean files = config.connection(job.legacy().connection()) instanceof ConnectionConfig.Directory
                && config.connection(job.current().connection()) instanceof ConnectionConfig.Directory;
        if (files && job.datasets().isEmpty() && sides.legacy().isEmpty() && sides.current().isEmpty()) {
            // "the same 0 outputs" is no evidence: a run window or glob that selects nothing would read as parity
            checks.add(CheckResult.of(null, Check.PATHS, "outputs", Status.FAIL, "no output on either side, so "
                    + "nothing was compared; check the job's outputs globs" + (job.runWindow() == null ? "" : " and its "
                    + "run references: only outputs stamped within run_window " + job.runWindow() + " of each "
                    + "scheduled time belong to that run")).withValues("0", "0", null, null));
        } else if (files) {
            List<Path> mapped = mappedByDatasets(job, sides);
            checks.addAll(PathCheck.compare(
                    sides.legacy().stream().filter(f -> !mapped.contains(f.file())).toList(),
                    sides.current().stream().filter(f -> !mapped.contains(f.file())).toList()));
        }
        for (DatasetConfig ds : job.datasets()) {
            try {
                checks.addAll(compareDataset(config, job, ds, sides));
            } catch (BadInputException e) {
                BadInputException located = located(e, ds);
                // the outputs of these runs cannot be compared: a red run to record, not only an error to print
                checks.add(CheckResult.of(ds.name(), Check.PATHS, ds.name(), Status.FAIL,
                        "cannot compare the outputs: " + located.getMessage()));
                unreadable.add(located);
            }
        }
        return new JobResult(job.name(), UUID.randomUUID().toString(), sides.legacyRun().toString(),
                sides.newRun().toString(), List.copyOf(checks), job.contract());
    }

    /**
     * The error with the dataset's config path, when it names only a file (a malformed or truncated output): the
     * reader then knows which dataset of which job read it, and where to change how it is read.
     */
    private static BadInputException located(BadInputException e, DatasetConfig ds) {
        if (e.getMessage() == null || e.getMessage().contains(ds.configPath())) {
            return e;
        }
        return new BadInputException(e.getMessage() + " (" + ds.configPath() + ", dataset '" + ds.name() + "')", e);
    }

    /**
     * A new output that repeats a key its legacy output holds once is a mismatch, recorded like any other: left as an
     * error, the run would record nothing, and a parity gate proven before would stay proven.
     */
    private List<CheckResult> compareDataset(ValidateConfig config, JobConfig job, DatasetConfig configured,
            Sides sides) {
        List<Path> legacyFiles = datasetFiles(configured.legacy(), sides.legacy());
        List<Path> newFiles = datasetFiles(configured.current(), sides.current());
        DatasetConfig ds = CsvDefaults.resolve(configured, legacyFiles, newFiles);
        if (legacyFiles != null && !legacyFiles.isEmpty() && newFiles != null && !newFiles.isEmpty()) {
            CsvDelimiterCheck.check(legacyFiles, ds.csv("legacy"), newFiles, ds.csv("new"));
        }
        // files in an encoding the engine cannot read are compared through UTF-8 copies, which no message names
        try (TranscodedFiles l = TranscodedFiles.of(legacyFiles, ds.csv("legacy"));
                TranscodedFiles n = TranscodedFiles.of(newFiles, ds.csv("new"))) {
            DatasetConfig read = ds.withCsv(l.csv(), n.csv());
            try {
                List<CheckResult> out = new ArrayList<>(compareDataset(config, job, read, l.files(), n.files()).stream()
                        .map(r -> new CheckResult(r.dataset(), r.check(), r.subject(), n.original(l.original(
                                r.legacyValue())), n.original(l.original(r.newValue())), r.difference(), r.threshold(),
                                r.status(), n.original(l.original(r.message())), r.samples()))
                        .toList());
                lineEndingNote(ds, legacyFiles, newFiles).ifPresent(out::add);
                return out;
            } catch (BadInputException e) {
                String message = n.original(l.original(e.getMessage()));
                throw message.equals(e.getMessage()) ? e : new BadInputException(message, e);
            }
        }
    }

    /**
     * When one side's CSV files end their lines with {@code \r\n} and the other's do not, the evidence says how
     * the line breaks inside quoted values were compared: as {@code \n} (the default), or as written.
     */
    private static java.util.Optional<CheckResult> lineEndingNote(DatasetConfig ds, List<Path> legacyFiles,
            List<Path> newFiles) {
        if (legacyFiles != null && legacyFiles.isEmpty() || newFiles != null && newFiles.isEmpty()) {
            return java.util.Optional.empty(); // a side without files is reported as such, and no read compared lines
        }
        String legacy = LineEndings.of(legacyFiles, ds.csv("legacy")).orElse(null);
        String current = LineEndings.of(newFiles, ds.csv("new")).orElse(null);
        if (java.util.Objects.equals(legacy, current) || !"\r\n".equals(legacy) && !"\r\n".equals(current)) {
            return java.util.Optional.empty();
        }
        boolean strict = ds.csv("legacy").strictLineEndings() || ds.csv("new").strictLineEndings();
        String l = legacy == null ? "the legacy output is not CSV" : "legacy CSV lines end with " + shown(legacy);
        String n = current == null ? "the new output is not CSV" : "new CSV lines end with " + shown(current);
        return java.util.Optional.of(CheckResult.of(ds.name(), Check.SCHEMA, "line endings", Status.INFO,
                l + ", " + n + "; " + (strict
                        ? "line breaks inside quoted values are compared as written (csv.strict_line_endings: true)"
                        : "a line break inside a quoted value is read as \\n on both sides, so \\r\\n against \\n "
                                + "is no difference (csv.strict_line_endings: true compares them as written)"))
                .withValues(legacy == null ? null : shown(legacy), current == null ? null : shown(current), null,
                        strict ? "strict" : "\\r\\n read as \\n"));
    }

    private static String shown(String lineEnding) {
        return lineEnding.replace("\r", "\\r").replace("\n", "\\n");
    }

    private List<CheckResult> compareDataset(ValidateConfig config, JobConfig job, DatasetConfig ds,
            List<Path> legacyFiles, List<Path> newFiles) {
        try {
            return Verdicts.explainedByRowDiff(compareDatasetOrThrow(config, job, ds, legacyFiles, newFiles));
        } catch (DuplicateKeyException e) {
            if (!"new".equals(e.side())) {
                throw e;
            }
            // The repeat ends the key diff, not the other checks: a changed type or a dropped row must not wait for
            // the next run to be seen. They are compared as without a key; their aggregates stay failures, as no
            // key diff compared the values they summarise.
            List<CheckResult> out = new ArrayList<>(compareDatasetOrThrow(config, job, keyless(ds), legacyFiles,
                    newFiles));
            out.add(CheckResult.of(ds.name(), Check.ROW_DIFF, "rows", Status.FAIL, e.asFinding())
                    .withValues(null, null, "repeated keys", "exact"));
            return out;
        }
    }

    /** The dataset compared without its key: no key diff (and so no order check, which pairs rows by key). */
    private static DatasetConfig keyless(DatasetConfig ds) {
        return new DatasetConfig(ds.name(), ds.configPath(), ds.legacy(), ds.current(), List.of(), ds.ignoreColumns(),
                ds.tolerances(), ds.rowCount(), ds.allowNewColumns(), false, ds.allowEmpty(), ds.csv(), ds.newCsv(),
                ds.renameColumns(), ds.acceptTypeChanges(), ds.ignoreColumnCase(), ds.strictFieldOrder(),
                ds.jsonColumns());
    }

    private List<CheckResult> compareDatasetOrThrow(ValidateConfig config, JobConfig job, DatasetConfig ds,
            List<Path> legacyFiles, List<Path> newFiles) {
        ConnectionConfig legacyConn = DatabaseSides.embedded(config.connection(job.legacy().connection()));
        ConnectionConfig newConn = DatabaseSides.embedded(config.connection(job.current().connection()));
        if (RemoteComparison.suits(legacyConn, newConn, ds)) {
            return RemoteComparison.compare(config, job, ds, settings, env);
        }
        List<CheckResult> missing = new ArrayList<>();
        if (legacyFiles != null && legacyFiles.isEmpty()) {
            missing.add(noFiles(ds, "legacy"));
        }
        if (newFiles != null && newFiles.isEmpty()) {
            missing.add(noFiles(ds, "new"));
        }
        if (!missing.isEmpty()) {
            return missing;
        }
        try (DuckDbSession session = DuckDbSession.open(settings)) {
            // a database facing files (or a DuckDB file) is copied into the engine, then compared as a DuckDB table
            List<DatabaseSides.Planned> copies = new DatabaseSides(env).copy(session, ds, legacyConn, newConn, true);
            List<CheckResult> out = new ArrayList<>(compareInEngine(session, ds, legacyConn, newConn, legacyFiles,
                    newFiles));
            out.addAll(DatabaseSides.notes(ds, copies));
            return out;
        } catch (SQLException e) {
            throw new EnvironmentException("dataset '" + ds.name() + "': cannot read the loaded data: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    /** The dataset compared in the engine, its database sides (if any) copied into it already. */
    private List<CheckResult> compareInEngine(DuckDbSession session, DatasetConfig ds, ConnectionConfig legacyConn,
            ConnectionConfig newConn, List<Path> legacyFiles, List<Path> newFiles) throws SQLException {
        DatasetPlan plan = schemaPlan(session, ds, legacyConn, newConn, legacyFiles, newFiles, true);
        ds = plan.config(); // with the columns whose line breaks the reads below normalise
        if (pairable(plan, legacyFiles, newFiles)) {
            List<CheckResult> paired = new PairedFiles(session, settings, plan, ds, legacyFiles, newFiles)
                    .compare();
            if (paired != null) {
                return paired;
            }
        }
        if (onePass(session, plan, ds, legacyFiles, newFiles)) {
            return streamed(session, plan, ds, legacyFiles, newFiles);
        }
        // One read per side: values, plus the row hash the key diff needs.
        RelationLoader loader = new RelationLoader(session);
        String hash = RowDiffQuery.rowHashColumn(plan);
        loader.load("legacy", ds, ds.legacy(), legacyConn, legacyFiles, ds.renames("legacy"), false, hash);
        loader.load("new", ds, ds.current(), newConn, newFiles, ds.renames("new"), false, hash);
        boolean inferred = legacyFiles != null && FileLoader.formatOf(legacyFiles) == FileFormat.CSV
                || newFiles != null && FileLoader.formatOf(newFiles) == FileFormat.CSV;
        String fileColumn = legacyFiles != null && newFiles != null ? FileLoader.SOURCE_FILE : null;
        // JSON documents were stored as canonical text only: the samples read their rows as stored again
        EmbeddedComparison.Rereads rereads = RowDiffQuery.hasStoredJson(plan)
                ? new SampledRowsAsStored(session, plan, ds, legacyConn, newConn, legacyFiles, newFiles,
                        settings.sampleSize())
                : new EmbeddedComparison.Rereads() { };
        return new EmbeddedComparison(session, settings)
                .compare(plan, Sql.quote("legacy"), Sql.quote("new"), inferred, fileColumn, rereads);
    }

    /** Whether both sides may be read row beside row (see {@link PairedFiles}), tried before any other path. */
    private boolean pairable(DatasetPlan plan, List<Path> legacyFiles, List<Path> newFiles) {
        return !settings.materialized() && PairedScan.suits(legacyFiles, newFiles, plan);
    }

    /** Whether both sides can be read in one pass that keeps only (key, hash): see {@link StreamingScan}. */
    private boolean onePass(DuckDbSession session, DatasetPlan plan, DatasetConfig ds, List<Path> legacyFiles,
            List<Path> newFiles) throws SQLException {
        return !settings.materialized() && StreamingScan.suits(legacyFiles, newFiles, ds.ordered())
                && StreamingScan.fitsInMemory(session, plan, legacyFiles, newFiles, settings.memoryBytes());
    }

    /** One pass per side keeps only aggregates and (key, hash); rows are re-read for samples only. */
    private List<CheckResult> streamed(DuckDbSession session, DatasetPlan plan, DatasetConfig ds, List<Path> legacyFiles,
            List<Path> newFiles) throws SQLException {
        boolean fileOrder = inFileOrder(plan);
        try (SideBySide sides = SideBySide.open(session, fileOrder ? settings.threads() : 1)) {
            SideBySide.Pair<Map<String, Object>> aggregates = fileOrder
                    ? scanInFileOrder(session, sides, plan, ds, legacyFiles, newFiles)
                    : new SideBySide.Pair<>(scanOnce(session, plan, ds, "legacy", legacyFiles),
                            scanOnce(session, plan, ds, "new", newFiles));
            return compareStreamed(session, sides, fileOrder, plan, ds, aggregates, legacyFiles, newFiles);
        }
    }

    /**
     * Whether each side is read on one thread, which keeps its (key, row hash) list in file order so that the
     * key diff may pair rows by position (see {@link EmbeddedComparison.Rereads#fileOrder()}); with two threads
     * the sides are read at the same time. Past two threads, parallel scans and a join are faster.
     */
    private boolean inFileOrder(DatasetPlan plan) {
        return !plan.keys().isEmpty() && settings.threads() <= 2;
    }

    /** Both sides read at once, each on one engine thread, so that each list keeps its file's order. */
    private SideBySide.Pair<Map<String, Object>> scanInFileOrder(DuckDbSession session, SideBySide sides,
            DatasetPlan plan, DatasetConfig ds, List<Path> legacyFiles, List<Path> newFiles) throws SQLException {
        sides.oneThreadEach();
        return sides.run(s -> scanOnce(s, plan, ds, "legacy", legacyFiles), s -> scanOnce(s, plan, ds, "new", newFiles));
    }

    private List<CheckResult> compareStreamed(DuckDbSession session, SideBySide sides, boolean fileOrder,
            DatasetPlan plan, DatasetConfig ds, SideBySide.Pair<Map<String, Object>> aggregates, List<Path> legacyFiles,
            List<Path> newFiles) {
        EmbeddedComparison.Relations relations = new EmbeddedComparison.Relations(Sql.quote("legacy_keys"),
                Sql.quote("new_keys"), Sql.quote("legacy"), Sql.quote("new"), null);
        boolean inferred = FileLoader.formatOf(legacyFiles) == FileFormat.CSV
                || FileLoader.formatOf(newFiles) == FileFormat.CSV;
        return new EmbeddedComparison(session, settings, sides).compare(plan, aggregates.legacy(), aggregates.current(),
                relations, inferred, new EmbeddedComparison.Rereads() {
                    /** Only the sampled rows are read again: the per-column counts read the files once more. */
                    @Override
                    public List<Statement> allRows() {
                        return List.of(FileLoader.scan(legacyFiles, ds.csv("legacy"), false, ds.renames("legacy")),
                                FileLoader.scan(newFiles, ds.csv("new"), false, ds.renames("new")));
                    }

                    /** The lists become tables only for the sides the key diff reads; an unnest runs on one thread. */
                    @Override
                    public void keys(boolean both) throws SQLException {
                        sides.allThreads(); // a join or a sort follows
                        if (!both) {
                            executeAll(session, StreamingScan.keysTable("legacy_scan", "legacy_keys", plan));
                            return;
                        }
                        sides.run(s -> executeAll(s, StreamingScan.keysTable("legacy_scan", "legacy_keys", plan)),
                                s -> executeAll(s, StreamingScan.keysTable("new_scan", "new_keys", plan)));
                    }

                    @Override
                    public boolean fileOrder() {
                        return fileOrder;
                    }

                    /** Straight from the lists: the pairing and the order check each read them once, in file order. */
                    @Override
                    public EmbeddedComparison.Relations listed(EmbeddedComparison.Relations r) {
                        return new EmbeddedComparison.Relations(StreamingScan.listed("legacy_scan", plan),
                                StreamingScan.listed("new_scan", plan), r.legacyRows(), r.newRows(), r.fileColumn());
                    }

                    @Override
                    public void samples(String diff) throws SQLException {
                        if (FileLoader.formatOf(legacyFiles) != FileFormat.PARQUET
                                || FileLoader.formatOf(newFiles) != FileFormat.PARQUET) {
                            sides.allThreads(); // Parquet reads only the row groups of the keys; CSV may read it all
                        }
                        sampleRows(session, plan, ds, diff, legacyFiles, newFiles, settings.sampleSize());
                    }

                    /** Only on the way to an error: read the sides in full, so the message can name the file. */
                    @Override
                    public EmbeddedComparison.Relations duplicates(EmbeddedComparison.Relations r) {
                        FileLoader.load(session, "load legacy", "legacy", legacyFiles, ds.csv("legacy"),
                                ds.renames("legacy"), true, "", false);
                        FileLoader.load(session, "load new", "new", newFiles, ds.csv("new"), ds.renames("new"), true,
                                "", false);
                        return new EmbeddedComparison.Relations(Sql.quote("legacy"), Sql.quote("new"),
                                Sql.quote("legacy"), Sql.quote("new"), FileLoader.SOURCE_FILE);
                    }
                });
    }

    private static Void executeAll(DuckDbSession session, List<Statement> statements) throws SQLException {
        for (Statement st : statements) {
            session.execute(st);
        }
        return null;
    }

    private static List<Statement> keysTables(DatasetPlan plan) {
        List<Statement> out = new ArrayList<>(StreamingScan.keysTable("legacy_scan", "legacy_keys", plan));
        out.addAll(StreamingScan.keysTable("new_scan", "new_keys", plan));
        return out;
    }

    /** The sampled keys, when there are more than {@link StreamingScan#BOUND_KEYS}: the side re-reads join them. */
    static final String SAMPLE_KEYS = "sample_keys";

    /**
     * Reads each side's rows of the sampled keys; a side is searched only for the keys it has. A few keys are bound
     * as constants (Parquet skips the row groups without them); past that the keys stay in a table that is joined.
     */
    static void sampleRows(DuckDbSession session, DatasetPlan plan, DatasetConfig ds, String diff,
            List<Path> legacyFiles, List<Path> newFiles, int sampleSize) throws SQLException {
        if (sampleSize > StreamingScan.BOUND_KEYS) {
            session.execute(Statement.of("sample keys", "CREATE OR REPLACE TEMP TABLE " + Sql.quote(SAMPLE_KEYS)
                    + " AS " + RowDiffQuery.sampleKeys(plan, diff), sampleSize));
            Map<String, Object> present = session.query(Statement.of("sampled keys per side",
                    "SELECT count(*) FILTER (WHERE " + RowDiffQuery.KIND + " <> 'extra') AS legacy, count(*) FILTER "
                            + "(WHERE " + RowDiffQuery.KIND + " <> 'missing') AS new FROM " + Sql.quote(SAMPLE_KEYS)))
                    .get(0);
            FileLoader.execute(session, StreamingScan.sampleRowsJoined("legacy", plan, legacyFiles, ds.csv("legacy"),
                    ds.renames("legacy"), SAMPLE_KEYS, ((Number) present.get("legacy")).intValue()),
                    legacyFiles, ds.csv("legacy"));
            FileLoader.execute(session, StreamingScan.sampleRowsJoined("new", plan, newFiles, ds.csv("new"),
                    ds.renames("new"), SAMPLE_KEYS, ((Number) present.get("new")).intValue()),
                    newFiles, ds.csv("new"));
            return;
        }
        List<List<Object>> keys = new ArrayList<>();
        int inLegacy = 0;
        int inNew = 0;
        for (Map<String, Object> row : session.query(Statement.of("sample keys", RowDiffQuery.sampleKeys(plan, diff),
                sampleSize))) {
            List<Object> key = new ArrayList<>();
            for (int i = 0; i < plan.keys().size(); i++) {
                key.add(row.get("k" + i));
            }
            keys.add(key);
            String kind = String.valueOf(row.get(RowDiffQuery.KIND));
            inLegacy += "extra".equals(kind) ? 0 : 1;
            inNew += "missing".equals(kind) ? 0 : 1;
        }
        FileLoader.execute(session, StreamingScan.sampleRows("legacy", plan, legacyFiles, ds.csv("legacy"),
                ds.renames("legacy"), keys, inLegacy),
                legacyFiles, ds.csv("legacy"));
        FileLoader.execute(session, StreamingScan.sampleRows("new", plan, newFiles, ds.csv("new"), ds.renames("new"),
                keys, inNew),
                newFiles, ds.csv("new"));
    }

    /** Reads one side once; returns its aggregates. */
    private static Map<String, Object> scanOnce(DuckDbSession session, DatasetPlan plan, DatasetConfig ds, String side,
            List<Path> files) throws SQLException {
        FileLoader.precheck(files, ds.allowEmpty());
        var columns = EmbeddedComparison.columnPlans(plan);
        FooterBounds.Split bounds = FooterBounds.split(session, side, files, ds.csv(side), ds.renames(side), columns,
                typeOf(plan, side));
        FileLoader.execute(session, StreamingScan.profileAndReduce(side + "_scan", plan, files, ds.csv(side),
                ds.renames(side), columns, bounds.inScan()), files, ds.csv(side));
        Map<String, Object> aggregates = new java.util.LinkedHashMap<>(
                session.query(StreamingScan.profileRow(side + "_scan", plan, files.size())).get(0));
        if (bounds.footers() != null) {
            aggregates.putAll(FileLoader.query(session, bounds.footers(), files, ds.csv(side)).get(0));
        }
        aggregates.putAll(bounds.known());
        if (!ds.allowEmpty()) {
            java.util.Set<String> withRows = files.size() > 1
                    ? session.query(StreamingScan.files(side + "_scan")).stream().map(r -> String.valueOf(r.get("f")))
                            .collect(java.util.stream.Collectors.toSet())
                    : ((Number) aggregates.get("n")).longValue() > 0 ? java.util.Set.of(files.get(0).toString())
                            : java.util.Set.of();
            FileLoader.rejectFilesWithoutRows(files, withRows);
        }
        return aggregates;
    }

    /** The type of column {@code i} of the plan on {@code side}. */
    static java.util.function.IntFunction<String> typeOf(DatasetPlan plan, String side) {
        return i -> "legacy".equals(side) ? plan.all().get(i).legacy().type() : plan.all().get(i).current().type();
    }

    private List<PlannedStatement> planDataset(ValidateConfig config, JobConfig job, DatasetConfig configured,
            Sides sides, DuckDbSession session) {
        ConnectionConfig legacyConn = DatabaseSides.embedded(config.connection(job.legacy().connection()));
        ConnectionConfig newConn = DatabaseSides.embedded(config.connection(job.current().connection()));
        if (RemoteComparison.suits(legacyConn, newConn, configured)) {
            return RemoteComparison.plan(config, job, configured, env);
        }
        List<Path> legacyFiles = datasetFiles(configured.legacy(), sides.legacy());
        List<Path> newFiles = datasetFiles(configured.current(), sides.current());
        if (legacyFiles != null && legacyFiles.isEmpty() || newFiles != null && newFiles.isEmpty()) {
            throw new BadInputException(configured.configPath() + ": no files match the dataset on the "
                    + (legacyFiles != null && legacyFiles.isEmpty() ? "legacy" : "new") + " side; nothing to plan");
        }
        DatasetConfig ds = CsvDefaults.resolve(configured, legacyFiles, newFiles);
        if (TranscodedFiles.needed(ds.csv("legacy")) || TranscodedFiles.needed(ds.csv("new"))) {
            // the run reads UTF-8 copies of these files, and so does the plan, which shows the original files
            try (TranscodedFiles l = TranscodedFiles.of(legacyFiles, ds.csv("legacy"));
                    TranscodedFiles n = TranscodedFiles.of(newFiles, ds.csv("new"))) {
                List<PlannedStatement> out = new ArrayList<>();
                for (String side : List.of("legacy", "new")) {
                    if (TranscodedFiles.needed(ds.csv(side))) {
                        out.add(new PlannedStatement(job.name(), ds.name(), side, Statement.of("copy the "
                                + ds.csv(side).encoding() + " files as UTF-8 to a temporary directory (in Java); "
                                + "the statements below read the copies", "-- "
                                + ("legacy".equals(side) ? legacyFiles : newFiles))));
                    }
                }
                for (PlannedStatement p : planFiles(job, ds.withCsv(l.csv(), n.csv()), legacyConn, newConn, l.files(),
                        n.files(), session)) {
                    Statement st = p.statement();
                    List<Object> params = st.params().stream().map(v -> v instanceof List<?> list
                            ? (Object) list.stream().map(e -> n.original(l.original(String.valueOf(e)))).toList()
                            : v instanceof String t ? n.original(l.original(t)) : v).toList();
                    out.add(new PlannedStatement(p.job(), p.dataset(), p.side(), new Statement(st.purpose(),
                            n.original(l.original(st.sql())), params)));
                }
                return out;
            }
        }
        return planFiles(job, ds, legacyConn, newConn, legacyFiles, newFiles, session);
    }

    private List<PlannedStatement> planFiles(JobConfig job, DatasetConfig ds, ConnectionConfig legacyConn,
            ConnectionConfig newConn, List<Path> legacyFiles, List<Path> newFiles, DuckDbSession session) {
        List<PlannedStatement> out = new ArrayList<>();
        for (DatabaseSides.Planned copy : new DatabaseSides(env).copy(session, ds, legacyConn, newConn, false)) {
            for (Statement st : copy.copy().statements()) {
                out.add(new PlannedStatement(job.name(), ds.name(), copy.side(), st));
            }
        }
        try {
            // reads no data: a CSV column of decimals too long for a DOUBLE is planned as DOUBLE here
            DatasetPlan plan = schemaPlan(session, ds, legacyConn, newConn, legacyFiles, newFiles, false);
            ds = plan.config(); // with the columns whose line breaks the reads below normalise
            out.add(new PlannedStatement(job.name(), ds.name(), "both",
                    dev.migrate.validators.compare.ColumnReadings.of(plan, java.util.Set.of())));
            if (pairable(plan, legacyFiles, newFiles)) {
                // tried first; what follows runs when the rows do not pair by position
                for (Statement st : new PairedFiles(session, settings, plan, ds, legacyFiles, newFiles).plan()) {
                    out.add(new PlannedStatement(job.name(), ds.name(), "both", st));
                }
            }
            if (onePass(session, plan, ds, legacyFiles, newFiles)) {
                out.addAll(planStreamed(session, job, ds, plan, legacyFiles, newFiles));
                return out;
            }
            RelationLoader loader = new RelationLoader(session);
            String hash = RowDiffQuery.rowHashColumn(plan);
            out.add(new PlannedStatement(job.name(), ds.name(), "legacy",
                    loader.load("legacy", ds, ds.legacy(), legacyConn, legacyFiles, ds.renames("legacy"), true, hash)));
            out.add(new PlannedStatement(job.name(), ds.name(), "new",
                    loader.load("new", ds, ds.current(), newConn, newFiles, ds.renames("new"), true, hash)));
            List<Statement> rereads = List.of();
            String legacySampled = Sql.quote("legacy");
            String newSampled = Sql.quote("new");
            if (RowDiffQuery.hasStoredJson(plan)) {
                // as the run does when rows differ (SampledRowsAsStored)
                rereads = new SampledRowsAsStored(session, plan, ds, legacyConn, newConn, legacyFiles, newFiles,
                        settings.sampleSize()).plan("diff");
                legacySampled = Sql.quote("legacy" + SampledRowsAsStored.SUFFIX);
                newSampled = Sql.quote("new" + SampledRowsAsStored.SUFFIX);
            }
            for (Statement st : EmbeddedComparison.plan(plan, Sql.quote("legacy"), Sql.quote("new"), "diff",
                    settings.sampleSize(), rereads, legacySampled, newSampled)) {
                // "aggregates (legacy)", "sample rows (new, as stored)": the side a statement reads
                String side = st.purpose().matches(".*\\(legacy[,)].*") ? "legacy"
                        : st.purpose().matches(".*\\(new[,)].*") ? "new" : "both";
                out.add(new PlannedStatement(job.name(), ds.name(), side, st));
            }
        } catch (SQLException e) {
            throw new EnvironmentException("dataset '" + ds.name() + "': cannot read the schemas: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
        return out;
    }

    private List<PlannedStatement> planStreamed(DuckDbSession session, JobConfig job, DatasetConfig ds,
            DatasetPlan plan, List<Path> legacyFiles, List<Path> newFiles) {
        List<PlannedStatement> out = new ArrayList<>();
        var columns = EmbeddedComparison.columnPlans(plan);
        for (String side : List.of("legacy", "new")) {
            List<Path> files = "legacy".equals(side) ? legacyFiles : newFiles;
            FooterBounds.Split bounds = FooterBounds.split(session, side, files, ds.csv(side), ds.renames(side),
                    columns, typeOf(plan, side));
            out.add(new PlannedStatement(job.name(), ds.name(), side,
                    StreamingScan.profileAndReduce(side + "_scan", plan, files, ds.csv(side), ds.renames(side), columns,
                            bounds.inScan())));
            if (bounds.footers() != null) {
                out.add(new PlannedStatement(job.name(), ds.name(), side, bounds.footers()));
            }
            if (bounds.statistics() != null) {
                out.add(new PlannedStatement(job.name(), ds.name(), side, bounds.statistics()));
            }
        }
        if (!plan.keys().isEmpty()) {
            if (inFileOrder(plan)) {
                // Tried first, on the collected lists; the statements after them run when the keys are not in
                // file order.
                String legacyListed = StreamingScan.listed("legacy_scan", plan);
                out.add(new PlannedStatement(job.name(), ds.name(), "legacy",
                        RowDiffQuery.keysInFileOrder(plan, legacyListed)));
                out.add(new PlannedStatement(job.name(), ds.name(), "both", RowDiffQuery.positionalDiff(plan,
                        legacyListed, StreamingScan.listed("new_scan", plan), "diff_stats")));
            }
            keysTables(plan).forEach(st -> out.add(new PlannedStatement(job.name(), ds.name(), "both", st)));
            String legacyKeys = Sql.quote("legacy_keys");
            String newKeys = Sql.quote("new_keys");
            EmbeddedComparison.uniqueKeysPlan(plan, legacyKeys, "diff")
                    .forEach(st -> out.add(new PlannedStatement(job.name(), ds.name(), "legacy", st)));
            out.add(new PlannedStatement(job.name(), ds.name(), "both",
                    RowDiffQuery.joinedDiff(plan, legacyKeys, newKeys, "diff_stats")));
            out.add(new PlannedStatement(job.name(), ds.name(), "both",
                    RowDiffQuery.diffFromList(plan, "diff_stats", "diff")));
            if (settings.sampleSize() > StreamingScan.BOUND_KEYS) {
                // Many keys are kept in a table the re-reads join (see sampleRows); each side's count is known then.
                out.add(new PlannedStatement(job.name(), ds.name(), "both", Statement.of("sample keys",
                        "CREATE OR REPLACE TEMP TABLE " + Sql.quote(SAMPLE_KEYS) + " AS "
                                + RowDiffQuery.sampleKeys(plan, "diff"), settings.sampleSize())));
                out.add(new PlannedStatement(job.name(), ds.name(), "legacy", StreamingScan.sampleRowsJoined("legacy",
                        plan, legacyFiles, ds.csv("legacy"), ds.renames("legacy"), SAMPLE_KEYS, settings.sampleSize())));
                out.add(new PlannedStatement(job.name(), ds.name(), "new", StreamingScan.sampleRowsJoined("new", plan,
                        newFiles, ds.csv("new"), ds.renames("new"), SAMPLE_KEYS, settings.sampleSize())));
            } else {
                out.add(new PlannedStatement(job.name(), ds.name(), "both", Statement.of("sample keys",
                        RowDiffQuery.sampleKeys(plan, "diff"), settings.sampleSize())));
                // The real statement binds each sampled key; one placeholder key shows its shape.
                List<List<Object>> shape = List.of(java.util.Collections.nCopies(plan.keys().size(), "<sampled key>"));
                out.add(new PlannedStatement(job.name(), ds.name(), "legacy", StreamingScan.sampleRows("legacy", plan,
                        legacyFiles, ds.csv("legacy"), ds.renames("legacy"), shape, shape.size())));
                out.add(new PlannedStatement(job.name(), ds.name(), "new", StreamingScan.sampleRows("new", plan,
                        newFiles, ds.csv("new"), ds.renames("new"), shape, shape.size())));
            }
            out.add(new PlannedStatement(job.name(), ds.name(), "both", RowDiffQuery.samples(plan, Sql.quote("legacy"),
                    Sql.quote("new"), "diff", settings.sampleSize())));
        }
        return out;
    }

    /**
     * Works out what to compare from both schemas, which DuckDB reads without reading the data; with
     * {@code readValues}, the values of CSV columns DuckDB reads as DOUBLE are read once more, to read those too long
     * for a double exactly ({@link ExactNumbers}).
     */
    static DatasetPlan schemaPlan(DuckDbSession session, DatasetConfig ds,
            ConnectionConfig legacyConn, ConnectionConfig newConn, List<Path> legacyFiles, List<Path> newFiles)
            throws SQLException {
        return schemaPlan(session, ds, legacyConn, newConn, legacyFiles, newFiles, true);
    }

    static DatasetPlan schemaPlan(DuckDbSession session, DatasetConfig ds,
            ConnectionConfig legacyConn, ConnectionConfig newConn, List<Path> legacyFiles, List<Path> newFiles,
            boolean readValues) throws SQLException {
        RelationLoader loader = new RelationLoader(session);
        // the columns as stored: the plan checks the dataset's rename_columns against them, then applies them
        loader.load("legacy", ds, ds.legacy(), legacyConn, legacyFiles, Map.of(), true, "");
        loader.load("new", ds, ds.current(), newConn, newFiles, Map.of(), true, "");
        List<Column> legacy = session.columns(Sql.quote("legacy"));
        List<Column> current = session.columns(Sql.quote("new"));
        // before the exact-number reads, which pair each legacy column with its new one by name
        ds = dev.migrate.validators.compare.ColumnCase.apply(ds, legacy, current);
        DatasetConfig exact = readValues ? ExactNumbers.resolve(session, ds, legacyFiles, legacy, newFiles, current) : ds;
        exact = StructFieldOrder.resolve(exact, legacyFiles, legacy, newFiles, current);
        exact = dev.migrate.validators.engine.HivePartitions.resolve(exact, legacyFiles, legacy, newFiles, current);
        if (exact != ds) {
            ds = exact;
            loader.load("legacy", ds, ds.legacy(), legacyConn, legacyFiles, Map.of(), true, "");
            loader.load("new", ds, ds.current(), newConn, newFiles, Map.of(), true, "");
            legacy = session.columns(Sql.quote("legacy"));
            current = session.columns(Sql.quote("new"));
        }
        DatasetConfig read = ds.withCsv(lineBreaks(ds.csv("legacy"), legacyFiles, legacy),
                lineBreaks(ds.csv("new"), newFiles, current));
        DatasetPlan plan = DatasetPlan.resolve(read, legacy, current);
        // a SQLite INTEGER copied as BIGINT, facing an INTEGER: the type both declare, no narrowing
        List<Column> declaredLegacy = DeclaredIntegers.apply(plan, "legacy", legacy, session.declared("legacy"));
        List<Column> declaredNew = DeclaredIntegers.apply(plan, "new", current, session.declared("new"));
        // a numeric copied as the text of its exact decimals, facing a float: the number it is, compared as doubles
        declaredLegacy = CopiedDecimals.apply(plan, "legacy", declaredLegacy, session.declared("legacy"));
        declaredNew = CopiedDecimals.apply(plan, "new", declaredNew, session.declared("new"));
        if (!declaredLegacy.equals(legacy) || !declaredNew.equals(current)) {
            plan = DatasetPlan.resolve(read, declaredLegacy, declaredNew);
        }
        // a database's json or jsonb facing a JSON file's STRUCTs or JSON text: compared as JSON values
        plan = plan.withJsonDocuments();
        if (!readValues) {
            // the flags' spellings are read from the data at run time, as for PostgreSQL in place
            return plan.withNumberTexts();
        }
        // a CSV's (or a table's) 1/0 or Y/N facing a BOOLEAN: the spelled side's values say which pair it uses
        DatasetConfig resolved = plan.config();
        return BooleanColumns.resolve(plan, (side, c) -> {
            List<Path> files = "legacy".equals(side) ? legacyFiles : newFiles;
            if (files == null) {
                // a DuckDB database, or a database copied into the engine: its values are read where they are
                return loader.query(side, resolved, "legacy".equals(side) ? resolved.legacy() : resolved.current(),
                        "legacy".equals(side) ? legacyConn : newConn, resolved.renames(side),
                        relation -> BooleanColumns.distinct(Dialect.DUCKDB, relation, c.name(), List.of()));
            }
            if (files.isEmpty()) {
                return List.of();
            }
            Statement scan = FileLoader.scan(files, resolved.csv(side), resolved.renames(side));
            return session.query(BooleanColumns.distinct(Dialect.DUCKDB, scan.sql(), c.name(), scan.params()));
        }).withNumberTexts(); // text facing numbers, no flags: the numbers it spells, as PostgreSQL in place reads them
    }

    /**
     * The options that read the line breaks of a CSV side's text columns as {@code \n} (unless strict): every later
     * read of the side goes through them, so values, hashes, bounds and samples all see {@code \n}.
     */
    private static CsvOptions lineBreaks(CsvOptions csv, List<Path> files, List<Column> columns) {
        if (files == null || files.isEmpty() || FileLoader.formatOf(files) != FileFormat.CSV) {
            return csv;
        }
        return csv.withLineBreakColumns(columns.stream().filter(c -> c.type().equalsIgnoreCase("VARCHAR"))
                .map(Column::name).filter(n -> !n.startsWith(FileLoader.ENGINE_PREFIX)).toList());
    }

    /**
     * Outputs a dataset pairs by naming each side's files (legacy {@code orders_*.csv}, new {@code orders_*.jsonl}):
     * the config says they are the same output written another way, so the path check does not list them as
     * missing and extra; the dataset's own checks compare them.
     */
    private static List<Path> mappedByDatasets(JobConfig job, Sides sides) {
        List<Path> out = new ArrayList<>();
        for (DatasetConfig ds : job.datasets()) {
            if (ds.legacy() instanceof dev.migrate.validators.config.SourceSpec.Files l
                    && ds.current() instanceof dev.migrate.validators.config.SourceSpec.Files n && !l.equals(n)) {
                List<Path> legacyFiles = datasetFiles(l, sides.legacy());
                List<Path> newFiles = datasetFiles(n, sides.current());
                if (!legacyFiles.isEmpty() && !newFiles.isEmpty()) {
                    out.addAll(legacyFiles);
                    out.addAll(newFiles);
                }
            }
        }
        return out;
    }

    /** Files of a dataset side, or null when the side reads a table or query. */
    private static List<Path> datasetFiles(dev.migrate.validators.config.SourceSpec spec, List<OutputFile> outputs) {
        if (!(spec instanceof dev.migrate.validators.config.SourceSpec.Files f)) {
            return null;
        }
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + f.glob());
        return outputs.stream().filter(o -> m.matches(Path.of(o.relative()))).map(OutputFile::file).toList();
    }

    private static CheckResult noFiles(DatasetConfig ds, String side) {
        return CheckResult.of(ds.name(), Check.PATHS, ds.name(), Status.FAIL, "no " + side + " output matches the "
                + "dataset's files" + ("legacy".equals(side) ? "" : " (the new run did not write it?)")
                + "; check " + ds.configPath());
    }
}
