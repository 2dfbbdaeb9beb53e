package dev.migrate.analyzers.sources.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Prefect 2 version held in a variable that a build or an install reads: {@code PREFECT_VERSION ?= 2.14.3} in a
 * Makefile, {@code PREFECT_VERSION=2.14.3} in a shell script, {@code PREFECT_VERSION := "2.14.3"} in a justfile, a CI
 * pipeline's {@code variables:}/{@code env:}/{@code environment:} entry (also GitLab's expanded {@code value:} form), a
 * Jenkinsfile's {@code environment { }} entry, or a line of an env file that compose reads for interpolation (the
 * {@code .env} next to the compose file, or one a script names with {@code --env-file}, read by the compose files the
 * same command names with {@code -f} and those they include, {@link ComposeProjectFiles.Links}). Raising the Dockerfile's
 * {@code ARG} default ({@link PrefectVersionArgs}) does not reach such a value, which
 * {@code --build-arg PREFECT_VERSION=$(PREFECT_VERSION)} passes in its place. A value counts only where it reaches
 * Prefect ({@link PrefectVersionUses}), as an ARG does; a line of {@code docker/build-push-action}'s {@code build-args:}
 * ({@code PREFECT_VERSION=2.14.3}) is a build argument, named for Prefect's version as a {@code --build-arg} is; an
 * inline default ({@code prefect==${PREFECT_VERSION:-2.14.3}}) is {@link PrefectVersionDefaults}'. A value may also be
 * a whole Prefect 2 image tag ({@code PREFECT_TAG=2.14.3-python3.11}, {@link PrefectImages#TAG_2X}) where it tags a
 * {@code prefecthq/prefect} image and nothing else. The scan reports these (PF208) and the rewrite raises them, from
 * this one definition.
 */
public final class PrefectVersionVariables {
    private static final String NAME = "(?<name>[A-Za-z_][A-Za-z0-9_]*)";
    /** A value starting with 2: a version or an image tag, which {@link #isPrefect2Value} tells apart after the match. */
    static final String VALUE = "(?<version>2[A-Za-z0-9._-]*)";
    /**
     * A whole Prefect image as a value ({@code prefecthq/prefect:2-python3.10}, with a registry), which
     * {@link #isPrefect2Image} tells apart after the match; in group {@code version}, as a version is.
     */
    static final String IMAGE_VALUE = "(?<version>(?:[A-Za-z0-9.-]+(?::\\d+)?/)?prefecthq/prefect:2[A-Za-z0-9._-]*)";
    private static final String END = "[ \\t]*(?:#.*)?\\r?$";

    /** The formats, each with its assignment: the value possibly quoted, and for shell a {@code ${NAME:-2.x}} default. */
    public enum Kind {
        /** {@code [export|override] NAME ?= 2.x} (also {@code =}, {@code :=}, {@code ::=}); recipe lines start with a tab. */
        MAKE("(?m)^ *(?<export>(?:(?:export|override)[ \\t]+)*)" + NAME + "[ \\t]*(?:\\?|:{1,3}|!)?=[ \\t]*(?<q>[\"']?)"
                + VALUE + "\\k<q>" + END),
        /** {@code NAME=2.x}, {@code export NAME="2.x"}, {@code NAME="${NAME:-2.x}"}, a whole statement of its own. */
        SHELL("(?m)^[ \\t]*(?<export>(?:(?:export|readonly|declare(?:[ \\t]+-[A-Za-z]+)*)[ \\t]+)?)" + NAME
                + "=(?<q>[\"']?)(?<open>\\$\\{[A-Za-z_][A-Za-z0-9_]*:?[-=])?" + VALUE + "(?<close>\\}?)\\k<q>[ \\t]*;?" + END),
        /** {@code [export] NAME := "2.x"} (just's strings are quoted). */
        JUST("(?m)^(?<export>(?:export[ \\t]+)?)" + NAME + "[ \\t]*:=[ \\t]*(?<q>[\"'])" + VALUE + "\\k<q>" + END),
        /** {@code NAME: 2.x} nested under {@code variables:}, {@code env:} or {@code environment:}. */
        CI("(?m)^(?<export>)[ \\t]*" + NAME + ":[ \\t]+(?<q>[\"']?)" + VALUE + "\\k<q>" + END),
        /**
         * {@code NAME = '2.x'} in a Jenkinsfile's {@code environment { }} block, which its {@code sh} steps see; also the
         * block written on one line, {@code environment { NAME = '2.x' }}.
         */
        JENKINS("(?m)^(?<export>)[ \\t]*(?:environment[ \\t]*\\{[ \\t]*)?" + NAME + "[ \\t]*=[ \\t]*(?<q>[\"'])" + VALUE
                + "\\k<q>[ \\t]*(?:}[ \\t]*)?(?://.*)?\\r?$"),
        /** {@code [export] NAME=2.x}. */
        ENV("(?m)^[ \\t]*(?<export>(?:export[ \\t]+)?)" + NAME + "[ \\t]*=[ \\t]*(?<q>[\"']?)" + VALUE + "\\k<q>" + END);

        private final Pattern assignment;
        /** The same assignment of a whole Prefect image ({@code IMAGE ?= prefecthq/prefect:2-python3.10}). */
        private final Pattern imageAssignment;

        Kind(String assignment) {
            this.assignment = Pattern.compile(assignment);
            this.imageAssignment = Pattern.compile(assignment.replace(VALUE, IMAGE_VALUE));
        }

        /** The same assignment with another value in group {@code version} (an integration's version). */
        Pattern assignmentOf(String value) {
            return Pattern.compile(assignment.pattern().replace(VALUE, value));
        }
    }

    /** The keys a CI variable is set under: GitLab's and Azure's {@code variables:}, GitHub's {@code env:}, CircleCI's. */
    private static final Pattern CI_VARIABLES = Pattern.compile("[ \\t]*(?:-[ \\t]+)?(?:variables|env|environment):[ \\t]*(?:#.*)?");
    /** GitLab's expanded variable, {@code value:} under the variable's own key (with its {@code description:}). */
    private static final Pattern EXPANDED_VALUE = Pattern.compile("(?m)^[ \\t]*value:[ \\t]+(?<q>[\"']?)" + VALUE + "\\k<q>" + END);
    private static final Pattern EXPANDED_KEY = Pattern.compile("[ \\t]*" + NAME + ":[ \\t]*(?:#.*)?");
    /** The same in flow style: {@code NAME: {value: "2.x", description: "..."}}. */
    private static final Pattern EXPANDED_FLOW = Pattern.compile("(?m)^[ \\t]*" + NAME
            + ":[ \\t]*\\{[^}\\n]*?(?<![A-Za-z0-9_-])value:[ \\t]*(?<q>[\"']?)" + VALUE + "\\k<q>[ \\t]*[,}]");
    /**
     * A line of build-push-action's {@code build-args:}: {@code NAME=2.x} under the key (a block or list item), or
     * the key's one value on its own line ({@code build-args: PREFECT_VERSION=2.14.3}).
     */
    private static final Pattern BUILD_ARGS_LINE = Pattern.compile("(?m)^[ \\t]*(?:-[ \\t]+)?(?<key>build-args:[ \\t]+)?"
            + "(?<q>[\"']?)" + NAME + "=" + VALUE + "\\k<q>" + END);
    /** The header of a Jenkinsfile block: the word before its brace. */
    private static final Pattern BLOCK_NAME = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)[ \\t]*$");

    private PrefectVersionVariables() {
    }

    /** What a value is: a variable's value, a build argument of its own, or a reference's inline default. */
    public enum Form { VARIABLE, BUILD_ARGUMENT, DEFAULT }

    /** One such value: the variable's name, its 2.x value (a version or a whole image tag), where the value starts. */
    public record Value(String name, String version, int start, Form form) {
        public int end() {
            return start + version.length();
        }

        /** Whether it is a build-args line of its own rather than a variable. */
        public boolean buildArgument() {
            return form == Form.BUILD_ARGUMENT;
        }

        /** Whether the value is a whole image tag ({@code 2.14.3-python3.11}), which moves as the image does. */
        public boolean tag() {
            return !image() && !PrefectVersionArgs.isPrefect2Version(version);
        }

        /** Whether the value is a whole Prefect image ({@code prefecthq/prefect:2-python3.10}), which moves as one. */
        public boolean image() {
            return version.contains("prefecthq/prefect:");
        }
    }

    /** A Prefect 2 version ({@code 2.14.3}) or a Prefect 2 image tag ({@code 2.14.3-python3.11}, {@code 2-latest}). */
    static boolean isPrefect2Value(String value) {
        return PrefectVersionArgs.isPrefect2Version(value) || PrefectImages.isPrefect2Tag(value);
    }

    /** A Prefect 2 image reference: {@code prefecthq/prefect} (any registry) with a Prefect 2 tag ({@link PrefectImages#TAG_2X}). */
    static boolean isPrefect2Image(String value) {
        int colon = value.lastIndexOf(':');
        return value.substring(0, colon).matches("(?:[A-Za-z0-9.-]+(?::\\d+)?/)?prefecthq/prefect")
                && PrefectImages.isPrefect2Tag(value.substring(colon + 1));
    }

    /** {@code ARG NAME=prefecthq/prefect:2...} in a Dockerfile, possibly quoted. */
    private static final Pattern DOCKERFILE_IMAGE_ARG = Pattern.compile("(?im)^[ \\t]*ARG[ \\t]+" + NAME
            + "=(?<q>[\"']?)" + IMAGE_VALUE + "\\k<q>[ \\t]*\\r?$");

    /**
     * A Dockerfile's {@code ARG BASE_IMAGE=prefecthq/prefect:2.14.3-python3.11} that a {@code FROM ${BASE_IMAGE}}
     * builds on: the base image, held in an argument's default (a {@code --build-arg} may replace it, which is where
     * the build's own variable is raised). In text order.
     */
    public static List<Value> inDockerfile(String text) {
        List<Value> out = new ArrayList<>();
        if (!text.contains("prefecthq/prefect:2")) {
            return out;
        }
        Matcher m = DOCKERFILE_IMAGE_ARG.matcher(text);
        while (m.find()) {
            String name = m.group("name");
            if (isPrefect2Image(m.group("version")) && Pattern.compile("(?im)^[ \\t]*FROM[ \\t]+(?:--platform=\\S+[ \\t]+)?"
                    + "\"?\\$(?:\\{" + name + "\\}|" + name + "\\b)").matcher(text).find()) {
                out.add(new Value(name, m.group("version"), m.start("version"), Form.VARIABLE));
            }
        }
        return out;
    }

    /**
     * Whether a text expands variable {@code name}: {@code ${NAME}} (also with a default), {@code $(NAME)} for make,
     * {@code $NAME}, GitHub's and Jenkins' {@code env.NAME}, or just's {@code {{NAME}}}.
     */
    static boolean expands(String text, String name) {
        return Pattern.compile("\\$\\{" + name + "(?:[}:?=+-])|\\$\\(" + name + "\\)|\\$" + name + "\\b|\\benv\\." + name
                + "\\b|\\{\\{[ \\t]*" + name + "[ \\t]*\\}\\}").matcher(text).find();
    }

    /**
     * The format of a file by its path and text (an extensionless shell script is known by its first line,
     * {@link ShellScripts}); an env file is read only through the compose files that read it.
     */
    public static Optional<Kind> kindOf(String path, String text) {
        String n = path.substring(path.lastIndexOf('/') + 1);
        if (n.equals("Makefile") || n.equals("makefile") || n.equals("GNUmakefile") || n.endsWith(".mk")) {
            return Optional.of(Kind.MAKE);
        }
        if (n.equals("justfile") || n.equals(".justfile") || n.endsWith(".just")) {
            return Optional.of(Kind.JUST);
        }
        if (ShellScripts.isShellScript(n, text)) {
            return Optional.of(Kind.SHELL);
        }
        if (n.equals("Jenkinsfile") || n.startsWith("Jenkinsfile.") || n.endsWith(".jenkinsfile")) {
            return Optional.of(Kind.JENKINS);
        }
        if (PrefectCliLineDetector.isCiYaml(path)) {
            return Optional.of(Kind.CI);
        }
        return PrefectCliLineDetector.isEnvFile(n) ? Optional.of(Kind.ENV) : Optional.empty();
    }

    /**
     * Whether compose reads an env file for interpolation: the project's {@code .env}, or a file that a script, Makefile
     * or CI pipeline running compose names with {@code --env-file} ({@code envFileOptions}, from
     * {@link ComposeProjectFiles#envFileOptions}). A template ({@code .env.example}) or a service's {@code env_file:}
     * is not.
     */
    public static boolean readByCompose(String envPath, Set<String> envFileOptions) {
        return envPath.substring(envPath.lastIndexOf('/') + 1).equals(".env") || envFileOptions.contains(envPath);
    }

    /** A compose file under the names {@code docker compose} looks for ({@code compose.yaml}, {@code docker-compose.prod.yml}). */
    public static boolean isCompose(String path) {
        return ComposeProjectFiles.COMPOSE.matcher(path.substring(path.lastIndexOf('/') + 1)).matches();
    }

    /**
     * The Prefect 2 values of a script, Makefile, justfile, Jenkinsfile, CI pipeline or compose file that the file
     * itself hands to Prefect, with the inline defaults of the formats that expand them; sorted, each once.
     */
    public static List<Value> inFile(String path, String text) {
        return inFile(path, text, isCompose(path));
    }

    /**
     * As {@link #inFile(String, String)}, for a file that is a compose file ({@code compose}) whatever its name: one a
     * command names with {@code -f} ({@link ComposeFileIndex}).
     */
    public static List<Value> inFile(String path, String text, boolean compose) {
        Optional<Kind> kind = kindOf(path, text);
        List<Value> out = new ArrayList<>();
        if (kind.isPresent() && kind.get() != Kind.ENV) {
            out.addAll(in(kind.get(), text));
        }
        // a shell (also a justfile's recipe lines), a CI runner, Jenkins' Groovy strings and compose take defaults; make
        // expands ${...} itself, so a Makefile's shell default is written $${NAME:-2.x}
        if (kind.isEmpty() ? compose : Set.of(Kind.SHELL, Kind.CI, Kind.JENKINS, Kind.JUST).contains(kind.get())) {
            out.addAll(PrefectVersionDefaults.in(text));
        } else if (kind.isPresent() && kind.get() == Kind.MAKE) {
            PrefectVersionDefaults.in(text).stream().filter(v -> isEscapedForMake(text, v.start())).forEach(out::add);
        }
        TreeMap<Integer, Value> once = new TreeMap<>();
        out.forEach(v -> once.putIfAbsent(v.start(), v));
        return List.copyOf(once.values());
    }

    /** Whether the {@code ${NAME:-...}} holding the value at {@code valueStart} is written {@code $${...}} for make. */
    private static boolean isEscapedForMake(String text, int valueStart) {
        int open = text.lastIndexOf("${", valueStart);
        return open > 0 && text.charAt(open - 1) == '$';
    }

    /** The Prefect 2 values of a script, Makefile, justfile or CI pipeline that the file itself hands to Prefect. */
    public static List<Value> in(Kind kind, String text) {
        return in(kind, text, List.of(text));
    }

    /**
     * The Prefect 2 values of one file of a GitLab pipeline, its own or a local file it includes whatever its name
     * ({@link GitlabIncludes#pipelines}), that the pipeline hands to Prefect anywhere: {@code pipeline} the texts of
     * all its files. Its jobs run as one pipeline's, so a version set in {@code .gitlab-ci.yml}'s variables reaches
     * the {@code pip install "prefect==$PREFECT_VERSION"} of a job in {@code .gitlab/ci/deploy.yml}, and the other way
     * round. With the inline defaults its lines give; sorted, each once.
     */
    public static List<Value> inPipelineFile(String text, Collection<String> pipeline) {
        List<Value> out = new ArrayList<>(in(Kind.CI, text, pipeline));
        out.addAll(PrefectVersionDefaults.in(text));
        TreeMap<Integer, Value> once = new TreeMap<>();
        out.forEach(v -> once.putIfAbsent(v.start(), v));
        return List.copyOf(once.values());
    }

    private static List<Value> in(Kind kind, String text, Collection<String> uses) {
        List<Value> out = assigned(kind, text, uses);
        if (kind == Kind.CI) {
            Matcher m = BUILD_ARGS_LINE.matcher(text);
            while (m.find()) {
                if (PrefectVersionArgs.namesPrefectVersion(m.group("name"))
                        && PrefectVersionArgs.isPrefect2Version(m.group("version"))
                        && (m.group("key") != null || PrefectVersionUses.inBuildArgs(text, m.start()))) {
                    out.add(new Value(m.group("name"), m.group("version"), m.start("version"), Form.BUILD_ARGUMENT));
                }
            }
            out.addAll(expanded(text, uses));
            out.sort(Comparator.comparingInt(Value::start));
        }
        return out;
    }

    /**
     * The Prefect 2 values of a shell or env file that scripts read into themselves ({@code . ./versions.env},
     * {@link SourcedFiles}) and hand to Prefect: {@code readers} are those scripts' texts, where the values are used.
     */
    public static List<Value> inSourcedFile(String path, String text, Collection<String> readers) {
        Optional<Kind> kind = kindOf(path, text).filter(k -> k == Kind.SHELL || k == Kind.ENV);
        return kind.isEmpty() || readers.isEmpty() ? List.of() : assigned(kind.get(), text, readers);
    }

    /** The Prefect 2 values of an env file that the compose files reading it hand to Prefect. */
    public static List<Value> inEnvFile(String text, Collection<String> composeTexts) {
        return composeTexts.isEmpty() ? List.of() : assigned(Kind.ENV, text, composeTexts);
    }

    private static List<Value> assigned(Kind kind, String text, Collection<String> uses) {
        List<Value> out = new ArrayList<>();
        Matcher m = kind.assignment.matcher(text);
        while (m.find()) {
            String name = m.group("name");
            if (kind == Kind.SHELL && (m.group("open") == null) != m.group("close").isEmpty()
                    || kind == Kind.CI && !isCiVariable(text, m.start())
                    || kind == Kind.JENKINS && !inJenkinsEnvironment(text, m.start("name"))) {
                continue;
            }
            // CI variables, Jenkins' environment and env files are in the build's environment; a Makefile's, script's or
            // justfile's once exported, so that `--build-arg NAME` without a value passes it
            boolean environment = kind == Kind.CI || kind == Kind.ENV || kind == Kind.JENKINS || !m.group("export").isBlank();
            if (reachesPrefect(uses, name, m.group("version"), environment)) {
                out.add(new Value(name, m.group("version"), m.start("version"), Form.VARIABLE));
            }
        }
        // a whole image is an image wherever it is expanded (a build's base, a service's image, a docker run) and in a
        // CI job's or Jenkins' environment, which its steps' commands read; an env file's only where compose expands it
        Matcher image = kind.imageAssignment.matcher(text);
        while (image.find()) {
            String name = image.group("name");
            if (kind == Kind.SHELL && (image.group("open") == null) != image.group("close").isEmpty()
                    || kind == Kind.CI && !isCiVariable(text, image.start())
                    || kind == Kind.JENKINS && !inJenkinsEnvironment(text, image.start("name"))
                    || !isPrefect2Image(image.group("version"))) {
                continue;
            }
            if (kind == Kind.CI || kind == Kind.JENKINS || uses.stream().anyMatch(u -> expands(u, name))) {
                out.add(new Value(name, image.group("version"), image.start("version"), Form.VARIABLE));
            }
        }
        out.sort(Comparator.comparingInt(Value::start));
        return out;
    }

    /** GitLab's expanded variables, {@code NAME: {value: 2.x, description: ...}} in block or flow style. */
    private static List<Value> expanded(String text, Collection<String> uses) {
        List<Value> out = new ArrayList<>();
        Matcher m = EXPANDED_VALUE.matcher(text);
        while (m.find()) {
            int key = YamlLines.parentLineStart(text, m.start());
            Matcher k = key < 0 ? null : EXPANDED_KEY.matcher(YamlLines.lineAt(text, key));
            if (k != null && k.matches() && isCiVariable(text, key)
                    && reachesPrefect(uses, k.group("name"), m.group("version"), true)) {
                out.add(new Value(k.group("name"), m.group("version"), m.start("version"), Form.VARIABLE));
            }
        }
        Matcher f = EXPANDED_FLOW.matcher(text);
        while (f.find()) {
            if (isCiVariable(text, f.start()) && reachesPrefect(uses, f.group("name"), f.group("version"), true)) {
                out.add(new Value(f.group("name"), f.group("version"), f.start("version"), Form.VARIABLE));
            }
        }
        return out;
    }

    /**
     * Whether a 2.x value of variable {@code name} reaches Prefect in one of {@code uses}. A version does as a
     * Dockerfile's {@code ARG} does: a variable named for Prefect's version wherever it reaches Prefect; another name
     * only where it is Prefect's own version (a pin or a Prefect image's tag), since passed as a build argument named
     * for Prefect's version it could as well be the application's. A whole image tag only where it is a
     * {@code prefecthq/prefect} image's whole tag.
     */
    static boolean reachesPrefect(Collection<String> uses, String name, String value, boolean environment) {
        if (!isPrefect2Value(value)) {
            return false;
        }
        if (!PrefectVersionArgs.isPrefect2Version(value)) {
            return uses.stream().anyMatch(u -> PrefectVersionUses.isPrefectImageTag(u, name));
        }
        boolean namedForPrefect = PrefectVersionArgs.namesPrefectVersion(name);
        return uses.stream().anyMatch(u -> namedForPrefect ? PrefectVersionUses.feedsPrefect(u, name, environment)
                : PrefectVersionUses.isPrefectsOwn(u, name));
    }

    /**
     * The Pythons that the Prefect image tags of {@code uses} name after variable {@code name}
     * ({@code prefecthq/prefect:${PREFECT_VERSION}-python3.8}): raising the version alone keeps them, and a target whose
     * images start at a newer Python has no such tag.
     */
    public static Set<String> imagePythons(Collection<String> uses, String name) {
        Set<String> out = new java.util.TreeSet<>();
        uses.forEach(u -> out.addAll(PrefectVersionUses.imagePythons(u, name)));
        return out;
    }

    static boolean isCiVariable(String text, int lineStart) {
        String parent = YamlLines.parentLine(text, lineStart);
        return parent != null && CI_VARIABLES.matcher(parent).matches();
    }

    /**
     * Whether the offset is directly inside a Jenkinsfile's {@code environment { }} block: the innermost open brace
     * before it follows the word {@code environment}. Braces in strings ({@code "${IMAGE}"}) come in pairs.
     */
    static boolean inJenkinsEnvironment(String text, int at) {
        List<String> open = new ArrayList<>();
        for (int i = 0; i < at; i++) {
            char c = text.charAt(i);
            if (c == '{') {
                Matcher m = BLOCK_NAME.matcher(text.substring(Math.max(0, i - 40), i));
                open.add(m.find() ? m.group(1) : "");
            } else if (c == '}' && !open.isEmpty()) {
                open.remove(open.size() - 1);
            }
        }
        return !open.isEmpty() && open.get(open.size() - 1).equals("environment");
    }
}
