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
 */
public final class DockerfileStages {
    private static final Pattern FROM = Pattern.compile("(?i)^[ \\t]*FROM[ \\t]+(?:--\\S+[ \\t]+)*(?<image>\\S+)(?:[ \\t]+AS[ \\t]+(?<name>\\S+))?");
    private static final Pattern ARG = Pattern.compile("(?i)^[ \\t]*ARG[ \\t]+(?<name>[A-Za-z_][A-Za-z0-9_]*)"
            + "(?:=(?<q>[\"']?)(?<value>[^\"'\\s]*)\\k<q>)?");
    private static final Pattern COPY_FROM = Pattern.compile("(?i)^[ \\t]*(?:COPY|ADD)[ \\t]+(?:--\\S+[ \\t]+)*?--from=(?<from>\\S+)");
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
     */
    public record PythonBase(int line, int column, String written, PythonImages.PythonImage image, String stage,
            int editStart, int editEnd, String argument) {
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
            parent[s.index()] = stageIndex(stages, s.base(), s.index());
            boolean runs = parent[s.index()] >= 0 && prefect[parent[s.index()]];
            for (Instruction in : bodies.get(s.index())) {
                Matcher copy = COPY_FROM.matcher(in.text());
                if (copy.find()) {
                    int from = stageIndex(stages, copy.group("from"), s.index());
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
            if (!reported[root]) {
                reported[root] = true;
                base(text, stages.get(root), globalArgs).ifPresent(out::add);
            }
        }
        return out;
    }

    /** The stage a FROM or {@code --from=} names (by name or number), if it is one before {@code before}; else -1. */
    private static int stageIndex(List<Stage> stages, String ref, int before) {
        String r = ref.toLowerCase(Locale.ROOT);
        for (Stage s : stages) {
            if (s.index() < before && (r.equals(s.name()) || r.equals(String.valueOf(s.index())))) {
                return s.index();
            }
        }
        return -1;
    }

    /** The stage's base as an official Python image, build arguments filled in, with where its version is written. */
    private static java.util.Optional<PythonBase> base(String text, Stage s, Map<String, int[]> args) {
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
                oneRun ? where : null));
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
