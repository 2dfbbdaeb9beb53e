package dev.migrate.recipes.prefect2;

import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.internal.ComposeFileRecipe;
import dev.migrate.recipes.internal.ComposeFiles;
import dev.migrate.recipes.internal.TextPositions;
import dev.migrate.recipes.internal.YamlSnippets;
import dev.migrate.recipes.prefectcli.CliOptions;
import dev.migrate.recipes.prefectcli.DeploymentQueues;
import dev.migrate.recipes.prefectcli.PrefectCommandRewriter;
import dev.migrate.recipes.prefectcli.ShellRewrite;
import dev.migrate.recipes.prefectcli.WorkerPackages;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openrewrite.Cursor;
import org.openrewrite.ExecutionContext;
import org.openrewrite.Tree;
import org.openrewrite.TreeVisitor;
import org.openrewrite.yaml.tree.Yaml;

/**
 * Turns docker compose services that run {@code prefect agent start} into Prefect 3 workers, as seed 000
 * did by hand: the command becomes {@code prefect worker start --pool NAME --type TYPE}, the service and
 * container names follow ({@code prefect-agent} becomes {@code prefect-worker}, with {@code depends_on}
 * references updated), and a one-shot service creates the typed work pool before the worker starts: it waits for
 * the file's server and retries until the API answers, and the workers wait for it to complete.
 */
public class MigrateComposeAgentToWorker extends ComposeFileRecipe {
    // a value quoted as a whole, else up to a quote that closes the text around the command (`bash -c "... --type process"`)
    private static final Pattern POOL = Pattern.compile("--pool\\s+(\"[^\"]*\"|'[^']*'|[^\\s\"']+)");
    private static final Pattern TYPE = Pattern.compile("--type\\s+(\"[^\"]*\"|'[^']*'|[^\\s\"']+)");
    /** A command Prefect 3 removed: an agent, a deployment build/apply or schedule command, an orion server. */
    private static final Pattern PREFECT_2_COMMAND = Pattern.compile(
            "prefect\\s+(agent|orion|deployment\\s+(build|apply|set-schedule|pause-schedule|resume-schedule))\\b");
    private final transient MigrationNotes notes = new MigrationNotes(this, "PF203");

    @Override
    public String getDisplayName() {
        return "Migrate compose agent services to Prefect 3 workers";
    }

    @Override
    public String getDescription() {
        return "Rewrites docker compose services running `prefect agent start` to run `prefect worker start` on a "
                + "typed work pool, renames agent services and containers to worker, and adds a one-shot service "
                + "that creates the work pool when it does not exist yet, once the server's API answers; the workers "
                + "start after it completed.";
    }

    /** The run's compose files, and its deployments by work queue, which choose the pools of the agents' workers. */
    @Override
    public TreeVisitor<?, ExecutionContext> getScanner(ComposeFiles acc) {
        TreeVisitor<?, ExecutionContext> compose = super.getScanner(acc);
        TreeVisitor<?, ExecutionContext> queues = DeploymentQueues.scanner();
        return new TreeVisitor<Tree, ExecutionContext>() {
            @Override
            public Tree visit(Tree tree, ExecutionContext ctx) {
                compose.visit(tree, ctx);
                queues.visit(tree, ctx);
                return tree;
            }
        };
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getVisitor(ComposeFiles acc) {
        // compose files by name, and those the run's commands, .env files or includes name (deploy/stack.yml)
        return new ComposeVisitor(acc) {
            @Override
            public Yaml.Mapping.Entry visitMappingEntry(Yaml.Mapping.Entry entry, ExecutionContext ctx) {
                Yaml.Mapping.Entry e = super.visitMappingEntry(entry, ctx);
                if ("services".equals(e.getKey().getValue()) && e.getValue() instanceof Yaml.Mapping services
                        && PrefectYamlFiles.isTopLevel(getCursor())) {
                    String path = getCursor().firstEnclosingOrThrow(Yaml.Documents.class).getSourcePath().toString();
                    return migrate(e, services, path, ctx, getCursor());
                }
                return e;
            }
        };
    }

    /**
     * The line of a service's key in the compose file: the first indented {@code name:} after {@code services:}
     * (0, for no line, when it cannot be told, say in a flow mapping).
     */
    static int serviceLine(String text, String service) {
        int at = serviceOffset(text, service);
        return at < 0 ? 0 : TextPositions.lineOf(text, at);
    }

    /** Where a service's key starts, or -1. */
    private static int serviceOffset(String text, String service) {
        Matcher services = Pattern.compile("(?m)^services[ \\t]*:").matcher(text);
        if (!services.find()) {
            return -1;
        }
        Matcher key = Pattern.compile("(?m)^[ \\t]+[\"']?" + Pattern.quote(service) + "[\"']?[ \\t]*:").matcher(text);
        return key.find(services.end()) ? key.start() : -1;
    }

    /**
     * The line of field {@code field} ({@code command}) of a service, the first line below the service's key
     * indented deeper than it; the service's own line when there is no such field.
     */
    static int fieldLine(String text, String service, String field) {
        int at = serviceOffset(text, service);
        if (at < 0) {
            return 0;
        }
        int indent = 0;
        while (text.charAt(at + indent) == ' ' || text.charAt(at + indent) == '\t') {
            indent++;
        }
        Matcher f = Pattern.compile("(?m)^([ \\t]*)(\\S[^\\n]*)").matcher(text);
        int from = TextPositions.endOfLine(text, at);
        while (f.find(from)) {
            from = TextPositions.endOfLine(text, f.start());
            if (f.group(2).startsWith("#")) {
                continue;
            }
            if (f.group(1).length() <= indent) {
                break; // the next service
            }
            if (f.group(2).matches("[\"']?" + Pattern.quote(field) + "[\"']?[ \\t]*:.*")) {
                return TextPositions.lineOf(text, f.start());
            }
            if (from >= text.length()) {
                break;
            }
        }
        return TextPositions.lineOf(text, at);
    }

    /** A note held back until the output text, whose lines it names, is known. */
    private record Pending(String service, String field, boolean manual, String message) {
    }

    private Yaml.Mapping.Entry migrate(Yaml.Mapping.Entry servicesEntry, Yaml.Mapping services, String path,
                                       ExecutionContext ctx, Cursor cursor) {
        CliOptions options = new CliOptions("process", PrefectTarget.from(ctx).minor())
                .withQueuePools(DeploymentQueues.in(ctx).pools());
        Map<String, String> renamed = new LinkedHashMap<>();
        Map<String, String> poolServices = new LinkedHashMap<>();
        /* worker service name -> its pool and type */
        Map<String, String[]> pools = new LinkedHashMap<>();
        List<Yaml.Mapping.Entry> entries = new ArrayList<>();
        boolean changed = false;
        List<Pending> pending = new ArrayList<>();
        for (Yaml.Mapping.Entry service : services.getEntries()) {
            String serviceName = service.getKey().getValue();
            if (!(service.getValue() instanceof Yaml.Mapping body)) {
                entries.add(service);
                continue;
            }
            Yaml.Mapping.Entry command = commandField(body, cursor);
            ComposeCommand r = command == null ? null : ComposeCommand.of(command, options);
            if (r == null) {
                if (command != null && PREFECT_2_COMMAND.matcher(command.print(cursor)).find()) {
                    pending.add(new Pending(serviceName, null, true, "service `" + serviceName + "` gives its "
                            + command.getKey().getValue() + " in a form this recipe cannot read (a folded line "
                            + "indented deeper keeps its break); rewrite its Prefect 2 commands by hand"));
                }
                entries.add(service);
                continue;
            }
            if (!r.changed()) {
                if (r.manual()) {
                    // a command left as it was for a person (`prefect agent start $QUEUES`) says why
                    r.notes().forEach(n -> pending.add(new Pending(serviceName, command.getKey().getValue(), true, n)));
                }
                entries.add(service);
                continue;
            }
            if (command.getKey().getValue().equals("entrypoint") && find(body, "command") != null) {
                // the service's command gives the entrypoint its arguments: translated alone, the worker would get
                // words it rejects or that name another pool
                String code = MigrationNotes.codeOf(r.notes());
                pending.add(new Pending(serviceName, "entrypoint", true, (code == null ? "PF203" : code)
                        + ": left as it was: service `" + serviceName
                        + "`'s command gives this entrypoint its arguments, which a translation of the entrypoint alone "
                        + "cannot see; translate them together (the entrypoint alone would run `" + r.after()
                        + "`) and move the arguments the new command takes into command"));
                entries.add(service);
                continue;
            }
            // Every agent-to-worker move chooses a pool and its type for the user: an unsafe fix.
            if (!r.notes().isEmpty() && !FixSafety.unsafeAllowed(ctx)) {
                // the code of the command's notes (PF101 for a Prefect 1 agent), else this recipe's PF203
                String code = MigrationNotes.codeOf(r.notes());
                pending.add(new Pending(serviceName, null, true, (code == null ? "" : code + ": ")
                        + MigrationNotes.unsafeFixNotApplied("service `" + serviceName + "` would run `" + r.after() + "`")));
                entries.add(service);
                continue;
            }
            if (r.value() == null) {
                pending.add(new Pending(serviceName, command.getKey().getValue(), true, "quoting prevents an "
                        + "automatic edit of service `" + serviceName + "`; change its " + command.getKey().getValue()
                        + " by hand to: " + r.after()));
                entries.add(service);
                continue;
            }
            changed = true;
            List<Yaml.Mapping.Entry> fields = new ArrayList<>(body.getEntries());
            fields.set(fields.indexOf(command), command.withValue(r.value()));
            boolean becameWorker = r.before().contains("agent") && r.after().contains("worker start");
            String name = serviceName;
            Yaml.Mapping.Entry svc = service;
            if (becameWorker) {
                Yaml.Mapping.Entry container = find(body, "container_name");
                if (container != null && container.getValue() instanceof Yaml.Scalar c && c.getValue().contains("agent")) {
                    fields.set(fields.indexOf(container), container.withValue(c.withValue(c.getValue().replace("agent", "worker"))));
                }
                if (name.contains("agent")) {
                    String newName = name.replace("agent", "worker");
                    renamed.put(name, newName);
                    svc = svc.withKey(((Yaml.Scalar) svc.getKey()).withValue(newName));
                }
            }
            svc = svc.withValue(body.withEntries(fields));
            entries.add(svc);
            for (String note : r.notes()) {
                pending.add(new Pending(svc.getKey().getValue(), command.getKey().getValue(), r.manual(), note));
            }
            if (becameWorker) {
                Matcher pool = POOL.matcher(r.after());
                Matcher type = TYPE.matcher(r.after());
                if (pool.find()) {
                    String workerType = type.find() ? unquoted(type.group(1)) : "process";
                    pools.put(svc.getKey().getValue(), new String[] {unquoted(pool.group(1)), workerType});
                    String worker = svc.getKey().getValue();
                    missingWorkerPackage(body, workerType, cursor).ifPresent(note ->
                            pending.add(new Pending(worker, null, true, note)));
                }
            }
        }
        List<Yaml.Mapping.Entry> renamedEntries = renameReferences(entries, renamed);
        // the pool services copy their workers' settings once references point at the renamed services
        // workers sharing a pool (agents that polled queues of default-agent-pool) need it created once
        Map<String, String> poolServiceOfPool = new LinkedHashMap<>();
        Yaml.Mapping.Entry server = serverService(renamedEntries, cursor);
        List<Yaml.Mapping.Entry> withPools = new ArrayList<>();
        for (Yaml.Mapping.Entry svc : renamedEntries) {
            String[] pool = pools.get(svc.getKey().getValue());
            if (pool == null || !(svc.getValue() instanceof Yaml.Mapping body) || body.getOpeningBracePrefix() != null) {
                withPools.add(svc);
                continue;
            }
            if (!poolServiceOfPool.containsKey(pool[0])) {
                poolServiceOfPool.put(pool[0], svc.getKey().getValue() + "-create-pool");
                poolServices.put(svc.getKey().getValue(), poolService(svc, pool[0], pool[1], server, cursor));
            }
            // a worker started before its pool exists exits at once (restart policies then race the pool service)
            String indent = indentOf(svc);
            withPools.add(svc.withValue(ComposeDependsOn.dependOn(body, poolServiceOfPool.get(pool[0]),
                    fieldIndent(body, indent), step(body, indent), cursor)));
        }
        Yaml.Mapping.Entry result = !changed ? servicesEntry
                : withPoolServices(servicesEntry.withValue(services.withEntries(withPools)), poolServices, cursor);
        report(pending, outputText(servicesEntry, result, cursor), path, ctx);
        return result;
    }

    /**
     * A note when the worker's type needs a package (a docker worker, prefect-docker, once the deployments of its queue
     * moved to the docker pool of their block) that the service's Prefect image does not hold and its environment does
     * not install ({@code EXTRA_PIP_PACKAGES}, which the prefecthq/prefect images install at start).
     */
    private static java.util.Optional<String> missingWorkerPackage(Yaml.Mapping service, String type, Cursor cursor) {
        Yaml.Mapping.Entry image = find(service, "image");
        Yaml.Mapping.Entry environment = find(service, "environment");
        String name = image != null && image.getValue() instanceof Yaml.Scalar s ? s.getValue() : "";
        String env = environment == null ? "" : environment.print(cursor);
        return WorkerPackages.of(type).filter(p -> name.contains("prefecthq/prefect:") && !env.contains(p))
                .filter(p -> !(p.equals("prefect-kubernetes") && name.contains("kubernetes")))
                .map(p -> "PF203: a " + type + " worker needs the " + p + " package, which image `" + name + "` does "
                        + "not hold: set EXTRA_PIP_PACKAGES=" + p + " in the service's environment (the image installs "
                        + "it at start) or run an image that holds it");
    }

    /** The compose file as it will be written: only the services entry changes. */
    private static String outputText(Yaml.Mapping.Entry before, Yaml.Mapping.Entry after, Cursor cursor) {
        String source = cursor.firstEnclosingOrThrow(Yaml.Documents.class).printAll();
        if (before == after) {
            return source;
        }
        String old = before.print(cursor);
        int at = source.indexOf(old);
        return at < 0 ? source : source.substring(0, at) + after.print(cursor) + source.substring(at + old.length());
    }

    /** Each note names the line, in the output, of the field it is about, else of its service. */
    private void report(List<Pending> pending, String output, String path, ExecutionContext ctx) {
        for (Pending p : pending) {
            int line = p.field() == null ? serviceLine(output, p.service()) : fieldLine(output, p.service(), p.field());
            notes.insertRow(ctx, new MigrationNotes.Row(path, line, getName(), p.manual(), p.message()));
        }
    }

    private static Yaml.Mapping.Entry withPoolServices(Yaml.Mapping.Entry result, Map<String, String> poolServices,
                                                       Cursor cursor) {
        if (poolServices.isEmpty()) {
            return result;
        }
        // The pool service goes right before its worker. A comment trailing the previous line stays there, and
        // comment lines right above the agent describe it, so they stay above the worker, below the pool service.
        StringBuilder text = new StringBuilder();
        for (Yaml.Mapping.Entry service : ((Yaml.Mapping) result.getValue()).getEntries()) {
            String pool = poolServices.get(service.getKey().getValue());
            if (pool == null) {
                text.append(service.print(cursor));
                continue;
            }
            String prefix = service.getPrefix();
            int lineEnd = prefix.indexOf('\n') + 1;
            int indentStart = prefix.lastIndexOf('\n') + 1;
            String indent = prefix.substring(indentStart);
            String gap = prefix.contains("\n\n") || prefix.contains("\n\r\n") ? "\n\n" : "\n";
            int comments = firstCommentLine(prefix, lineEnd, indentStart);
            text.append(prefix, 0, comments).append(indent).append(pool).append(gap)
                    .append(prefix, comments, indentStart).append(indent).append(service.withPrefix("").print(cursor));
        }
        return result.withValue(YamlSnippets.parseValue("services", text.toString()));
    }

    /** Where the first whole comment line in {@code prefix[from, to)} starts, or {@code to} when there is none. */
    private static int firstCommentLine(String prefix, int from, int to) {
        for (int start = from; start < to; ) {
            int end = prefix.indexOf('\n', start) + 1;
            if (prefix.substring(start, end).strip().startsWith("#")) {
                return start;
            }
            start = end;
        }
        return to;
    }

    /**
     * A pool name as the worker's command quoted it ({@code "${POOL}"}): its quotes would close the double-quoted
     * {@code sh -c} text of the pool service, which compose interpolates before any shell runs.
     */
    private static String unquoted(String word) {
        boolean quoted = word.length() >= 2 && (word.charAt(0) == '"' || word.charAt(0) == '\'')
                && word.charAt(word.length() - 1) == word.charAt(0);
        return quoted ? word.substring(1, word.length() - 1) : word;
    }

    /** How many times the pool service asks the API, two seconds apart, before it gives up. */
    static final int POOL_ATTEMPTS = 30;

    /**
     * Text of a one-shot service that creates the worker's pool unless it exists (no leading prefix). It waits for
     * the file's server (healthy, when the server has a healthcheck) and then asks until the API answers: a started
     * server container is not yet an API, and a failed create would keep the worker from ever starting. The pool is
     * inspected before it is created rather than created with {@code --overwrite}, which would reset a pool changed
     * since (its base job template, its concurrency) on every {@code docker compose up}.
     */
    private static String poolService(Yaml.Mapping.Entry worker, String pool, String type, Yaml.Mapping.Entry server,
                                      Cursor cursor) {
        String indent = indentOf(worker);
        Yaml.Mapping body = (Yaml.Mapping) worker.getValue();
        String inner = fieldIndent(body, indent);
        String step = step(body, indent);
        StringBuilder sb = new StringBuilder();
        sb.append(worker.getKey().getValue()).append("-create-pool:");
        // a worker built from a Dockerfile has no image: the one-shot service builds the same one. Settings merged
        // from an anchor (`<<: *prefect`) may hold the image; the profiles start the service with its worker only
        List<String> copied = find(body, "image") != null ? List.of("<<", "image", "environment", "env_file",
                "networks", "profiles")
                : List.of("<<", "build", "environment", "env_file", "networks", "profiles");
        for (String key : copied) {
            Yaml.Mapping.Entry field = find(body, key);
            if (field != null) {
                // without its prefix: comment lines above a field describe the worker's setup, not the copy's
                sb.append('\n').append(inner).append(field.withPrefix("").print(cursor));
            }
        }
        Map<String, List<String>> deps = ComposeDependsOn.read(body, cursor);
        if (server != null && enabledWithWorker((Yaml.Mapping) server.getValue(), body)) {
            deps = ComposeDependsOn.withCondition(deps, server.getKey().getValue(),
                    hasHealthcheck((Yaml.Mapping) server.getValue()) ? ComposeDependsOn.HEALTHY : ComposeDependsOn.STARTED);
        }
        if (!deps.isEmpty()) {
            sb.append('\n').append(inner).append("depends_on:").append(ComposeDependsOn.longForm(deps, inner + step, step));
        }
        // `$$` is compose's escape: the shell gets `$`, compose would otherwise read `$n` as its own variable
        sb.append('\n').append(inner).append("command: sh -c \"n=0; until prefect work-pool inspect ").append(pool)
                .append(" >/dev/null 2>&1 || prefect work-pool create ").append(pool).append(" --type ").append(type)
                .append("; do n=$$((n+1)); if [ $$n -ge ").append(POOL_ATTEMPTS)
                .append(" ]; then echo 'no work pool ").append(pool).append(", the Prefect API did not answer' >&2; ")
                .append("exit 1; fi; sleep 2; done\"");
        sb.append('\n').append(inner).append("restart: \"no\"");
        return sb.toString();
    }

    /**
     * The file's Prefect server, which the pool services wait for: the first service whose command or entrypoint
     * runs {@code prefect server start} (or 2.x's {@code prefect orion start}); null when the API is elsewhere.
     */
    private static Yaml.Mapping.Entry serverService(List<Yaml.Mapping.Entry> services, Cursor cursor) {
        Pattern server = Pattern.compile("\\bprefect\\s+(?:server|orion)\\s+start\\b");
        for (Yaml.Mapping.Entry svc : services) {
            if (svc.getValue() instanceof Yaml.Mapping body) {
                for (String key : List.of("command", "entrypoint")) {
                    Yaml.Mapping.Entry field = find(body, key);
                    // exec lists read as words: ["prefect", "server", "start"]
                    if (field != null && server.matcher(field.getValue().print(cursor).replaceAll("[\"',\\[\\]]", " ")).find()) {
                        return svc;
                    }
                }
            }
        }
        return null;
    }

    /**
     * Whether compose enables the server whenever it enables the worker: the server has no profiles, or shares one
     * with the worker. A dependency on a server compose leaves disabled (an agent and its server under their own
     * profiles, `docker compose --profile agent up` on a machine that reaches the API elsewhere) makes compose 2.18.1
     * and later refuse the whole project ("depends on undefined service"): the pool service's retries wait instead.
     */
    private static boolean enabledWithWorker(Yaml.Mapping server, Yaml.Mapping worker) {
        Set<String> serverProfiles = profiles(server);
        return serverProfiles.isEmpty() || profiles(worker).stream().anyMatch(serverProfiles::contains);
    }

    /** A service's profiles, written as a list (block or flow) of names. */
    private static Set<String> profiles(Yaml.Mapping service) {
        Yaml.Mapping.Entry field = find(service, "profiles");
        Set<String> out = new HashSet<>();
        if (field != null && field.getValue() instanceof Yaml.Sequence seq) {
            for (Yaml.Sequence.Entry e : seq.getEntries()) {
                if (e.getBlock() instanceof Yaml.Scalar name) {
                    out.add(name.getValue());
                }
            }
        }
        return out;
    }

    /** A healthcheck compose runs: not one with {@code disable: true} or the test {@code NONE}. */
    private static boolean hasHealthcheck(Yaml.Mapping server) {
        Yaml.Mapping.Entry check = find(server, "healthcheck");
        if (check == null || !(check.getValue() instanceof Yaml.Mapping h)) {
            return false;
        }
        Yaml.Mapping.Entry disable = find(h, "disable");
        Yaml.Mapping.Entry test = find(h, "test");
        boolean disabled = disable != null && disable.getValue() instanceof Yaml.Scalar d && d.getValue().equals("true");
        boolean none = test != null && (test.getValue() instanceof Yaml.Scalar t && t.getValue().equals("NONE")
                || test.getValue() instanceof Yaml.Sequence seq && !seq.getEntries().isEmpty()
                        && seq.getEntries().get(0).getBlock() instanceof Yaml.Scalar first && first.getValue().equals("NONE"));
        return !disabled && !none;
    }

    /** The indentation of a service's key. */
    private static String indentOf(Yaml.Mapping.Entry service) {
        return service.getPrefix().substring(service.getPrefix().lastIndexOf('\n') + 1);
    }

    /** The indentation of a service's fields, else its key's and two spaces. */
    private static String fieldIndent(Yaml.Mapping body, String indent) {
        String prefix = body.getEntries().isEmpty() ? "" : body.getEntries().get(0).getPrefix();
        int nl = prefix.lastIndexOf('\n');
        return nl >= 0 && prefix.length() - nl - 1 > indent.length() ? prefix.substring(nl + 1) : indent + "  ";
    }

    /** One level of the file's indentation, as a service's fields are indented under its key. */
    private static String step(Yaml.Mapping body, String indent) {
        return " ".repeat(Math.max(2, fieldIndent(body, indent).length() - indent.length()));
    }

    /** Points {@code depends_on} and {@code links} at the renamed services. */
    private static List<Yaml.Mapping.Entry> renameReferences(List<Yaml.Mapping.Entry> services, Map<String, String> renamed) {
        if (renamed.isEmpty()) {
            return services;
        }
        List<Yaml.Mapping.Entry> out = new ArrayList<>();
        for (Yaml.Mapping.Entry service : services) {
            if (!(service.getValue() instanceof Yaml.Mapping body)) {
                out.add(service);
                continue;
            }
            List<Yaml.Mapping.Entry> fields = new ArrayList<>();
            for (Yaml.Mapping.Entry f : body.getEntries()) {
                String key = f.getKey().getValue();
                fields.add(key.equals("depends_on") || key.equals("links") ? f.withValue(renameIn(f.getValue(), renamed)) : f);
            }
            out.add(service.withValue(body.withEntries(fields)));
        }
        return out;
    }

    private static Yaml.Block renameIn(Yaml.Block block, Map<String, String> renamed) {
        if (block instanceof Yaml.Sequence seq) {
            List<Yaml.Sequence.Entry> items = new ArrayList<>();
            for (Yaml.Sequence.Entry item : seq.getEntries()) {
                items.add(item.getBlock() instanceof Yaml.Scalar s && renamed.containsKey(s.getValue())
                        ? item.withBlock(s.withValue(renamed.get(s.getValue()))) : item);
            }
            return seq.withEntries(items);
        }
        if (block instanceof Yaml.Mapping map) {
            List<Yaml.Mapping.Entry> items = new ArrayList<>();
            for (Yaml.Mapping.Entry item : map.getEntries()) {
                String k = item.getKey().getValue();
                items.add(renamed.containsKey(k) ? item.withKey(((Yaml.Scalar) item.getKey()).withValue(renamed.get(k))) : item);
            }
            return map.withEntries(items);
        }
        return block;
    }

    /**
     * The field that runs the service's prefect command: {@code command}, else {@code entrypoint} (ComposeAgentServices
     * asks it too, to know ahead of this recipe which agents it will move).
     */
    static Yaml.Mapping.Entry commandField(Yaml.Mapping body, Cursor cursor) {
        Yaml.Mapping.Entry command = find(body, "command");
        Yaml.Mapping.Entry entrypoint = find(body, "entrypoint");
        if (command != null && (entrypoint == null || command.print(cursor).contains("prefect"))) {
            return command;
        }
        return entrypoint;
    }

    static Yaml.Mapping.Entry find(Yaml.Mapping m, String key) {
        return m.getEntries().stream().filter(e -> key.equals(e.getKey().getValue())).findFirst().orElse(null);
    }
}
