package dev.migrate.analyzers.sources.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the install commands of a shell text ({@code RUN} instruction, CI step) install, as far as Prefect goes:
 * prefect or an integration by name ({@code pip install "prefect[aws]==2.14.9"}, {@code uv pip install prefect},
 * {@code poetry add prefect}, {@code conda install prefect}), requirements files ({@code -r requirements.txt}), and
 * the project itself ({@code pip install .}, {@code pip install -e ".[dev]"}, {@code poetry install},
 * {@code uv sync}, {@code pipenv install}, {@code pdm install}), whose own files say whether it needs prefect.
 *
 * @param prefect      a command names prefect or an integration
 * @param requirements the requirements files {@code -r} names, as written
 * @param project      a command installs the project from a directory
 */
public record PrefectInstalls(boolean prefect, List<String> requirements, boolean project) {
    private static final Pattern COMMANDS = Pattern.compile("&&|\\|\\||[;|\\n]");
    private static final Pattern TOOL = Pattern.compile("(?:.*/)?(?:pip(?:3(?:\\.\\d+)?)?|pipx|uv|poetry|pipenv|pdm|conda|mamba|micromamba)");
    private static final Pattern NAME = Pattern.compile("^([A-Za-z0-9][A-Za-z0-9._-]*)");
    /** Options of pip, uv and conda that take a value, which is no package. */
    private static final Set<String> WITH_VALUE = Set.of("-c", "--constraint", "-i", "--index-url", "--extra-index-url",
            "-f", "--find-links", "-t", "--target", "--prefix", "--root", "--python", "-p", "--src", "--platform",
            "--python-version", "--implementation", "--abi", "--upgrade-strategy", "--progress-bar", "--cache-dir",
            "--trusted-host", "--log", "-n", "--name", "--channel", "--group", "-G", "--extras", "-E", "--only", "--with",
            "--without", "--config-settings", "-C", "--no-binary", "--only-binary", "--timeout", "--retries");

    /** Reads every install command of {@code shell}: continuation lines joined, commands split at {@code && || ; |}. */
    public static PrefectInstalls of(String shell) {
        boolean prefect = false;
        boolean project = false;
        List<String> requirements = new ArrayList<>();
        for (String command : COMMANDS.split(shell.replaceAll("\\\\\\r?\\n", " "))) {
            List<String> words = words(command);
            int verb = verb(words);
            if (verb < 0) {
                continue;
            }
            String tool = words.get(verb - 1).replaceAll(".*/", "");
            String action = words.get(verb);
            boolean packages = false;
            for (int i = verb + 1; i < words.size(); i++) {
                String w = words.get(i);
                if (w.equals("-r") || w.equals("--requirement") || w.equals("--requirements")) {
                    if (i + 1 < words.size()) {
                        requirements.add(words.get(++i));
                    }
                } else if (w.startsWith("--requirement=") || w.startsWith("-r") && w.length() > 2 && !w.startsWith("--")) {
                    requirements.add(w.substring(w.startsWith("-r") && !w.startsWith("--") ? 2 : w.indexOf('=') + 1));
                } else if (w.equals("-e") || w.equals("--editable")) {
                    project |= i + 1 < words.size() && isPath(words.get(++i));
                    packages = true;
                } else if (WITH_VALUE.contains(w)) {
                    i++;
                } else if (!w.startsWith("-")) {
                    packages = true;
                    if (isPath(w)) {
                        project = true;
                    } else {
                        Matcher m = NAME.matcher(w);
                        String name = m.find() ? m.group(1).toLowerCase(Locale.ROOT) : "";
                        prefect |= name.equals("prefect") || name.startsWith("prefect-");
                    }
                }
            }
            // a project tool without package arguments installs the project's own dependencies
            project |= !packages && (action.equals("sync") || action.equals("install")
                    && Set.of("poetry", "pipenv", "pdm").contains(tool));
        }
        return new PrefectInstalls(prefect, List.copyOf(requirements), project);
    }

    /** The index of {@code install}/{@code add}/{@code sync} right after an installer ({@code uv pip install}), or -1. */
    private static int verb(List<String> words) {
        for (int i = 1; i < words.size(); i++) {
            String w = words.get(i);
            if ((w.equals("install") || w.equals("add") || w.equals("sync")) && TOOL.matcher(words.get(i - 1)).matches()) {
                return i;
            }
        }
        return -1;
    }

    /** A directory or file path rather than a package name: {@code .}, {@code ./app}, {@code /src}, {@code .[dev]}. */
    private static boolean isPath(String word) {
        return word.startsWith(".") || word.startsWith("/") || word.startsWith("~") || word.contains("/") && !word.contains("://")
                && !word.contains("@");
    }

    /** The words of one command, quotes removed ({@code "prefect==2.14"} is one word). */
    private static List<String> words(String command) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        char quote = 0;
        boolean any = false;
        for (char c : command.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    w.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                any = true;
            } else if (Character.isWhitespace(c)) {
                if (w.length() > 0 || any) {
                    out.add(w.toString());
                }
                w.setLength(0);
                any = false;
            } else {
                w.append(c);
            }
        }
        if (w.length() > 0 || any) {
            out.add(w.toString());
        }
        return out;
    }

    /** Whether what this installs includes prefect, given which requirements files and project directory list it. */
    public boolean installsPrefect(PrefectListings listings, String projectDir) {
        return prefect || requirements.stream().anyMatch(listings::requirementListsPrefect)
                || project && listings.projectNear(projectDir);
    }
}
