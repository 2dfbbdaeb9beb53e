package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.SourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Whether the place a command runs gives its output a terminal, which is what decides whether Prefect's CLI prompts
 * when nothing else says: 3.x {@code prefect/cli/_app.py} {@code is_interactive()} is the rich console's
 * {@code is_interactive}, built with {@code force_interactive} from {@code --prompt/--no-prompt}, else the
 * {@code PREFECT_CLI_PROMPT} setting (unset by default); rich then reads {@code TTY_INTERACTIVE} ({@code 0}/{@code 1}),
 * else whether its output is a terminal that is not dumb ({@code is_terminal}: {@code TTY_COMPATIBLE} {@code 0}/{@code 1},
 * else a non-empty {@code FORCE_COLOR}, else {@code sys.stdout.isatty()}; {@code TERM=dumb} or {@code unknown} is no
 * terminal to prompt on). Places with no terminal:
 * <ul>
 * <li>a CI job (a GitHub Actions step, a GitLab job, in the pipeline's file or one it includes, a Jenkinsfile's
 * {@code sh}): the runner pipes its output;</li>
 * <li>a docker compose service's {@code command:}/{@code entrypoint:}, unless the service sets {@code tty: true};</li>
 * <li>a Kubernetes container's {@code command:}/{@code args:} (a Pod, Deployment, Job, CronJob...), unless it sets
 * {@code tty: true} (which the API documents as needing {@code stdin: true}; with a terminal and no input a prompt
 * reads end of input and fails: that is no run without prompts either);</li>
 * <li>a Dockerfile's {@code RUN}: an image build never has one;</li>
 * <li>a Dockerfile's {@code CMD}/{@code ENTRYPOINT}, where the scan sees compose services that build the image and run
 * that line (a {@code command:} replaces {@code CMD}, an {@code entrypoint:} both) and none sets {@code tty: true}. An
 * image nothing in the tree is seen to run may be run with {@code docker run -it}: not known.</li>
 * </ul>
 * A shell script, Makefile or unit is run by whoever runs it: not known, read as a terminal, as before.
 */
final class CommandTerminal {
    private static final Pattern INSTRUCTION = Pattern.compile("^\\s*(?i:(RUN|CMD|ENTRYPOINT))\\b");
    private static final InventorySink IGNORED = new InventorySink() {
        @Override
        public void job(Job job) {
        }

        @Override
        public void finding(Finding finding) {
        }
    };

    private CommandTerminal() {
    }

    /** Whether the command at its source in {@code file} runs with no terminal; {@code scanned}: the files at hand. */
    static boolean none(Job command, ScanFile file, Map<String, ScanFile> scanned) {
        String path = command.source().path();
        if (PrefectCliLineDetector.isCiYaml(path) || path.substring(path.lastIndexOf('/') + 1).startsWith("Jenkinsfile")) {
            return true;
        }
        if (file == null) {
            return false;
        }
        if (isYaml(file.fileName()) && includedByPipeline(path, scanned)) {
            return true; // ci/deploy.yml, which .gitlab-ci.yml includes: its jobs are the pipeline's
        }
        if (PrefectCliLineDetector.isDockerfile(file.fileName())) {
            return dockerfile(file, command.source(), scanned);
        }
        if (isYaml(file.fileName())) {
            return container(file, command.source()).map(c -> !tty(c)).orElse(false);
        }
        return false;
    }

    /**
     * Whether the rich console is interactive although its output is no terminal ({@code interactive == true}) or not
     * although it is one ({@code interactive == false}), as the variables {@code lookup} gives say; empty where they do
     * not decide it.
     */
    static Optional<Boolean> forced(java.util.function.Function<String, String> lookup, boolean terminal) {
        String interactive = lookup.apply("TTY_INTERACTIVE");
        if ("0".equals(interactive) || "1".equals(interactive)) {
            return Optional.of(interactive.equals("1"));
        }
        String compatible = lookup.apply("TTY_COMPATIBLE");
        String color = lookup.apply("FORCE_COLOR");
        boolean isTerminal = "1".equals(compatible) || !"0".equals(compatible)
                && (color != null ? !color.isEmpty() : terminal);
        String term = lookup.apply("TERM");
        boolean dumb = term != null && (term.equalsIgnoreCase("dumb") || term.equalsIgnoreCase("unknown"));
        boolean is = isTerminal && !dumb;
        return is == terminal ? Optional.empty() : Optional.of(is);
    }

    /**
     * The value of {@code name} where the command's own environment ({@code command.env()}: a compose service's
     * {@code environment:}, its {@code x-} anchors merged in, or a Kubernetes container's {@code env:}) does not give
     * one: a compose service's or Kubernetes container's command reads its service's {@code env_file:} files (in order,
     * a later file's value over an earlier's, as compose loads them; {@code files} gives their texts, null for one not
     * known) and nothing else of its file, where another service's {@code FORCE_COLOR} is not its own; any other
     * command, the last value its file gives above it ({@code above}: a script's {@code export}, a pipeline's
     * {@code env:}).
     */
    static String given(Job command, ScanFile file, String above, String name, java.util.function.Function<String, String> files) {
        if (file == null || !isYaml(file.fileName()) || PrefectCliLineDetector.isCiYaml(file.path())) {
            return lastValue(above, name);
        }
        Optional<MappingNode> container = container(file, command.source());
        if (container.isEmpty()) {
            return lastValue(above, name);
        }
        String dir = file.path().contains("/") ? file.path().substring(0, file.path().lastIndexOf('/')) : "";
        String value = null;
        for (String written : ComposeEnvFiles.written(YamlDocs.get(container.get(), "env_file"))) {
            String text = files == null ? null : WorkingDirectory.normalize(dir, written).map(files).orElse(null);
            String set = text == null ? null : lastValue(text, name);
            value = set != null ? set : value;
        }
        return value;
    }

    /** The last value a file's text gives {@code name} ({@code NAME=value}, {@code NAME: value}), or null. */
    static String lastValue(String text, String name) {
        Matcher m = Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(name) + "\\s*[=:][ \\t]*[\"']?([^\\s\"'#;&|]*)")
                .matcher(text);
        String value = null;
        while (m.find()) {
            value = m.group(1);
        }
        return value;
    }

    /** Whether the file may define containers that run commands: a YAML file (compose, Kubernetes) or a Dockerfile. */
    static boolean mayRunContainers(ScanFile file) {
        return PrefectCliLineDetector.isDockerfile(file.fileName()) || isYaml(file.fileName())
                && (file.text().contains("services") || file.text().contains("apiVersion"));
    }

    /** Whether a GitLab pipeline among the files at hand includes the file ({@link GitlabIncludes#includedFiles}). */
    private static boolean includedByPipeline(String path, Map<String, ScanFile> scanned) {
        Map<String, String> pipelines = new java.util.TreeMap<>();
        scanned.forEach((p, f) -> {
            if (GitlabPipelines.isPipeline(p)) {
                pipelines.put(p, f.text());
            }
        });
        return !pipelines.isEmpty() && GitlabIncludes.includedFiles(pipelines,
                p -> scanned.containsKey(p) ? scanned.get(p).text() : null).containsKey(path);
    }

    private static boolean isYaml(String name) {
        return name.endsWith(".yml") || name.endsWith(".yaml");
    }

    /** A Dockerfile's line: a RUN has no terminal; a CMD or ENTRYPOINT none where every service seen to run it has none. */
    private static boolean dockerfile(ScanFile file, SourceRef at, Map<String, ScanFile> scanned) {
        String[] lines = file.text().split("\n", -1);
        if (at.line() < 1 || at.line() > lines.length) {
            return false;
        }
        Matcher m = INSTRUCTION.matcher(lines[at.line() - 1]);
        if (!m.find()) {
            return false;
        }
        String instruction = m.group(1).toUpperCase(java.util.Locale.ROOT);
        if (instruction.equals("RUN")) {
            return true;
        }
        List<MappingNode> runners = new ArrayList<>();
        for (ScanFile compose : scanned.values()) {
            if (isYaml(compose.fileName()) && compose.text().contains("build")) {
                runners.addAll(servicesBuilding(compose, file.path(), instruction.equals("CMD")));
            }
        }
        return !runners.isEmpty() && runners.stream().noneMatch(CommandTerminal::tty);
    }

    /**
     * The services of a compose file that build the Dockerfile at {@code dockerfile} ({@code build: DIR}, or
     * {@code build:} with {@code context:} and {@code dockerfile:}, relative to the compose file's directory) and run
     * its CMD ({@code cmd}: without their own {@code command:} or {@code entrypoint:}) or its ENTRYPOINT (without an
     * {@code entrypoint:}).
     */
    private static List<MappingNode> servicesBuilding(ScanFile compose, String dockerfile, boolean cmd) {
        List<MappingNode> out = new ArrayList<>();
        String dir = compose.path().contains("/") ? compose.path().substring(0, compose.path().lastIndexOf('/')) : "";
        for (Node doc : YamlDocs.parse(compose, IGNORED)) {
            for (Node svc : YamlDocs.entries(YamlDocs.get(doc, "services")).values()) {
                Node build = YamlDocs.get(svc, "build");
                if (!(svc instanceof MappingNode service) || build == null) {
                    continue;
                }
                String context = build instanceof MappingNode ? YamlDocs.scalar(build, "context") : YamlDocs.scalar(build);
                String name = build instanceof MappingNode ? YamlDocs.scalar(build, "dockerfile") : null;
                Optional<String> built = WorkingDirectory.normalize(dir, context == null ? "." : context)
                        .flatMap(c -> WorkingDirectory.normalize(c, name == null ? "Dockerfile" : name));
                boolean runs = YamlDocs.get(svc, "entrypoint") == null && (!cmd || YamlDocs.get(svc, "command") == null);
                if (built.isPresent() && built.get().equals(dockerfile) && runs) {
                    out.add(service);
                }
            }
        }
        return out;
    }

    /**
     * The compose service or Kubernetes container whose {@code command:}, {@code args:} or {@code entrypoint:} starts
     * at {@code at}: a mapping under a compose file's {@code services:}, or anywhere in a Kubernetes object (a document
     * with {@code apiVersion:} and {@code kind:}).
     */
    private static Optional<MappingNode> container(ScanFile file, SourceRef at) {
        for (Node doc : YamlDocs.parse(file, IGNORED)) {
            Node services = YamlDocs.get(doc, "services");
            if (services instanceof MappingNode) {
                for (Node svc : YamlDocs.entries(services).values()) {
                    if (svc instanceof MappingNode m && runsAt(file, m, at)) {
                        return Optional.of(m);
                    }
                }
            } else if (YamlDocs.scalar(doc, "apiVersion") != null && YamlDocs.scalar(doc, "kind") != null) {
                Optional<MappingNode> found = find(file, doc, at);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<MappingNode> find(ScanFile file, Node n, SourceRef at) {
        if (n instanceof MappingNode m) {
            if (runsAt(file, m, at)) {
                return Optional.of(m);
            }
            for (Node v : YamlDocs.entries(m).values()) {
                Optional<MappingNode> found = find(file, v, at);
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (n instanceof SequenceNode s) {
            for (Node item : s.getValue()) {
                Optional<MappingNode> found = find(file, item, at);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Whether one of the mapping's command keys holds a value that starts at {@code at}, or holds {@code at} (a
     * Kubernetes container's call is reported at its own word, also inside a {@code sh -c} block script).
     */
    private static boolean runsAt(ScanFile file, MappingNode m, SourceRef at) {
        for (String key : List.of("command", "args", "entrypoint")) {
            Node v = YamlDocs.get(m, key);
            if (v != null) {
                SourceRef w = YamlDocs.where(file, v);
                int line = at.line() - 1;
                int column = at.column() - 1;
                boolean fromStart = line > v.getStartMark().getLine()
                        || line == v.getStartMark().getLine() && column >= v.getStartMark().getColumn();
                boolean beforeEnd = line < v.getEndMark().getLine()
                        || line == v.getEndMark().getLine() && column < v.getEndMark().getColumn();
                if (w.line() == at.line() && w.column() == at.column() || fromStart && beforeEnd) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code tty: true}: compose's and Kubernetes' own switch for a terminal. */
    private static boolean tty(MappingNode m) {
        String v = YamlDocs.scalar(m, "tty");
        return v != null && v.strip().matches("(?i)true|yes|on");
    }
}
