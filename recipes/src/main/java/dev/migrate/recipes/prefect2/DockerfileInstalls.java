package dev.migrate.recipes.prefect2;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of a build context a Dockerfile copies into its image and then pip-installs: a requirements file
 * ({@code COPY requirements.txt .} then {@code RUN pip install -r requirements.txt}, or {@code COPY . /app} then
 * {@code -r /app/requirements/prod.txt}) and the metadata of a project installed from a copied directory
 * ({@code pip install .}, {@code pip install -e /app}: its {@code pyproject.toml}, {@code setup.cfg}, {@code setup.py}). The image path
 * pip reads is taken back through the {@code WORKDIR} and the {@code COPY}/{@code ADD} that put it there to the file
 * in the context; a copy from another stage ({@code --from}) or a path written with a variable is not the context's.
 * Read only: nothing here edits a Dockerfile.
 */
final class DockerfileInstalls {
    private static final Pattern INSTRUCTION = Pattern.compile("(?is)^[ \\t]*(?<op>[a-z]+)[ \\t]+(?<rest>.*)$");
    private static final Pattern PIP_INSTALL = Pattern.compile("\\bpip[0-9.]*[ \\t]+install\\b(?<args>[^;&|]*)");
    private static final Pattern JSON_STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Set<String> PROJECT_FILES = Set.of("pyproject.toml", "setup.cfg", "setup.py");
    /** pip options whose next word is not what it installs. */
    private static final Set<String> VALUED = Set.of("-i", "--index-url", "--extra-index-url", "-f", "--find-links",
            "-t", "--target", "--prefix", "--root", "--src", "--trusted-host", "--platform", "--python-version",
            "--implementation", "--abi", "--progress-bar", "--cache-dir", "--log", "--proxy", "--timeout", "--retries",
            "--no-binary", "--only-binary", "--upgrade-strategy", "--config-settings", "-C", "--global-option");

    private DockerfileInstalls() {
    }

    /**
     * The paths (relative to the run's root, as {@code context} is) of the requirements files and project metadata
     * files the Dockerfile {@code text} installs from the build {@code context}.
     */
    static Set<Path> of(String text, Path context) {
        Map<String, String> copied = new LinkedHashMap<>(); // image path to context path (relative, '/' separators)
        Set<Path> out = new LinkedHashSet<>();
        String workdir = "/";
        for (String instruction : instructions(text)) {
            Matcher m = INSTRUCTION.matcher(instruction);
            if (!m.matches()) {
                continue;
            }
            String op = m.group("op").toUpperCase(Locale.ROOT);
            String rest = m.group("rest").strip();
            if (op.equals("FROM")) {
                copied.clear(); // a new stage starts from its base image's files
                workdir = "/";
            } else if (op.equals("WORKDIR") && !rest.contains("$")) {
                workdir = imagePath(workdir, rest);
            } else if (op.equals("COPY") || op.equals("ADD")) {
                copy(words(rest), workdir, copied);
            } else if (op.equals("RUN")) {
                Matcher pip = PIP_INSTALL.matcher(rest);
                while (pip.find()) {
                    installs(pip.group("args"), workdir, copied, context, out);
                }
            }
        }
        return out;
    }

    /** Records where each source of a {@code COPY}/{@code ADD} lands, as a file and as a directory (unknown here). */
    private static void copy(List<String> words, String workdir, Map<String, String> copied) {
        List<String> args = new ArrayList<>();
        for (String w : words) {
            if (w.startsWith("--from")) {
                return;
            }
            if (!w.startsWith("--")) {
                args.add(w);
            }
        }
        if (args.size() < 2) {
            return;
        }
        String dest = args.get(args.size() - 1);
        if (dest.contains("$")) {
            return;
        }
        String target = imagePath(workdir, dest);
        boolean intoDirectory = dest.endsWith("/") || dest.equals(".") || args.size() > 2;
        for (String source : args.subList(0, args.size() - 1)) {
            if (source.contains("$") || source.contains("*") || source.contains("://")) {
                continue;
            }
            String src = Path.of(source.startsWith("/") ? source.substring(1) : source).normalize().toString().replace('\\', '/');
            String name = src.contains("/") ? src.substring(src.lastIndexOf('/') + 1) : src;
            if (!name.isEmpty()) {
                copied.put(intoDirectory ? join(target, name) : target, src);
                // a destination that is a directory already there (the WORKDIR) without a trailing slash
                copied.putIfAbsent(join(target, name), src);
            }
            if (directory(source, name)) {
                // a directory's content lands under the target; a later copy there wins, as in the image
                copied.put(join(target, ""), src);
            }
        }
    }

    /** Adds the context files one {@code pip install ...} reads. */
    private static void installs(String args, String workdir, Map<String, String> copied, Path context, Set<Path> out) {
        List<String> words = words(args);
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            String requirement = null;
            if (w.equals("-r") || w.equals("--requirement") || w.equals("-c") || w.equals("--constraint")) {
                requirement = i + 1 < words.size() ? words.get(++i) : null;
            } else if (w.matches("(?:-r|-c|--requirement=|--constraint=).+")) {
                requirement = w.replaceFirst("^(?:-r|-c|--requirement=|--constraint=)", "");
            } else if (VALUED.contains(w)) {
                i++;
            } else if (w.equals("-e") || w.equals("--editable")) {
                project(i + 1 < words.size() ? words.get(++i) : null, workdir, copied, context, out);
            } else if (!w.startsWith("-")) {
                project(w, workdir, copied, context, out);
            }
            if (requirement != null && !requirement.contains("$")) {
                Path file = contextFile(imagePath(workdir, requirement), copied, context);
                if (file != null) {
                    out.add(file);
                }
            }
        }
    }

    /** The metadata files of a local directory pip installs ({@code .}, {@code ./pkg}, {@code /app}), not a package name. */
    private static void project(String word, String workdir, Map<String, String> copied, Path context, Set<Path> out) {
        if (word == null || word.contains("$") || !(word.equals(".") || word.startsWith("./") || word.startsWith("/")
                || word.startsWith("../")) || word.matches(".*\\.(?:whl|tar\\.gz|zip)")) {
            return;
        }
        String dir = imagePath(workdir, word.replaceFirst("\\[.*$", ""));
        for (String name : PROJECT_FILES) {
            Path file = contextFile(join(dir, name), copied, context);
            if (file != null) {
                out.add(file);
            }
        }
    }

    /** The context file at image path {@code image}: copied there itself, or within a directory copied above it. */
    private static Path contextFile(String image, Map<String, String> copied, Path context) {
        String src = copied.get(image);
        if (src == null) {
            String best = null;
            for (String dir : copied.keySet()) {
                if (dir.endsWith("/") && image.startsWith(dir) && (best == null || dir.length() > best.length())) {
                    best = dir;
                }
            }
            if (best == null) {
                return null;
            }
            String dir = copied.get(best);
            src = dir.isEmpty() ? image.substring(best.length()) : dir + "/" + image.substring(best.length());
        }
        Path file = context.resolve(src).normalize();
        return file.startsWith("..") ? null : file;
    }

    /** Whether a copy's source reads as a directory: {@code .}, {@code dir/}, or a last segment without a dot. */
    private static boolean directory(String source, String name) {
        return name.isEmpty() || source.endsWith("/") || !name.contains(".");
    }

    private static String imagePath(String workdir, String path) {
        String p = path.startsWith("/") ? path : join(workdir, path);
        String normal = Path.of(p).normalize().toString().replace('\\', '/');
        return normal.isEmpty() ? "/" : normal;
    }

    private static String join(String dir, String name) {
        return dir.endsWith("/") ? dir + name : dir + "/" + name;
    }

    /** The words of an instruction's arguments: a JSON array's strings, or the shell form split on blanks and quotes. */
    private static List<String> words(String rest) {
        List<String> out = new ArrayList<>();
        if (rest.startsWith("[")) {
            Matcher m = JSON_STRING.matcher(rest);
            while (m.find()) {
                out.add(m.group(1));
            }
            return out;
        }
        for (String w : rest.split("[ \\t\\r\\n]+")) {
            String unquoted = w.replaceAll("^[\"']|[\"']$", "");
            if (!unquoted.isEmpty()) {
                out.add(unquoted);
            }
        }
        return out;
    }

    /** The file's instructions, continuation lines joined and comment lines dropped, as Docker reads them. */
    private static List<String> instructions(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\\r?\\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            if (!current.toString().isBlank()) {
                out.add(current.toString());
            }
            current.setLength(0);
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString());
        }
        return out;
    }
}
