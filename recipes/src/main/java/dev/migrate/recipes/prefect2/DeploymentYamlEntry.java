package dev.migrate.recipes.prefect2;

import dev.migrate.analyzers.sources.config.DeploymentPool;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.internal.CommandJobVariable;
import dev.migrate.recipes.internal.InfraOverrides;
import dev.migrate.recipes.internal.YamlSnippets;
import dev.migrate.recipes.python.PrefectBlocks;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openrewrite.Cursor;
import org.openrewrite.yaml.tree.Yaml;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Turns one 2.x {@code *-deployment.yaml} build output (loaded as plain maps) into the equivalent
 * {@code prefect.yaml} deployment entry, following the key table of the change catalogue (section 4.1).
 * What has no mechanical equivalent is returned as notes for the reviewer.
 */
final class DeploymentYamlEntry {
    /** 2.x's prefect-agent pool, where deployments without a pool ran. */
    static final String AGENT_POOL = "default-agent-pool";
    /** 2.x infrastructure block types and the 3.x work pool types that replace them. */
    record Converted(Map<String, Object> entry, List<Note> notes) {
    }

    /**
     * What a reviewer must know about one entry.
     *
     * @param at the key of the entry the note is about ({@code work_pool.name}), or "" for the entry itself
     */
    record Note(String at, String message) {
        boolean manual() {
            return message.contains("by hand") || message.contains("stands in");
        }
    }

    private DeploymentYamlEntry() {
    }

    /** True for the documents `prefect deployment build` writes. */
    static boolean isBuildOutput(Map<?, ?> doc) {
        return doc.containsKey("flow_name") && doc.containsKey("entrypoint")
                && (doc.containsKey("manifest_path") || doc.containsKey("infrastructure") || doc.containsKey("storage"));
    }

    /**
     * The entry of one build output. A deployment on 2.x's {@code default-agent-pool} (named, or no pool at all) must
     * move to a typed pool Prefect 3 workers serve, and which one is a choice made for the user: with
     * {@code unsafeFixes} the pool standing in for it (after the infrastructure block), else the entry keeps
     * {@code default-agent-pool}, as 2.x ran it, with one note naming the stand-in.
     */
    @SuppressWarnings("unchecked")
    static Converted convert(Map<String, Object> d, boolean unsafeFixes) {
        List<Note> notes = new ArrayList<>();
        Map<String, Object> e = new LinkedHashMap<>();
        copy(d, e, "name");
        copy(d, e, "version");
        copy(d, e, "description");
        copy(d, e, "tags");
        copy(d, e, "entrypoint");
        copy(d, e, "parameters");

        Map<String, Object> pool = new LinkedHashMap<>();
        Object poolName = d.get("work_pool_name");
        Map<String, Object> infra = d.get("infrastructure") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        String infraType = String.valueOf(infra.getOrDefault("type", infra.getOrDefault("_block_type_slug", "process")));
        // the block data knows every infrastructure slug (and ACI's `type` spelling); an unknown one runs as a process
        String poolType = PrefectBlocks.get().infrastructureOfSlug(infraType)
                .map(PrefectBlocks.Infrastructure::poolType).orElse("process");
        if (poolName == null || String.valueOf(poolName).isBlank() || AGENT_POOL.equals(poolName)) {
            // a saved block (`-ib process/prod`) names the pool as the command-line conversion does: `prod`
            Object block = infra.get("_block_document_name");
            boolean named = block instanceof String b && !b.isBlank() && !Boolean.TRUE.equals(infra.get("_is_anonymous"));
            // noted under the code scan reports the construct with: a queue without a pool (PF211), or 2.x's
            // prefect-agent pool named outright (BHV005)
            String code = AGENT_POOL.equals(poolName) ? "BHV005: " : "PF211: ";
            // named as DeploymentPool names it, which the agents' workers and the cutover read too
            String standIn = DeploymentPool.of(poolType, named ? (String) block : null).name();
            String create = "create it with `prefect work-pool create " + standIn + " --type " + poolType
                    + "` or pick an existing typed pool";
            String namedAfter = named ? " (named after infrastructure block `" + infraType + "/" + block + "`)" : "";
            if (unsafeFixes) {
                poolName = standIn;
                notes.add(new Note("work_pool.name", code + "work pool `" + standIn + "` stands in for the agent's pool"
                        + namedAfter + "; " + create));
            } else {
                poolName = AGENT_POOL;
                notes.add(new Note("work_pool.name", code + "`" + AGENT_POOL + "` is 2.x's prefect-agent pool"
                        + (d.get("work_pool_name") == null ? ", where a deployment without a pool ran" : "")
                        + ", which Prefect 3 workers refuse; " + MigrationNotes.unsafeFixNotApplied("deploy to work pool `"
                        + standIn + "`, which stands in for it" + namedAfter + "; " + create)));
            }
        }
        pool.put("name", poolName);
        if (d.get("work_queue_name") != null && !"default".equals(d.get("work_queue_name"))) {
            pool.put("work_queue_name", d.get("work_queue_name"));
        }
        // the block's own settings first, so that the overrides win as they did in Prefect 2; a dotted key
        // (env.X) set one field inside the block's mapping, which Prefect 3 job variables spell as nesting
        Map<String, Object> jobVariables = blockJobVariables(infra, infraType, notes);
        Object overrides = d.get("infra_overrides") != null ? d.get("infra_overrides") : d.get("job_variables");
        if (overrides instanceof Map<?, ?> o) {
            // without a block the pool type, and so its job variables, are unknown: every override is kept
            Map<String, Object> applicable = withCommandString(infra.isEmpty() ? (Map<String, Object>) o
                    : withJobVariable((Map<String, Object>) o, infraType, notes), "infra_overrides'", notes);
            List<String> refused = InfraOverrides.apply(jobVariables, applicable);
            if (!refused.isEmpty()) {
                notes.add(new Note("work_pool", "PF205: infra_overrides " + refused + " name a field inside a value that "
                        + "is not a mapping; set the job variables they meant by hand"));
            }
        }
        if (!jobVariables.isEmpty()) {
            pool.put("job_variables", jobVariables);
        }
        e.put("work_pool", pool);

        List<Map<String, Object>> schedules = schedules(d, notes);
        if (!schedules.isEmpty()) {
            e.put("schedules", schedules);
        }
        if (d.get("enforce_parameter_schema") != null) {
            e.put("enforce_parameter_schema", d.get("enforce_parameter_schema"));
        } else if (d.get("parameters") instanceof Map<?, ?> given && !given.isEmpty()) {
            // `parameters: {}` passes nothing for the schema check to reject (scan's BHV004 says the same)
            notes.add(new Note("", "BHV004: Prefect 3 enforces the parameter schema by default; set "
                    + "`enforce_parameter_schema: false` if this deployment relied on loose parameters"));
        }
        if (d.get("triggers") instanceof List<?> t && !t.isEmpty()) {
            e.put("triggers", t);
        }
        Object storage = d.get("storage");
        if (storage instanceof Map<?, ?> s) {
            List<Object> pull = pullSteps((Map<String, Object>) s, d, notes);
            if (!pull.isEmpty()) {
                e.put("pull", pull);
            }
            gitSubfolder((Map<String, Object>) s, d, e, notes);
        } else if (d.get("path") instanceof String dir && !dir.isBlank()) {
            // no storage block: Prefect 2 ran the flow from a copy of `path`, the directory it was built in
            e.put("pull", List.of(Map.of("prefect.deployments.steps.set_working_directory", Map.of("directory", dir))));
            notes.add(new Note("pull", "the flow runs from " + dir + " as it did in Prefect 2; the worker must see "
                    + "that directory"));
        }
        return new Converted(e, notes);
    }

    /**
     * The settings of the deployment's infrastructure block that are job variables of its work pool type; fields
     * left as 2.x wrote them when nobody set them carry nothing. Set fields without a job variable become a note.
     */
    private static Map<String, Object> blockJobVariables(Map<String, Object> infra, String slug, List<Note> notes) {
        Optional<PrefectBlocks.Infrastructure> block = PrefectBlocks.get().infrastructureOfSlug(slug);
        if (block.isEmpty()) {
            return new LinkedHashMap<>();
        }
        Map<String, Object> set = new LinkedHashMap<>();
        infra.forEach((k, v) -> {
            boolean unset = v == null || v instanceof Map<?, ?> m && carriesNothing(m) || v instanceof List<?> l && l.isEmpty()
                    || block.get().isUnset(k, v) || k.startsWith("_") || k.equals("type")
                    || k.equals("block_type_slug");
            if (!unset) {
                set.put(k, v instanceof String text ? PrefectBlocks.get().jobVariableValue(k, text).orElse(text) : v);
            }
        });
        return withCommandString(keepJobVariables(set, block.get(), "infrastructure fields", notes),
                "the infrastructure block's", notes);
    }

    /**
     * Whether a nested block field holds nothing: 2.x wrote an anonymous block nobody filled in (an ECS task's
     * {@code aws_credentials:} of nulls) with its metadata keys only. A saved block it names ({@code _is_anonymous:
     * false}) is something a person must carry over.
     */
    private static boolean carriesNothing(Map<?, ?> block) {
        if (Boolean.FALSE.equals(block.get("_is_anonymous"))) {
            return false;
        }
        for (Map.Entry<?, ?> e : block.entrySet()) {
            String key = String.valueOf(e.getKey());
            Object v = e.getValue();
            boolean metadata = key.startsWith("_") || key.equals("block_type_slug");
            boolean empty = v == null || v instanceof String text && text.isBlank()
                    || v instanceof Map<?, ?> m && carriesNothing(m) || v instanceof List<?> l && l.isEmpty();
            if (!metadata && !empty) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code fields} with a {@code command} list of words as the one string the Prefect 3 job variable takes (joined
     * with shell quoting, {@link CommandJobVariable}); a command that is no list of strings is left out, with a note.
     */
    private static Map<String, Object> withCommandString(Map<String, Object> fields, String whose, List<Note> notes) {
        Object command = fields.get(CommandJobVariable.KEY);
        if (command == null) {
            return fields;
        }
        Map<String, Object> out = new LinkedHashMap<>(fields);
        Optional<String> string = CommandJobVariable.asString(command);
        if (string.isPresent()) {
            out.put(CommandJobVariable.KEY, string.get());
        } else {
            out.remove(CommandJobVariable.KEY);
            notes.add(new Note("work_pool", "PF205: " + CommandJobVariable.manual(whose, String.valueOf(command))));
        }
        return out;
    }

    /**
     * The overrides of fields that are job variables of the block's work pool type (all of them when the block
     * type is unknown to the block table); the others become a note, as those fields of the block itself do.
     */
    private static Map<String, Object> withJobVariable(Map<String, Object> overrides, String slug, List<Note> notes) {
        Optional<PrefectBlocks.Infrastructure> block = PrefectBlocks.get().infrastructureOfSlug(slug);
        Map<String, Object> spelled = new LinkedHashMap<>();
        overrides.forEach((k, v) -> spelled.put(k, v instanceof String text
                ? PrefectBlocks.get().jobVariableValue(k, text).orElse(text) : v));
        return block.isEmpty() ? spelled : keepJobVariables(spelled, block.get(), "infra_overrides", notes);
    }

    /** The entries whose field (before any dot of a path) is a job variable of the block's pool type; a note on the rest. */
    private static Map<String, Object> keepJobVariables(Map<String, Object> fields, PrefectBlocks.Infrastructure block,
                                                        String label, List<Note> notes) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> unmapped = new ArrayList<>();
        fields.forEach((k, v) -> {
            if (block.jobVariables().contains(k.contains(".") ? k.substring(0, k.indexOf('.')) : k)) {
                out.put(k, v);
            } else {
                unmapped.add(k);
            }
        });
        if (!unmapped.isEmpty()) {
            notes.add(new Note("work_pool", "PF205: " + label + " " + unmapped + " have no job variable on a " + block.poolType()
                    + " work pool; set them in the pool's base job template by hand"));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> schedules(Map<String, Object> d, List<Note> notes) {
        List<Map<String, Object>> out = new ArrayList<>();
        Object active = d.get("is_schedule_active");
        if (d.get("schedule") instanceof Map<?, ?> s && !s.isEmpty()) {
            out.add(flatSchedule((Map<String, Object>) s, active, notes));
        }
        if (d.get("schedules") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> m) {
                    Map<String, Object> inner = m.get("schedule") instanceof Map<?, ?> i ? (Map<String, Object>) i : (Map<String, Object>) m;
                    out.add(flatSchedule(inner, m.containsKey("active") ? m.get("active") : active, notes));
                }
            }
        }
        return out;
    }

    /**
     * One schedule's keys as prefect.yaml spells them. A build output is Prefect 2's: a naive anchor_date outside UTC
     * (written by hand, or by a 2.x that kept it as given) is carried at {@code +00:00}, the instant Prefect 2 read.
     */
    private static Map<String, Object> flatSchedule(Map<String, Object> s, Object active, List<Note> notes) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : List.of("cron", "interval", "rrule", "anchor_date", "timezone", "day_or")) {
            if (s.get(key) != null) {
                out.put(key, s.get(key));
            }
        }
        if (out.get("interval") != null && out.get("anchor_date") instanceof String naive
                && out.get("timezone") instanceof String timezone) {
            Prefect2AnchorDate.of(naive, timezone).ifPresent(at -> {
                String written = at.written(naive);
                out.put("anchor_date", written);
                notes.add(new Note("schedules", "PF207: " + Prefect2AnchorDate.yamlNote(at, naive, written)));
            });
        }
        if (Boolean.FALSE.equals(active)) {
            out.put("active", false);
        }
        return out;
    }

    private static List<Object> pullSteps(Map<String, Object> storage, Map<String, Object> d, List<Note> notes) {
        String slug = String.valueOf(storage.getOrDefault("_block_type_slug", ""));
        List<Object> steps = new ArrayList<>();
        switch (slug) {
            case "github" -> {
                Map<String, Object> args = new LinkedHashMap<>();
                args.put("repository", storage.get("repository"));
                if (storage.get("reference") != null) {
                    args.put("branch", storage.get("reference"));
                }
                if (storage.get("access_token") != null) {
                    notes.add(new Note("pull", "PF206: the GitHub storage block held an access token: store it in a Secret "
                            + "block and pass `access_token: \"{{ prefect.blocks.secret.NAME }}\"` to git_clone"));
                }
                steps.add(Map.of("prefect.deployments.steps.git_clone", args));
            }
            case "s3" -> {
                Map<String, Object> args = bucketAndFolder(storage, d, "bucket");
                steps.add(Map.of("prefect_aws.deployments.steps.pull_from_s3", args));
                notes.add(new Note("pull", "PF206: pull_from_s3 needs prefect-aws and credentials (an AwsCredentials block)"));
            }
            case "gcs" -> {
                // prefect.filesystems.GCS: bucket_path "bucket/folder", project, service_account_info (a secret)
                Map<String, Object> args = bucketAndFolder(storage, d, "bucket");
                if (storage.get("project") != null && !String.valueOf(storage.get("project")).isBlank()) {
                    args.put("project", storage.get("project"));
                }
                steps.add(Map.of("prefect_gcp.deployments.steps.pull_from_gcs", args));
                notes.add(new Note("pull", "PF206: pull_from_gcs needs prefect-gcp on the worker and credentials: save a "
                        + "GcpCredentials block and pass `credentials: \"{{ prefect.blocks.gcp-credentials.NAME }}\"`"));
            }
            case "azure" -> {
                // prefect.filesystems.Azure: bucket_path "container/folder"; its connection string or key is a secret
                Map<String, Object> args = bucketAndFolder(storage, d, "container");
                steps.add(Map.of("prefect_azure.deployments.steps.pull_from_azure_blob_storage", args));
                // unlike pull_from_s3 and pull_from_gcs, this step has no default credentials: it fails without them
                notes.add(new Note("pull", "PF206: pull_from_azure_blob_storage needs prefect-azure[blob_storage] on the "
                        + "worker and its required `credentials:`, added by hand: save an AzureBlobStorageCredentials block "
                        + "and pass `credentials: \"{{ prefect.blocks.azure-blob-storage-credentials.NAME }}\"`"));
            }
            case "local-file-system" -> steps.add(Map.of("prefect.deployments.steps.set_working_directory",
                    Map.of("directory", storage.getOrDefault("basepath", d.getOrDefault("path", ".")))));
            case "" -> {
                // No storage block: the code is where the worker runs.
            }
            default -> notes.add(new Note("", "PF206: storage block type `" + slug + "` has no mechanical pull step; write "
                    + "the `pull:` steps of this deployment by hand"));
        }
        return steps;
    }

    /**
     * A GitHub storage block's deployment with a {@code path}: 2.x cloned the repository and copied only that folder
     * into the run's working directory, reading the entrypoint there; git_clone leaves the whole repository, where
     * Prefect 3 reads the entrypoint from its root, so the entrypoint is made relative to the root (as
     * {@code flow.from_source} writes it). A {@code set_working_directory} step would keep the folder as the working
     * directory, but a relative directory there is changed into twice (the step, then the flow run with the step's
     * output: PrefectHQ/prefect#18182), and where the worker clones to is not known here.
     */
    private static void gitSubfolder(Map<String, Object> storage, Map<String, Object> d, Map<String, Object> e,
                                     List<Note> notes) {
        String folder = d.get("path") instanceof String p ? trimSlashes(p.strip()) : "";
        if (!"github".equals(storage.get("_block_type_slug")) || folder.isEmpty() || folder.equals(".")
                || !(e.get("entrypoint") instanceof String entrypoint)) {
            return;
        }
        String rooted = ReplaceDeploymentBuildFromFlow.joined(folder, entrypoint);
        e.put("entrypoint", rooted);
        notes.add(new Note("entrypoint", "PF206: the entrypoint is now `" + rooted + "`, from the repository's root, "
                + "where git_clone leaves the code: Prefect 2 copied only `" + folder + "` of the repository into the "
                + "run's working directory and read `" + entrypoint + "` there. The flow now runs from the root: a file "
                + "it opens by a relative path, or a module it imports from the top of `" + folder + "`, is looked up "
                + "from the root"));
    }

    /**
     * A 2.x remote filesystem's {@code bucket_path} ("name/folder") as the pull step's bucket (or container) and folder.
     * The deployment's {@code path} is a folder under it: 2.x uploaded the flow's directory to bucket_path/path and
     * its agents read it back from there.
     */
    private static Map<String, Object> bucketAndFolder(Map<String, Object> storage, Map<String, Object> d, String bucketKey) {
        String bucketPath = String.valueOf(storage.getOrDefault("bucket_path", ""));
        int slash = bucketPath.indexOf('/');
        Map<String, Object> args = new LinkedHashMap<>();
        args.put(bucketKey, slash < 0 ? bucketPath : bucketPath.substring(0, slash));
        String folder = slash < 0 ? "" : bucketPath.substring(slash + 1);
        String path = d.get("path") instanceof String p ? p : "";
        args.put("folder", Stream.of(folder, path).map(DeploymentYamlEntry::trimSlashes).filter(part -> !part.isEmpty())
                .collect(Collectors.joining("/")));
        return args;
    }

    private static String trimSlashes(String part) {
        return part.replaceAll("^/+|/+$", "");
    }

    private static void copy(Map<String, Object> from, Map<String, Object> to, String key) {
        Object v = from.get(key);
        if (v != null && !(v instanceof String s && s.isBlank()) && !(v instanceof Map<?, ?> m && m.isEmpty())
                && !(v instanceof List<?> l && l.isEmpty())) {
            to.put(key, v);
        }
    }

    /** prefect.yaml deployment entries as block YAML, each line indented like the list's existing items. */
    static String dump(List<Map<String, Object>> entries, String indent) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        options.setWidth(120);
        String dumped = new org.yaml.snakeyaml.Yaml(options).dump(entries);
        return "\n" + dumped.lines().map(l -> indent + l).collect(Collectors.joining("\n"));
    }

    /**
     * A top-level {@code deployments:} entry with more entries after its own: {@code entries} gets the
     * indentation of the list's items and returns their text. A block list keeps its items and gets the new ones
     * below; an empty value ({@code deployments:}, {@code ~}, {@code null}) or an empty flow list ({@code []}) is
     * replaced by the new block list; a flow list with items ({@code [{name: a}]}) becomes a block list whose first
     * items are the old ones, each kept as written ({@code - {name: a}}), since block entries cannot follow a flow
     * list and the new entries are too deep to read well in flow style.
     */
    static Yaml.Mapping.Entry appendTo(Yaml.Mapping.Entry deployments, Cursor cursor, Function<String, String> entries) {
        if (!(deployments.getValue() instanceof Yaml.Sequence s)) {
            return deployments.withValue(YamlSnippets.parseValue("deployments", entries.apply("")));
        }
        if (s.getOpeningBracketPrefix() == null) {
            String indent = s.getEntries().isEmpty() ? "" : lastLine(s.getEntries().get(0).getPrefix());
            return deployments.withValue(YamlSnippets.parseValue("deployments", s.print(cursor) + entries.apply(indent)));
        }
        StringBuilder items = new StringBuilder();
        for (Yaml.Sequence.Entry item : s.getEntries()) {
            items.append("\n- ").append(item.getBlock().withPrefix("").print(new Cursor(cursor, s)));
        }
        return deployments.withValue(YamlSnippets.parseValue("deployments", items + entries.apply("")));
    }

    /**
     * {@code docs} with a top-level {@code deployments:} key holding {@code entriesText} added after its last key;
     * unchanged when its first document is not a mapping.
     */
    static Yaml.Documents withDeployments(Yaml.Documents docs, String entriesText) {
        Yaml.Document doc = docs.getDocuments().get(0);
        if (!(doc.getBlock() instanceof Yaml.Mapping top)) {
            return docs;
        }
        List<Yaml.Mapping.Entry> entries = new ArrayList<>(top.getEntries());
        entries.add(YamlSnippets.parseEntry("deployments", entriesText).withPrefix("\n"));
        List<Yaml.Document> documents = new ArrayList<>(docs.getDocuments());
        documents.set(0, doc.withBlock(top.withEntries(entries)));
        return docs.withDocuments(documents);
    }

    private static String lastLine(String prefix) {
        return prefix.substring(prefix.lastIndexOf('\n') + 1);
    }

    /**
     * The line, counted from 0 in {@code dumped} (the text {@link #dump} returned), of the key a note is about in
     * entry {@code entry}; the entry's first line when that key is not there.
     */
    static int lineOf(String dumped, int entry, String at) {
        Node root = new org.yaml.snakeyaml.Yaml().compose(new StringReader(dumped));
        if (!(root instanceof SequenceNode list) || entry >= list.getValue().size()) {
            return 0;
        }
        Node node = list.getValue().get(entry);
        int line = node.getStartMark().getLine();
        for (String key : at.isEmpty() ? new String[0] : at.split("\\.")) {
            Optional<NodeTuple> found = node instanceof MappingNode m ? m.getValue().stream()
                    .filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)).findFirst()
                    : Optional.empty();
            if (found.isEmpty()) {
                break;
            }
            line = found.get().getKeyNode().getStartMark().getLine();
            node = found.get().getValueNode();
        }
        return line;
    }
}
