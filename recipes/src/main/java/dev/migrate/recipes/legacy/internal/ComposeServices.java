package dev.migrate.recipes.legacy.internal;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The services of compose files whose command keeps a scheduler or a loop running ({@code scheduler:} with
 * {@code command: python scheduler.py}). The cutover switches one off with {@code deploy.replicas: 0}, which
 * {@code docker compose up} honours (it creates no container for the service, and removes a running one, as it scales
 * any service to its replicas), so the next {@code up -d} of the stack does not start it again; cutover.sh stops the
 * running container ({@code docker compose stop scheduler}). A {@code profiles:} entry would do the same until someone
 * runs {@code up} with that profile or names the service, and is not used. The file is read with its line positions
 * and edited by inserting and commenting whole lines, so every other byte stays as written; the cleanup removes the
 * service's lines.
 */
final class ComposeServices {
    /**
     * @param start      0-based first line of the service's own: its key, or the comments right above it at its
     *                   indentation, which say what it is
     * @param keyLine    0-based line of the service's key under {@code services:}
     * @param firstLine  0-based line of the first key of the service's mapping, where the cutover inserts
     * @param indent     that key's indentation
     * @param end        0-based line after the service's own lines
     * @param deployLine 0-based line of the first key under the service's {@code deploy:} (a block mapping), or -1
     * @param deployIndent its indentation
     * @param replicasLine 0-based line of {@code replicas:} under it, or -1
     * @param flow       whether the service or its deploy is written in flow style ({@code {image: x}}): left by hand
     * @param dependents the other services of the file that need it, each with how: {@code web (depends_on, links)};
     *                   {@code docker compose up} fails, or starts them without it, when it has {@code replicas: 0}
     * @param others     how many other services the file has (with a command of their own or not)
     */
    record Service(String file, String name, String command, String user, String directory, int start, int keyLine, int firstLine,
                   String indent, int end, int deployLine, String deployIndent, int replicasLine, boolean flow,
                   List<String> dependents, int others) {
        String ref() {
            return file + "#" + name;
        }
    }

    private ComposeServices() {
    }

    /** Compose's own file names ({@code compose.yaml}, {@code docker-compose.yml}, {@code docker-compose.prod.yml}...). */
    static boolean isCompose(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.matches("(?:docker-)?compose(?:\\.[\\w-]+)?\\.ya?ml");
    }

    /** The services of one compose file (as the user wrote it: our markers undone); none when it is not readable YAML. */
    static List<Service> of(String path, String text) {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
        } catch (RuntimeException e) {
            return List.of();
        }
        if (!(root instanceof MappingNode top) || !(value(top, "services") instanceof MappingNode services)) {
            return List.of();
        }
        List<String> lines = HostConfigMarkers.lines(text);
        List<Service> out = new ArrayList<>();
        List<NodeTuple> tuples = services.getValue();
        for (int t = 0; t < tuples.size(); t++) {
            NodeTuple tuple = tuples.get(t);
            if (!(tuple.getKeyNode() instanceof ScalarNode key) || !(tuple.getValueNode() instanceof MappingNode service)
                    || service.getValue().isEmpty()) {
                continue;
            }
            String command = String.join(" ", words(value(service, "entrypoint")), words(value(service, "command"))).strip();
            if (command.isEmpty()) {
                continue;
            }
            int end = t + 1 < tuples.size() ? tuples.get(t + 1).getKeyNode().getStartMark().getLine()
                    : services.getEndMark().getColumn() == 0 ? services.getEndMark().getLine() : services.getEndMark().getLine() + 1;
            end = Math.min(end, lines.size());
            while (end > key.getStartMark().getLine() + 1 && (lines.get(end - 1).isBlank()
                    || lines.get(end - 1).strip().startsWith("#"))) {
                end--; // blank lines and comments before the next service are the file's, not this service's
            }
            int start = key.getStartMark().getLine();
            String keyIndent = " ".repeat(key.getStartMark().getColumn());
            while (start > 0 && lines.get(start - 1).startsWith(keyIndent + "#")) {
                start--;
            }
            Node first = service.getValue().get(0).getKeyNode();
            boolean flow = service.getFlowStyle() == DumperOptions.FlowStyle.FLOW;
            int deployLine = -1;
            int replicasLine = -1;
            String deployIndent = "";
            Node deploy = value(service, "deploy");
            if (deploy instanceof MappingNode d && !d.getValue().isEmpty()) {
                flow |= d.getFlowStyle() == DumperOptions.FlowStyle.FLOW;
                Node firstDeploy = d.getValue().get(0).getKeyNode();
                deployLine = firstDeploy.getStartMark().getLine();
                deployIndent = " ".repeat(firstDeploy.getStartMark().getColumn());
                for (NodeTuple dt : d.getValue()) {
                    if (dt.getKeyNode() instanceof ScalarNode k && k.getValue().equals("replicas")) {
                        replicasLine = k.getStartMark().getLine();
                        // a value on lines of its own would be left behind by commenting the key's line
                        flow |= dt.getValueNode().getEndMark().getLine() != replicasLine;
                    }
                }
            } else if (deploy != null) {
                flow = true; // deploy: with no mapping (null, or an alias): written by hand
            }
            out.add(new Service(path, key.getValue(), command, scalar(value(service, "user")), scalar(value(service, "working_dir")),
                    start, key.getStartMark().getLine(), first.getStartMark().getLine(), " ".repeat(first.getStartMark().getColumn()), end,
                    deployLine, deployIndent, replicasLine, flow || first.getStartMark().getLine() == key.getStartMark().getLine(),
                    dependents(services, key.getValue()), tuples.size() - 1));
        }
        return out;
    }

    /** The text with the service switched off ({@code deploy.replicas: 0}) under a marker. */
    static String disable(String text, Service s, String jobId, LocalDate asOf) {
        List<String> lines = HostConfigMarkers.lines(text);
        if (s.deployLine() < 0) {
            HostConfigMarkers.disable(lines, s.firstLine(), s.indent(), List.of(s.indent() + "deploy:", s.indent() + "  replicas: 0"),
                    List.of(), jobId, asOf);
        } else {
            HostConfigMarkers.disable(lines, s.deployLine(), s.deployIndent(), List.of(s.deployIndent() + "replicas: 0"),
                    s.replicasLine() < 0 ? List.of() : List.of(s.replicasLine()), jobId, asOf);
        }
        return String.join("", lines);
    }

    /** The text without the service's lines (and without a blank line doubled where they were). */
    static String remove(String text, Service s) {
        List<String> lines = HostConfigMarkers.lines(text);
        lines.subList(s.start(), s.end()).clear();
        int seam = s.start();
        if (seam > 0 && seam < lines.size() && lines.get(seam - 1).isBlank() && lines.get(seam).isBlank()) {
            lines.remove(seam);
        }
        return String.join("", lines);
    }

    /**
     * The other services that need this one, each with how ({@code web (depends_on)}). A long-form
     * {@code depends_on} entry with {@code required: false} (Compose 2.20+) does not count: Compose starts the
     * dependent without it.
     */
    private static List<String> dependents(MappingNode services, String name) {
        List<String> out = new ArrayList<>();
        for (NodeTuple t : services.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k) || k.getValue().equals(name) || !(t.getValueNode() instanceof MappingNode m)) {
                continue;
            }
            List<String> how = new ArrayList<>();
            Node dependsOn = value(m, "depends_on");
            if (dependsOn instanceof MappingNode d) {
                d.getValue().stream().filter(x -> name.equals(scalar(x.getKeyNode())))
                        .filter(x -> !(x.getValueNode() instanceof MappingNode c) || !"false".equals(scalar(value(c, "required"))))
                        .findFirst().ifPresent(x -> how.add("depends_on"));
            } else if (List.of(words(dependsOn).split(" ")).contains(name)) {
                how.add("depends_on");
            }
            if (List.of(words(value(m, "links")).split(" ")).stream().anyMatch(l -> l.replaceAll(":.*", "").equals(name))) {
                how.add("links");
            }
            if (List.of(words(value(m, "volumes_from")).split(" ")).stream()
                    .anyMatch(v -> v.replaceAll(":(ro|rw)$", "").equals(name))) {
                how.add("volumes_from");
            }
            if (("service:" + name).equals(scalar(value(m, "network_mode")))) {
                how.add(NETWORK);
            }
            if (!how.isEmpty()) {
                out.add(k.getValue() + " (" + String.join(", ", how) + ")");
            }
        }
        return out;
    }

    /** How a dependent that shares the service's network namespace is named in {@link #dependents}. */
    static final String NETWORK = "network_mode";

    private static Node value(MappingNode m, String key) {
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return t.getValueNode();
            }
        }
        return null;
    }

    private static String scalar(Node n) {
        return n instanceof ScalarNode s ? s.getValue() : null;
    }

    /** A command written as a string or as a list, as words separated by spaces. */
    private static String words(Node n) {
        if (n instanceof ScalarNode s) {
            return s.getValue();
        }
        if (n instanceof SequenceNode seq) {
            return String.join(" ", seq.getValue().stream().map(ComposeServices::scalar).filter(java.util.Objects::nonNull).toList());
        }
        return "";
    }
}
