package dev.migrate.analyzers.cutover;

import dev.migrate.analyzers.sources.config.ComposeFileIndex;
import dev.migrate.analyzers.sources.config.GitlabPipelines;
import dev.migrate.analyzers.sources.config.UnscannedTexts;
import dev.migrate.analyzers.sources.config.RequirementsFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Python packages a script needs but the image it runs in does not install. A script runs in an image
 * when some file says {@code docker exec CONTAINER ... script.py}; the container is a compose service
 * built from a Dockerfile (a compose file by its name, or one a command names with {@code -f}, a {@code .env}'s
 * {@code COMPOSE_FILE} or an {@code include:}, {@link ComposeFileIndex}); the Dockerfile's {@code pip install} lines say what the image has. A module
 * the script imports is missing when the estate's own requirements name the package that provides it
 * (so standard-library and vendored modules are never reported) and the Dockerfile does not install it.
 * Scripts are read as text, never run.
 */
public final class ImageDependencies {
    private static final Pattern EXEC = Pattern.compile(
            "docker\\s+exec\\s+((?:-(?:w|e|u|-workdir|-env|-user)\\s+\\S+\\s+|-\\S+\\s+)*)([A-Za-z0-9][A-Za-z0-9_.-]*)\\s+[^\\n]*?([A-Za-z0-9_./-]+\\.py)\\b");
    private static final Pattern IMPORT = Pattern.compile("^\\s*(?:import|from)\\s+([A-Za-z_][A-Za-z0-9_]*)", Pattern.MULTILINE);
    private static final Pattern REQUIREMENT = Pattern.compile("^([A-Za-z0-9][A-Za-z0-9._-]*)");
    private static final long MAX_TEXT = 2L << 20;

    private ImageDependencies() {
    }

    /**
     * @param package_   the pip package to add, as the estate's requirements spell it
     * @param dockerfile the image's Dockerfile, relative to the root
     * @param script     the script that imports it, and the line of the import
     * @param runsAt     where the estate says the script runs in that container
     * @param compose    the compose file that builds the container's image, and its service there: {@code docker compose}
     *                   finds only a file of the default names by itself (k2-platform's is docker-compose.v2.yml)
     */
    public record Missing(String package_, String module, String dockerfile, String container, String script,
            int importLine, String runsAt, String compose, String service) {
    }

    /** Where a container's image is built: the Dockerfile, and the compose file and service that build it. */
    private record Built(String dockerfile, String compose, String service) {
    }

    public static List<Missing> find(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Path> files = textFiles(root);
        Map<String, Built> containerToDockerfile = containers(root, files);
        Map<String, String> known = knownPackages(root, files);
        Map<String, Missing> out = new TreeMap<>();
        for (Path f : files) {
            String text = read(f);
            Matcher m = EXEC.matcher(text);
            while (m.find()) {
                Built built = containerToDockerfile.get(m.group(2));
                Path script = scriptFile(files, m.group(3));
                if (built == null || script == null) {
                    continue;
                }
                String dockerfile = built.dockerfile();
                Set<String> installed = pipInstalled(read(root.resolve(dockerfile)));
                String runsAt = rel(root, f) + ":" + lineOf(text, m.start());
                String scriptText = read(script);
                Matcher im = IMPORT.matcher(scriptText);
                while (im.find()) {
                    String module = im.group(1).toLowerCase(Locale.ROOT);
                    String pkg = known.get(module);
                    if (pkg != null && !installed.contains(module)) {
                        out.putIfAbsent(dockerfile + "\0" + pkg, new Missing(pkg, module, dockerfile, m.group(2),
                                rel(root, script), lineOf(scriptText, im.start(1)), runsAt, built.compose(), built.service()));
                    }
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    /** container_name (and service name) to the Dockerfile it is built from, from every compose file. */
    @SuppressWarnings("unchecked")
    private static Map<String, Built> containers(Path root, List<Path> files) {
        Map<String, Built> out = new LinkedHashMap<>();
        ComposeFileIndex index = composeFiles(root, files);
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (!(name.endsWith(".yml") || name.endsWith(".yaml")) || !index.isCompose(rel(root, f))) {
                continue;
            }
            Object doc;
            try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
            } catch (IOException | RuntimeException e) {
                continue; // scan reports unreadable YAML; here it just names no container
            }
            if (!(doc instanceof Map<?, ?> d) || !(d.get("services") instanceof Map<?, ?> services)) {
                continue;
            }
            services.forEach((svc, v) -> {
                if (!(v instanceof Map<?, ?> s)) {
                    return;
                }
                Object build = s.get("build");
                String context = build instanceof String c ? c : build instanceof Map<?, ?> b ? String.valueOf(b.get("context")) : null;
                if (context == null) {
                    return;
                }
                String dockerfile = build instanceof Map<?, ?> b && b.get("dockerfile") != null ? String.valueOf(b.get("dockerfile")) : "Dockerfile";
                Path df = f.getParent().resolve(context).resolve(dockerfile).normalize();
                if (Files.isRegularFile(df) && df.startsWith(root.normalize())) {
                    Built target = new Built(rel(root, df), rel(root, f), String.valueOf(svc));
                    out.put(String.valueOf(svc), target);
                    if (s.get("container_name") != null) {
                        out.put(String.valueOf(s.get("container_name")), target);
                    }
                }
            });
        }
        return out;
    }

    /**
     * Which files are compose files: what the tree's scripts, Makefiles, CI files (a GitLab pipeline with the local files
     * it includes), .env files and includes name.
     */
    private static ComposeFileIndex composeFiles(Path root, List<Path> files) {
        ComposeFileIndex index = new ComposeFileIndex();
        UnscannedTexts included = new UnscannedTexts(root);
        for (Path f : files) {
            String text = read(f);
            String path = rel(root, f);
            // only text that may name a compose file is handed on: -f, --file, COMPOSE_FILE, include:, a GitLab
            // pipeline (whose included ci/deploy.yml may run `docker compose -f deploy/stack.yml up -d`)
            if (text.contains("compose") || text.contains("COMPOSE_FILE") || text.contains("include:")
                    || GitlabPipelines.isPipeline(path)) {
                index.add(path, text, included);
            }
        }
        return index;
    }

    /** Import name to package, for every package the estate's requirements or pip lines name. */
    private static Map<String, String> knownPackages(Path root, List<Path> files) {
        Map<String, String> out = new TreeMap<>();
        for (Path f : files) {
            String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
            if (RequirementsFiles.isRequirements(root.relativize(f).toString())) {
                for (String line : read(f).split("\\R")) {
                    Matcher m = REQUIREMENT.matcher(line.strip());
                    if (m.find() && !line.strip().startsWith("#")) {
                        out.putIfAbsent(PackageNames.importName(m.group(1)), m.group(1));
                    }
                }
            }
        }
        return out;
    }

    /** Import names of the packages a Dockerfile's {@code pip install} lines install. */
    static Set<String> pipInstalled(String dockerfile) {
        Set<String> out = new TreeSet<>();
        String joined = dockerfile.replaceAll("\\\\\\r?\\n", " ");
        for (String line : joined.split("\\R")) {
            int at = line.indexOf("pip install");
            if (at < 0) {
                continue;
            }
            for (String word : line.substring(at + "pip install".length()).split("[\\s;&|]+")) {
                if (word.startsWith("-") || word.isEmpty()) {
                    continue;
                }
                Matcher m = REQUIREMENT.matcher(word);
                if (m.find()) {
                    out.add(PackageNames.importName(m.group(1)));
                }
            }
        }
        return out;
    }

    private static Path scriptFile(List<Path> files, String path) {
        String base = path.substring(path.lastIndexOf('/') + 1);
        return files.stream().filter(p -> p.getFileName().toString().equals(base)).findFirst().orElse(null);
    }

    private static List<Path> textFiles(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).filter(p -> !rel(root, p).startsWith(".git/"))
                    .filter(p -> {
                        try {
                            return Files.size(p) <= MAX_TEXT;
                        } catch (IOException e) {
                            return false;
                        }
                    }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(root + ": cannot list files (" + e.getMessage() + ")", e);
        }
    }

    private static String read(Path p) {
        try {
            return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String rel(Path root, Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }
}
