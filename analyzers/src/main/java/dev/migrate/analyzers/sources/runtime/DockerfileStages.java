package dev.migrate.analyzers.sources.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The official Python base images of a Dockerfile's stages that run Prefect. A stage runs Prefect when it installs
 * it ({@link PrefectInstalls}), copies files from a stage that does ({@code COPY --from=build /venv /venv}: the
 * installed packages run on this stage's Python) or is built on one ({@code FROM build AS app}); the Python of a
 * stage built on another is that stage's base. Stages that only build documentation or a front end keep their image.
 * A tag given by a build argument ({@code ARG PYTHON_VERSION=3.9} then {@code FROM python:${PYTHON_VERSION}-slim}) is
 * read with the argument's default, and edited there.
 *
 * <p>A {@code --from=} names a stage of this file when an earlier stage has that name or (for COPY only) number;
 * otherwise it names an image ({@code COPY --from=python:3.9-slim /usr/local /usr/local}), never a stage, whatever
 * the stages are called. A stage that runs Prefect on a base that is no Python image ({@code debian}, distroless)
 * runs the Python it copies into {@code /usr/local}: from an official Python image, or from a stage built on one.
 */
public final class DockerfileStages {
    private static final Pattern FROM = Pattern.compile("(?i)^[ \\t]*FROM[ \\t]+(?:--\\S+[ \\t]+)*(?<image>\\S+)(?:[ \\t]+AS[ \\t]+(?<name>\\S+))?");
    private static final Pattern ARG = Pattern.compile("(?i)^[ \\t]*ARG[ \\t]+(?<name>[A-Za-z_][A-Za-z0-9_]*)"
            + "(?:=(?<q>[\"']?)(?<value>[^\"'\\s]*)\\k<q>)?");
    private static final Pattern COPY_FROM = Pattern.compile("(?i)^[ \\t]*(?:COPY|ADD)[ \\t]+(?:--\\S+[ \\t]+)*?--from=(?<from>\\S+)");
    /** The sources of a COPY after its options: the words before the destination. */
    private static final Pattern COPY_SOURCES = Pattern.compile("(?i)^[ \\t]*(?:COPY|ADD)[ \\t]+(?:--\\S+[ \\t]+)*(?<paths>.*)$");
    /** Where the official images install Python: the whole prefix, its lib tree, the interpreter. */
    private static final Pattern PYTHON_TREE = Pattern.compile(
            "/usr/local/?|/usr/local/lib/?|/usr/local/lib/(?:python3|libpython3)[^/]*(?:/.*)?|/usr/local/bin/python3?[0-9.]*");
    private static final Pattern RUN = Pattern.compile("(?i)^[ \\t]*RUN[ \\t]+");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(?<braced>[A-Za-z_][A-Za-z0-9_]*)(?::-(?<default>[^}]*))?}|\\$(?<bare>[A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern HEREDOC = Pattern.compile("<<-?[\"']?([A-Za-z_][A-Za-z0-9_]*)[\"']?");

    private DockerfileStages() {
    }

    /**
     * A Python base image of a stage that runs Prefect.
     *
     * @param line       the 1-based line of its {@code FROM}
     * @param column     the 1-based column of the image reference
     * @param written    the image as the FROM line writes it ({@code python:${PY}-slim})
     * @param image      the image with build arguments filled in
     * @param stage      the stage's name, or its number when it has none
     * @param editStart  where the Python version of the tag starts in the file (in the FROM line or the ARG's value),
     *                   or -1 when it cannot be edited in one place
     * @param editEnd    where it ends
     * @param argument   the build argument that holds the version, or null when the FROM line does
     * @param copiedBy   the stage that runs Prefect on this image's Python by copying it ({@code COPY --from=...
     *                   /usr/local /usr/local}), or null when {@code stage} runs Prefect itself
     */
    public record PythonBase(int line, int column, String written, PythonImages.PythonImage image, String stage,
            int editStart, int editEnd, String argument, String copiedBy) {
        /**
         * The image and where it is used: {@code base image python:3.9 of stage build}, or for a {@code COPY --from}
         * image that is no stage, {@code image python:3.9-slim}.
         */
        public String describe() {
            return (stage == null ? "image " : "base image ") + image + (argument == null ? "" : " (build argument "
                    + argument + ")") + (stage == null ? "" : " of stage " + stage);
        }
    }

    /** One instruction: its first line's start offset and number, and its text with continuation lines joined. */
    private record Instruction(int start, int line, String text) {
    }

    private record Stage(int index, String name, Instruction from, String base, int baseOffset) {
    }

    /** The Python bases of the stages that run Prefect in {@code text}, a Dockerfile at directory {@code dir}. */
    public static List<PythonBase> runningPrefect(String text, PrefectListings listings, String dir) {
        List<Instruction> instructions = instructions(text);
        Map<String, int[]> globalArgs = new HashMap<>(); // name -> {valueStart, valueEnd}
        List<Stage> stages = new ArrayList<>();
        Map<Integer, List<Instruction>> bodies = new LinkedHashMap<>();
        for (Instruction in : instructions) {
            Matcher from = FROM.matcher(in.text());
            Matcher arg = ARG.matcher(in.text());
            if (from.find()) {
                String name = from.group("name") == null ? null : from.group("name").toLowerCase(Locale.ROOT);
                stages.add(new Stage(stages.size(), name, in, from.group("image"), in.start() + from.start("image")));
                bodies.put(stages.size() - 1, new ArrayList<>());
            } else if (stages.isEmpty() && arg.find() && arg.group("value") != null) {
                globalArgs.put(arg.group("name"), new int[] {in.start() + arg.start("value"), in.start() + arg.end("value")});
            } else if (!stages.isEmpty()) {
                bodies.get(stages.size() - 1).add(in);
            }
        }
        int n = stages.size();
        int[] parent = new int[n];
        boolean[] prefect = new boolean[n];
        for (Stage s : stages) {
            parent[s.index()] = stageIndex(stages, s.base(), s.index(), false);
            boolean runs = parent[s.index()] >= 0 && prefect[parent[s.index()]];
            for (Instruction in : bodies.get(s.index())) {
                Matcher copy = COPY_FROM.matcher(in.text());
                if (copy.find()) {
                    int from = stageIndex(stages, copy.group("from"), s.index(), true);
                    runs |= from >= 0 && prefect[from];
                } else if (RUN.matcher(in.text()).lookingAt()) {
                    runs |= PrefectInstalls.of(in.text()).installsPrefect(listings, dir);
                }
            }
            prefect[s.index()] = runs;
        }
        List<PythonBase> out = new ArrayList<>();
        boolean[] reported = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (!prefect[i]) {
                continue;
            }
            int root = i;
            while (parent[root] >= 0) {
                root = parent[root];
            }
            java.util.Optional<PythonBase> own = base(text, stages.get(root), globalArgs, null);
            if (own.isPresent()) {
                if (!reported[root]) {
                    reported[root] = true;
                    out.add(own.get());
                }
                continue;
            }
            copiedPython(text, stages, parent, bodies, i, globalArgs, reported, out);
        }
        return out;
    }

    /**
     * The Python a stage that runs Prefect on a base that is no Python image copies into {@code /usr/local}, along
     * its chain of bases: an official image named by {@code --from=}, or the base of the stage it names.
     */
    private static void copiedPython(String text, List<Stage> stages, int[] parent, Map<Integer, List<Instruction>> bodies,
            int stage, Map<String, int[]> globalArgs, boolean[] reported, List<PythonBase> out) {
        String by = stages.get(stage).name() != null ? stages.get(stage).name() : String.valueOf(stage);
        for (int s = stage; s >= 0; s = parent[s]) {
            for (Instruction in : bodies.get(s)) {
                Matcher copy = COPY_FROM.matcher(in.text());
                if (!copy.find() || !copiesPython(in.text())) {
                    continue;
                }
                String ref = copy.group("from");
                int from = stageIndex(stages, ref, s, true);
                if (from >= 0) {
                    int root = from;
                    while (parent[root] >= 0) {
                        root = parent[root];
                    }
                    if (!reported[root]) {
                        java.util.Optional<PythonBase> b = base(text, stages.get(root), globalArgs, by);
                        reported[root] = b.isPresent();
                        b.ifPresent(out::add);
                    }
                } else if (!ref.contains("$")) {
                    // several stages built on this one run Prefect: its COPY is reported once
                    image(text, in, copy.start("from"), ref, by)
                            .filter(b -> out.stream().noneMatch(o -> o.line() == b.line() && o.column() == b.column()))
                            .ifPresent(out::add);
                }
            }
        }
    }

    /** Whether a COPY's sources are where the official images keep Python ({@code /usr/local}, its lib tree). */
    private static boolean copiesPython(String copy) {
        Matcher m = COPY_SOURCES.matcher(copy.strip());
        if (!m.matches()) {
            return false;
        }
        String[] words = m.group("paths").strip().split("[ \\t]+");
        for (int i = 0; i < words.length - 1; i++) {
            if (PYTHON_TREE.matcher(words[i].replaceAll("^[\\[\"]+|[\\],\"]+$", "")).matches()) {
                return true;
            }
        }
        return false;
    }

    /** An official Python image named by {@code --from=} at {@code at} in the instruction, with where to edit its version. */
    private static java.util.Optional<PythonBase> image(String text, Instruction in, int at, String ref, String by) {
        java.util.Optional<PythonImages.PythonImage> parsed = PythonImages.parse(ref);
        if (parsed.isEmpty()) {
            return java.util.Optional.empty();
        }
        int offset = in.start() + at;
        // the instruction's text joins continuation lines: the offset is the file's only when the name is there
        boolean there = text.startsWith(ref, offset);
        int[] span = PythonImages.versionSpan(ref);
        int column = offset - text.lastIndexOf('\n', offset - 1);
        return java.util.Optional.of(new PythonBase(in.line(), there ? column : 1, ref, parsed.get(), null,
                there ? offset + span[0] : -1, there ? offset + span[1] : -1, null, by));
    }

    /**
     * The stage a FROM or {@code --from=} names, if it is one before {@code before}; else -1, an image. Names are
     * case-insensitive; only {@code --from=} may name a stage by its number ({@code FROM 0} is an image).
     */
    private static int stageIndex(List<Stage> stages, String ref, int before, boolean byNumber) {
        String r = ref.toLowerCase(Locale.ROOT);
        for (Stage s : stages) {
            if (s.index() < before && (r.equals(s.name()) || byNumber && r.equals(String.valueOf(s.index())))) {
                return s.index();
            }
        }
        return -1;
    }

    /** The stage's base as an official Python image, build arguments filled in, with where its version is written. */
    private static java.util.Optional<PythonBase> base(String text, Stage s, Map<String, int[]> args, String copiedBy) {
        // the image with its variables replaced, and for each of its characters the file offset it comes from
        StringBuilder image = new StringBuilder();
        List<Integer> origin = new ArrayList<>();
        String argument = null;
        String written = s.base();
        Matcher v = VARIABLE.matcher(written);
        int last = 0;
        while (v.find()) {
            for (int i = last; i < v.start(); i++) {
                image.append(written.charAt(i));
                origin.add(s.baseOffset() + i);
            }
            String name = v.group("braced") != null ? v.group("braced") : v.group("bare");
            int[] value = args.get(name);
            if (value != null) {
                argument = name;
                for (int i = value[0]; i < value[1]; i++) {
                    image.append(text.charAt(i));
                    origin.add(i);
                }
            } else if (v.group("default") != null) {
                for (int i = v.start("default"); i < v.end("default"); i++) {
                    image.append(written.charAt(i));
                    origin.add(s.baseOffset() + i);
                }
            } else {
                return java.util.Optional.empty(); // a value only the build command gives
            }
            last = v.end();
        }
        for (int i = last; i < written.length(); i++) {
            image.append(written.charAt(i));
            origin.add(s.baseOffset() + i);
        }
        String filled = image.toString();
        java.util.Optional<PythonImages.PythonImage> parsed = PythonImages.parse(filled);
        if (parsed.isEmpty()) {
            return java.util.Optional.empty();
        }
        int[] span = PythonImages.versionSpan(filled);
        int start = origin.get(span[0]);
        int end = origin.get(span[1] - 1) + 1;
        boolean oneRun = end - start == span[1] - span[0];
        String where = argument != null && start >= s.baseOffset() && end <= s.baseOffset() + written.length() ? null : argument;
        int column = s.baseOffset() - text.lastIndexOf('\n', s.baseOffset() - 1);
        return java.util.Optional.of(new PythonBase(s.from().line(), column, written, parsed.get(),
                s.name() != null ? s.name() : String.valueOf(s.index()), oneRun ? start : -1, oneRun ? end : -1,
                oneRun ? where : null, copiedBy));
    }

    /** The instructions of a Dockerfile: comment lines dropped, continuation lines and here-documents joined. */
    private static List<Instruction> instructions(String text) {
        List<Instruction> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        int offset = 0;
        int i = 0;
        while (i < lines.length) {
            int start = offset;
            int number = i + 1;
            StringBuilder joined = new StringBuilder();
            String line = lines[i];
            offset += line.length() + 1;
            i++;
            if (line.strip().startsWith("#") || line.isBlank()) {
                continue;
            }
            joined.append(stripCr(line));
            while (stripCr(line).endsWith("\\") && i < lines.length) {
                joined.setLength(joined.length() - 1);
                line = lines[i];
                offset += line.length() + 1;
                i++;
                if (!line.strip().startsWith("#")) {
                    joined.append(' ').append(stripCr(line));
                }
            }
            Matcher here = HEREDOC.matcher(joined);
            if (here.find()) {
                String end = here.group(1);
                while (i < lines.length) {
                    line = lines[i];
                    offset += line.length() + 1;
                    i++;
                    if (stripCr(line).strip().equals(end)) {
                        break;
                    }
                    joined.append('\n').append(stripCr(line));
                }
            }
            out.add(new Instruction(start, number, joined.toString()));
        }
        return out;
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
