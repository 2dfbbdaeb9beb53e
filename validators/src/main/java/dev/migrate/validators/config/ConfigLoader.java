package dev.migrate.validators.config;

import dev.migrate.validators.ConfigException;
import dev.migrate.validators.EnvironmentException;
import dev.migrate.validators.paths.TimestampPattern;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

/**
 * Binds a validation YAML file to {@link ValidateConfig} and checks it as a whole. Every error names
 * the file, line and config path, says what was expected, and what to change.
 */
public final class ConfigLoader {
    private static final List<String> ROOT_KEYS = List.of("version", "connections", "jobs");
    private static final List<String> CONNECTION_KEYS = List.of("type", "path", "url", "user", "user_env", "password_env");
    private static final List<String> JOB_KEYS =
            List.of("name", "legacy", "new", "outputs", "path_rules", "run_window", "datasets");
    private static final List<String> SIDE_KEYS = List.of("connection", "root", "outputs", "run");
    private static final List<String> RUN_KEYS = List.of("id", "scheduled");
    private static final List<String> DATASET_KEYS = List.of("name", "files", "table", "query", "legacy", "new", "key",
            "ignore_columns", "rename_columns", "tolerances", "row_count_tolerance", "allow_new_columns", "ordered",
            "allow_empty", "csv", "accept_type_changes", "ignore_column_case",
            "strict_field_order", "json_columns");
    private static final List<String> SOURCE_KEYS = List.of("files", "table", "query");
    /** A dataset's legacy or new block: its own source, and how its CSV files differ from the dataset's csv. */
    private static final List<String> SIDE_SOURCE_KEYS = List.of("files", "table", "query", "csv", "epoch_columns");
    private static final List<String> TOLERANCE_KEYS = List.of("absolute", "relative");
    private static final List<String> CSV_KEYS = List.of("delimiter", "quote", "header", "encoding",
            "quoted_empty_is_null", "decimal", "strict_line_endings", "null_values",
            "thousands", "escapes");
    private static final List<String> PATH_RULE_KEYS = List.of("timestamps", "roots");
    /**
     * The CSV encodings, by the names a config may use (Python's among them) for the name the reader knows. UTF-8
     * and UTF-16 files may start with a byte order mark. Windows-1252 is read through a UTF-8 copy (TranscodedFiles).
     */
    private static final Map<String, String> ENCODINGS = Map.ofEntries(Map.entry("utf-8", "utf-8"),
            Map.entry("utf8", "utf-8"), Map.entry("utf-8-sig", "utf-8"), Map.entry("utf-16", "utf-16"),
            Map.entry("utf16", "utf-16"), Map.entry("latin-1", "latin-1"), Map.entry("latin1", "latin-1"),
            Map.entry("iso-8859-1", "latin-1"), Map.entry("windows-1252", "windows-1252"),
            Map.entry("cp1252", "windows-1252"));

    private ConfigLoader() {
    }

    public static ValidateConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            // the argument names nothing: invalid input (exit 2), as a missing PATH is for scan, rewrite and cutover
            throw new ConfigException(file + ": config file not found; check the path.");
        } catch (CharacterCodingException e) {
            throw new ConfigException(file + ": the config is not UTF-8 text; save it as UTF-8.");
        } catch (IOException e) {
            throw new EnvironmentException(file + ": cannot read the config (" + e.getMessage() + ").", e);
        }
        Path base = file.toAbsolutePath().normalize().getParent();
        return parse(file.toString(), text, base);
    }

    /** Binds config text; relative paths resolve against {@code baseDir} (the config file's directory). */
    public static ValidateConfig parse(String fileName, String text, Path baseDir) {
        YamlNode root = YamlNode.parse(fileName, text);
        Map<String, YamlNode> top = root.entriesAllowing(ROOT_KEYS);
        YamlNode version = top.get("version");
        if (version != null && !"1".equals(version.string())) {
            throw version.error("unsupported config version '" + version.string() + "'; this migrate reads version 1.");
        }
        Map<String, ConnectionConfig> connections = new LinkedHashMap<>();
        Map<String, YamlNode> connectionNodes = root.require("connections").entries();
        for (Map.Entry<String, YamlNode> e : connectionNodes.entrySet()) {
            connections.put(e.getKey(), connection(e.getKey(), e.getValue(), baseDir));
        }
        List<JobConfig> jobs = new ArrayList<>();
        Set<String> jobNames = new HashSet<>();
        List<YamlNode> jobNodes = root.require("jobs").elements();
        if (jobNodes.isEmpty()) {
            throw root.require("jobs").error("no jobs to validate; add at least one job.");
        }
        for (YamlNode j : jobNodes) {
            JobConfig job = job(j, connections, connectionNodes);
            if (!jobNames.add(job.name())) {
                throw j.require("name").error("duplicate job name '" + job.name() + "'; job names must be unique.");
            }
            jobs.add(job);
        }
        return new ValidateConfig(Path.of(fileName), baseDir, Map.copyOf(connections), List.copyOf(jobs));
    }

    private static ConnectionConfig connection(String name, YamlNode n, Path base) {
        Map<String, YamlNode> m = n.entriesAllowing(CONNECTION_KEYS);
        String type = n.require("type").string().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "directory" -> new ConnectionConfig.Directory(name, base.resolve(n.require("path").string()).normalize());
            case "duckdb" -> new ConnectionConfig.DuckDbFile(name, base.resolve(n.require("path").string()).normalize());
            case "jdbc" -> jdbc(name, n, m, base);
            default -> throw n.require("type").error("unknown connection type '" + type
                    + "'; use directory, duckdb or jdbc.");
        };
    }

    private static ConnectionConfig.Jdbc jdbc(String name, YamlNode n, Map<String, YamlNode> m, Path base) {
        YamlNode urlNode = n.require("url");
        String url = fileRelativeToConfig(urlNode.string(), base);
        if (!url.startsWith("jdbc:")) {
            throw urlNode.error("expected a JDBC URL starting with 'jdbc:', found '" + Secrets.redactUrl(url) + "'.");
        }
        if (!Secrets.redactUrl(url).equals(url)) {
            throw urlNode.error("the URL carries a credential; remove it and name an environment variable with "
                    + "password_env instead (secrets never live in the config).");
        }
        String user = n.get("user").map(YamlNode::string).orElse(null);
        String userEnv = n.get("user_env").map(YamlNode::string).orElse(null);
        String passwordEnv = n.get("password_env").map(YamlNode::string).orElse(null);
        if (user != null && userEnv != null) {
            throw m.get("user_env").error("give either user or user_env, not both.");
        }
        return new ConnectionConfig.Jdbc(name, url, user, userEnv, passwordEnv);
    }

    /**
     * A SQLite or DuckDB file named by a relative path is, like every path in the config, relative to the config's
     * directory.
     */
    private static String fileRelativeToConfig(String url, Path base) {
        String prefix = url.startsWith("jdbc:duckdb:") ? "jdbc:duckdb:" : "jdbc:sqlite:";
        if (!url.startsWith(prefix)) {
            return url;
        }
        String rest = url.substring(prefix.length());
        int query = rest.indexOf('?');
        String file = query < 0 ? rest : rest.substring(0, query);
        if (file.isEmpty() || file.startsWith(":") || file.startsWith("file:") || Path.of(file).isAbsolute()) {
            return url;
        }
        return prefix + base.resolve(file).normalize() + (query < 0 ? "" : rest.substring(query));
    }

    private static JobConfig job(YamlNode j, Map<String, ConnectionConfig> connections,
            Map<String, YamlNode> connectionNodes) {
        Map<String, YamlNode> m = j.entriesAllowing(JOB_KEYS);
        String name = j.require("name").string();
        List<String> outputs = j.get("outputs").map(YamlNode::stringList).orElse(List.of("**"));
        SideConfig legacy = side(j.require("legacy"), outputs, connections);
        SideConfig current = side(j.require("new"), outputs, connections);
        PathRules rules = j.get("path_rules").map(ConfigLoader::pathRules).orElse(PathRules.DEFAULT);
        Duration window = j.get("run_window")
                .map(w -> w.map(Duration::parse, "an ISO-8601 duration such as PT1H"))
                .orElse(null);
        List<DatasetConfig> datasets = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlNode d : j.get("datasets").map(YamlNode::elements).orElse(List.of())) {
            DatasetConfig ds = dataset(d, connections, legacy, current);
            if (!names.add(ds.name())) {
                throw d.require("name").error("duplicate dataset name '" + ds.name() + "' in job '" + name + "'.");
            }
            datasets.add(ds);
        }
        if (m.get("datasets") == null && j.get("outputs").isEmpty()) {
            throw j.error("job '" + name + "' checks nothing; add 'datasets' or 'outputs'.");
        }
        return new JobConfig(name, legacy, current, rules, window, List.copyOf(datasets),
                JobContract.of(j, connectionNodes));
    }

    private static SideConfig side(YamlNode s, List<String> jobOutputs, Map<String, ConnectionConfig> connections) {
        s.entriesAllowing(SIDE_KEYS);
        YamlNode c = s.require("connection");
        String connection = c.string();
        if (!connections.containsKey(connection)) {
            String hint = Suggest.closest(connection, connections.keySet())
                    .map(x -> " Did you mean '" + x + "'?")
                    .orElse(" Define it under 'connections'.");
            throw c.error("unknown connection '" + connection + "'." + hint);
        }
        String root = s.get("root").map(YamlNode::string).orElse("");
        if (root.startsWith("/") || root.contains("..")) {
            throw s.require("root").error("root must be a sub-directory inside the connection, found '" + root + "'.");
        }
        List<String> outputs = s.get("outputs").map(YamlNode::stringList).orElse(jobOutputs);
        RunRef run = s.get("run").map(ConfigLoader::run).orElse(RunRef.UNSPECIFIED);
        return new SideConfig(connection, root, outputs, run);
    }

    private static RunRef run(YamlNode r) {
        if (r.isScalar()) {
            return RunRef.parse(r.string());
        }
        r.entriesAllowing(RUN_KEYS);
        String id = r.get("id").map(YamlNode::string).orElse(null);
        java.time.Instant at = r.get("scheduled")
                .map(x -> x.map(java.time.Instant::parse, "an ISO-8601 instant such as 2024-03-01T02:00:00Z"))
                .orElse(null);
        return new RunRef(id, at);
    }

    private static PathRules pathRules(YamlNode p) {
        p.entriesAllowing(PATH_RULE_KEYS);
        List<TimestampPattern> timestamps = new ArrayList<>();
        // named shapes go first, whatever their place in the list: builtin would otherwise take their date alone
        List<TimestampPattern> named = new ArrayList<>();
        YamlNode ts = p.get("timestamps").orElse(null);
        if (ts == null) {
            timestamps.addAll(TimestampPattern.BUILTIN);
        } else {
            for (YamlNode t : ts.isScalar() ? List.of(ts) : ts.elements()) {
                String v = t.string();
                if ("builtin".equals(v)) {
                    timestamps.addAll(TimestampPattern.BUILTIN);
                } else if (TimestampPattern.NAMED.containsKey(v)) {
                    named.add(TimestampPattern.NAMED.get(v));
                } else {
                    try {
                        timestamps.add(TimestampPattern.custom(v));
                    } catch (PatternSyntaxException e) {
                        throw t.error("not a valid regular expression: " + e.getDescription() + " near index "
                                + e.getIndex() + ".");
                    }
                }
            }
        }
        List<PathRules.RootMapping> roots = new ArrayList<>();
        for (YamlNode r : p.get("roots").map(YamlNode::elements).orElse(List.of())) {
            r.entriesAllowing(List.of("legacy", "new"));
            roots.add(new PathRules.RootMapping(r.require("legacy").string(), r.require("new").string()));
        }
        named.addAll(timestamps);
        return new PathRules(List.copyOf(named), List.copyOf(roots));
    }

    private static DatasetConfig dataset(YamlNode d, Map<String, ConnectionConfig> connections,
            SideConfig legacySide, SideConfig currentSide) {
        d.entriesAllowing(DATASET_KEYS);
        String name = d.require("name").string();
        SourceSpec shared = sourceOrNull(d);
        SourceSpec legacy = d.get("legacy").map(ConfigLoader::source).orElse(shared);
        SourceSpec current = d.get("new").map(ConfigLoader::source).orElse(shared);
        if (legacy == null || current == null) {
            throw d.error("dataset '" + name + "' has no source; give files, table or query "
                    + "(for both sides, or under legacy/new).");
        }
        checkSourceFits(d, "legacy", legacy, connections.get(legacySide.connection()));
        checkSourceFits(d, "new", current, connections.get(currentSide.connection()));
        checkEpochColumns(d, "legacy", legacy);
        checkEpochColumns(d, "new", current);
        List<String> key = d.get("key").map(YamlNode::stringList).orElse(List.of());
        List<String> ignore = d.get("ignore_columns").map(YamlNode::stringList).orElse(List.of());
        Map<String, String> renames = d.get("rename_columns").map(ConfigLoader::renames).orElse(Map.of());
        for (String k : key) {
            rejectLegacyName(d.require("key"), k, renames);
        }
        for (String k : key) {
            if (ignore.contains(k)) {
                throw d.require("key").error("key column '" + k + "' is also in ignore_columns; a key cannot be ignored.");
            }
        }
        Map<String, Tolerance> tolerances = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> t : d.get("tolerances").map(YamlNode::entries).orElse(Map.of()).entrySet()) {
            if (key.contains(t.getKey())) {
                throw t.getValue().error("key column '" + t.getKey() + "' cannot have a tolerance; keys match exactly.");
            }
            rejectLegacyName(t.getValue(), t.getKey(), renames);
            tolerances.put(t.getKey(), tolerance(t.getValue()));
        }
        Tolerance rowCount = d.get("row_count_tolerance").map(ConfigLoader::tolerance).orElse(Tolerance.EXACT);
        boolean allowNew = d.get("allow_new_columns").map(YamlNode::bool).orElse(true);
        boolean ordered = d.get("ordered").map(YamlNode::bool).orElse(false);
        if (ordered && key.isEmpty()) {
            throw d.require("ordered").error("checking row order needs a key to line rows up; add 'key'.");
        }
        boolean allowEmpty = d.get("allow_empty").map(YamlNode::bool).orElse(false);
        CsvOptions csv = d.get("csv").map(c -> csv(c, CsvOptions.DEFAULT)).orElse(CsvOptions.DEFAULT);
        Map<String, String> acceptedTypes = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> t : d.get("accept_type_changes").map(YamlNode::entries).orElse(Map.of())
                .entrySet()) {
            rejectLegacyName(t.getValue(), t.getKey(), renames);
            String type = t.getValue().string().strip();
            if (type.isEmpty()) {
                throw t.getValue().error("expected the type the new output gives '" + t.getKey()
                        + "' (as the schema check reports it, e.g. DOUBLE or TIMESTAMP WITH TIME ZONE), found nothing.");
            }
            acceptedTypes.put(t.getKey(), type);
        }
        boolean ignoreCase = d.get("ignore_column_case").map(YamlNode::bool).orElse(false);
        List<String> json = d.get("json_columns").map(YamlNode::stringList).orElse(List.of());
        for (String j : json) {
            rejectLegacyName(d.require("json_columns"), j, renames);
            if (tolerances.containsKey(j)) {
                throw d.require("json_columns").error("column '" + j + "' is in json_columns and has a tolerance; "
                        + "a tolerance needs numbers, a JSON document is compared exactly. Remove one of the two.");
            }
        }
        return new DatasetConfig(name, d.path(), legacy, current, key, ignore, Map.copyOf(tolerances), rowCount,
                allowNew, ordered, allowEmpty, sideCsv(d, "legacy", csv, renames), sideCsv(d, "new", csv, Map.of()), renames,
                java.util.Collections.unmodifiableMap(acceptedTypes), ignoreCase,
                d.get("strict_field_order").map(YamlNode::bool).orElse(false), List.copyOf(json));
    }

    /**
     * {@code rename_columns: {legacy_name: new_name}}: what the new output calls a legacy column. Each new name
     * names one column, and no legacy column that keeps its name (checked against the outputs when they are
     * read): a chain or a swap ({@code a: b, b: a}) would leave a name meaning one column in legacy and another
     * after the rename. Names that differ only in case count as the same, as DuckDB does not tell them apart.
     */
    private static Map<String, String> renames(YamlNode r) {
        Map<String, YamlNode> entries = r.entries();
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, String> targets = new java.util.HashMap<>();
        for (Map.Entry<String, YamlNode> e : entries.entrySet()) {
            String from = e.getKey();
            String to = e.getValue().string();
            if (to.equals(from)) {
                throw e.getValue().error("renames '" + from + "' to itself; remove the entry.");
            }
            String earlier = targets.put(to.toLowerCase(Locale.ROOT), from);
            if (earlier != null) {
                throw e.getValue().error("'" + from + "' and '" + earlier + "' are both renamed to '" + to
                        + "'; a new column stands for one legacy column: fix one of the names.");
            }
            out.put(from, to);
        }
        for (Map.Entry<String, YamlNode> e : entries.entrySet()) {
            String to = out.get(e.getKey());
            for (String from : out.keySet()) {
                if (from.equalsIgnoreCase(to) && !from.equals(e.getKey())) {
                    throw e.getValue().error("renames '" + e.getKey() + "' to '" + to + "', a legacy column that is "
                            + "itself renamed; chains and swaps of names are not supported: give each legacy column "
                            + "the name it has in the new output.");
                }
            }
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /**
     * The dataset's settings name a renamed column by its new name, as the reports do; its legacy name names no
     * column any more (unless the new output has a column of that name, which a key or tolerance cannot mean:
     * they need the column on the legacy side).
     */
    private static void rejectLegacyName(YamlNode at, String column, Map<String, String> renames) {
        String renamed = renames.get(column);
        if (renamed != null) {
            throw at.error("'" + column + "' is renamed to '" + renamed + "' by rename_columns; key, ignore_columns, "
                    + "tolerances, accept_type_changes and json_columns name columns by their new names: write '"
                    + renamed + "'.");
        }
    }

    private static void checkSourceFits(YamlNode d, String side, SourceSpec source, ConnectionConfig connection) {
        boolean files = source instanceof SourceSpec.Files;
        boolean directory = connection instanceof ConnectionConfig.Directory;
        if (files != directory) {
            throw d.error("the " + side + " side reads " + (files ? "files" : "a table or query") + " but its connection '"
                    + connection.name() + "' is " + (directory ? "a directory; use files" : "a database; use table or query")
                    + ".");
        }
    }

    private static SourceSpec sourceOrNull(YamlNode d) {
        List<String> present = SOURCE_KEYS.stream().filter(k -> d.get(k).isPresent()).toList();
        if (present.isEmpty()) {
            return null;
        }
        if (present.size() > 1) {
            throw d.error("give only one of files, table or query; found " + String.join(" and ", present) + ".");
        }
        YamlNode v = d.require(present.get(0));
        return switch (present.get(0)) {
            case "files" -> new SourceSpec.Files(v.string());
            case "table" -> table(v);
            default -> new SourceSpec.Query(v.string());
        };
    }

    private static SourceSpec source(YamlNode s) {
        s.entriesAllowing(SIDE_SOURCE_KEYS);
        SourceSpec spec = sourceOrNull(s);
        if (spec == null && s.get("csv").isEmpty() && s.get("epoch_columns").isEmpty()) {
            throw s.error("give files, table or query (or csv or epoch_columns, to read the dataset's files another way "
                    + "on this side).");
        }
        return spec; // null: the side reads the dataset's own source
    }

    private static SourceSpec table(YamlNode v) {
        String t = v.string();
        String[] parts = t.split("\\.", -1);
        if (parts.length > 2 || java.util.Arrays.stream(parts).anyMatch(String::isEmpty)) {
            throw v.error("expected 'table' or 'schema.table', found '" + t + "'.");
        }
        return parts.length == 2 ? new SourceSpec.Table(parts[0], parts[1]) : new SourceSpec.Table(null, parts[0]);
    }

    private static Tolerance tolerance(YamlNode t) {
        if (t.isScalar()) {
            // a bare number says neither kind: absolute (0.01 of the unit) and relative (a fraction) differ by far
            throw t.error("a tolerance says its kind: write {absolute: " + t.string() + "} (the values may differ by that "
                    + "much) or {relative: " + t.string() + "} (by that fraction of the legacy value).");
        }
        t.entriesAllowing(TOLERANCE_KEYS);
        double abs = t.get("absolute").map(YamlNode::number).orElse(0.0);
        double rel = t.get("relative").map(YamlNode::number).orElse(0.0);
        if (abs < 0 || rel < 0 || Double.isNaN(abs) || Double.isNaN(rel)) {
            throw t.error("tolerances must be zero or positive numbers.");
        }
        return new Tolerance(abs, rel);
    }

    /**
     * A side's read options: the dataset's csv, with the keys the side's own {@code csv} block gives, and the side's
     * {@code epoch_columns}.
     */
    private static CsvOptions sideCsv(YamlNode d, String side, CsvOptions dataset, Map<String, String> renames) {
        CsvOptions csv = d.get(side).flatMap(s -> s.isScalar() ? java.util.Optional.empty() : s.get("csv"))
                .map(c -> csv(c, dataset)).orElse(dataset);
        return csv.withEpochColumns(epochColumns(d, side, renames));
    }

    private static Map<String, EpochUnit> epochColumns(YamlNode d, String side) {
        return epochColumns(d, side, Map.of());
    }

    /**
     * {@code epoch_columns: {column: milliseconds}} of a side: stored names, each with its unit. The files' columns
     * are named as the files name them, but every other setting names a renamed column by its new name, so the
     * legacy side takes either: a new name of {@code renames} (legacy name to new name) stands for its legacy name.
     */
    private static Map<String, EpochUnit> epochColumns(YamlNode d, String side, Map<String, String> renames) {
        Map<String, EpochUnit> units = new LinkedHashMap<>();
        Map<String, String> legacyNames = new LinkedHashMap<>();
        renames.forEach((legacy, renamed) -> legacyNames.put(renamed, legacy));
        for (Map.Entry<String, YamlNode> e : d.get(side).flatMap(s -> s.isScalar() ? java.util.Optional.empty()
                : s.get("epoch_columns")).map(YamlNode::entries).orElse(Map.of()).entrySet()) {
            String unit = e.getValue().string();
            String stored = renames.containsKey(e.getKey()) ? e.getKey()
                    : legacyNames.getOrDefault(e.getKey(), e.getKey());
            EpochUnit read = EpochUnit.named(unit).orElseThrow(() -> e.getValue().error("unknown epoch unit '"
                    + unit + "' for '" + e.getKey() + "'; use seconds, milliseconds, microseconds or nanoseconds "
                    + "(or pandas' date_unit: s, ms, us, ns)."));
            if (units.put(stored, read) != null) {
                throw e.getValue().error("'" + e.getKey() + "' is the new name of '" + stored + "' (rename_columns), "
                        + "which epoch_columns lists too: list the column once.");
            }
        }
        return units;
    }

    /** Numbers are read as instants only from files: a database column has its type, which a query may cast. */
    private static void checkEpochColumns(YamlNode d, String side, SourceSpec source) {
        if (!(source instanceof SourceSpec.Files) && !epochColumns(d, side).isEmpty()) {
            throw d.require(side).error("epoch_columns reads numbers in files as instants; the " + side + " side reads a "
                    + "table or query: convert the column there (e.g. to_timestamp(col / 1000.0)).");
        }
    }

    private static CsvOptions csv(YamlNode c, CsvOptions base) {
        c.entriesAllowing(CSV_KEYS);
        char delimiter = c.get("delimiter").map(ConfigLoader::singleChar).orElse(base.delimiter());
        boolean delimiterSet = base.delimiterSet() || c.get("delimiter").isPresent();
        char quote = c.get("quote").map(ConfigLoader::singleChar).orElse(base.quote());
        boolean header = c.get("header").map(YamlNode::bool).orElse(base.header());
        String written = c.get("encoding").map(YamlNode::string).orElse(base.encoding()).toLowerCase(Locale.ROOT);
        String encoding = ENCODINGS.get(written.replace('_', '-'));
        if (encoding == null) {
            throw c.require("encoding").error("unsupported encoding '" + written + "'; use utf-8 (with or without a "
                    + "byte order mark), utf-16, latin-1 or windows-1252 (cp1252), or re-export the files as UTF-8.");
        }
        boolean quotedEmptyIsNull = c.get("quoted_empty_is_null").map(YamlNode::bool).orElse(base.quotedEmptyIsNull());
        char decimal = c.get("decimal").map(ConfigLoader::singleChar).orElse(base.decimal());
        if (decimal != '.' && decimal != ',') {
            throw c.require("decimal").error("unsupported decimal separator '" + decimal + "'; use \".\" or \",\".");
        }
        if (decimal == delimiter && delimiterSet) {
            throw c.get("decimal").orElse(c).error("the decimal separator and the delimiter are both '" + decimal
                    + "'; a field could not be told from a fraction. Set another delimiter (\";\"), or decimal: \".\" for "
                    + "these files.");
        }
        boolean strictLineEndings = c.get("strict_line_endings").map(YamlNode::bool).orElse(base.strictLineEndings());
        List<String> nullValues = c.get("null_values").map(n -> n.isScalar() ? List.of(n.text())
                : n.elements().stream().map(YamlNode::text).toList())
                .orElse(base.nullValues());
        if (nullValues.isEmpty()) {
            throw c.require("null_values").error("expected the texts read as NULL (\"\\\\N\", or [\"\\\\N\", \"\"] to "
                    + "keep the empty field NULL too), found none.");
        }
        String thousands = c.get("thousands").map(n -> String.valueOf(singleChar(n))).orElse(base.thousands());
        if (thousands.equals(String.valueOf(decimal)) || delimiterSet && thousands.equals(String.valueOf(delimiter))) {
            throw c.get("thousands").orElse(c).error("the thousands separator '" + thousands + "' is also the "
                    + (thousands.equals(String.valueOf(decimal)) ? "decimal separator" : "delimiter") + "; a number "
                    + "could not be read. Set decimal: \",\" with thousands: \".\" (1.234,50), or the reverse.");
        }
        CsvOptions.Escapes escapes = c.get("escapes").map(ConfigLoader::escapes).orElse(base.escapes());
        return new CsvOptions(delimiter, quote, header, encoding, quotedEmptyIsNull, decimal, delimiterSet,
                strictLineEndings, List.of(), Map.of(), Map.of(), nullValues, thousands, escapes);
    }

    /** {@code escapes: copy|none}: how backslashes in text values are read (see CsvOptions#backslashEscapes). */
    private static CsvOptions.Escapes escapes(YamlNode n) {
        String v = n.string().strip().toLowerCase(Locale.ROOT);
        for (CsvOptions.Escapes e : CsvOptions.Escapes.values()) {
            if (e.spelled().equals(v)) {
                return e;
            }
        }
        throw n.error("unknown escapes '" + n.string() + "'; use copy (PostgreSQL COPY text and MySQL OUTFILE "
                + "exports: \\\\, \\t and \\n read back as a backslash, a tab and a line break) or none (Hive and "
                + "Spark text exports, which write \\N but escape nothing: backslashes read as written).");
    }

    private static char singleChar(YamlNode n) {
        String v = n.string().replace("\\t", "\t");
        if (v.length() != 1) {
            throw n.error("expected a single character, found '" + v + "'.");
        }
        return v.charAt(0);
    }
}
