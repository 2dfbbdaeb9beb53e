package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.SourceRef;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which prefect.yaml entries {@code prefect deploy ENTRYPOINT --name NAME} deploys, as Prefect 3's CLI picks them
 * (3.x {@code prefect/cli/deploy/_config.py}: {@code _parse_name_from_pattern}, {@code _pick_deploy_configs},
 * {@code _filter_matching_deploy_config}; 2.x's {@code prefect/cli/deploy.py} picks alike):
 * <ul>
 * <li>a name with {@code *} is a pattern ({@code etl-*}, {@code *}{@code /daily}): {@code *} is any text, everything
 * else literal (no {@code ?} or {@code [..]}); its deployment part must match an entry's whole {@code name:}, its flow
 * part the entrypoint's function with {@code _} as {@code -}. Prefect turns it into the names of the entries it
 * matches, then selects every entry of those names;</li>
 * <li>without a prompt ({@code prefect --no-prompt deploy}, {@code PREFECT_CLI_PROMPT=false}, a CI job, a container
 * without a terminal: {@link #noPrompt}) and with exactly one
 * entry in the file, that entry is deployed whatever the name says (at most one name given), under the command's
 * name: Prefect sets the entry's {@code name} to the one {@code --name} gives. A pattern that matches nothing gives
 * no name, so the one entry is deployed under its own;</li>
 * <li>otherwise the entry of that name, of the function the name's flow part says, if it says one.</li>
 * </ul>
 */
final class DeployNameSelection {
    /** The root option before the command: {@code prefect --no-prompt deploy}, {@code prefect -p ci --prompt deploy}. */
    private static final Pattern PROMPT_OPTION = Pattern.compile(
            "(?:^|[\\s/;&|(])prefect\\s+(?:(?:-p|--profile)\\s+\\S+\\s+|-\\S+\\s+)*?--(no-)?prompt\\s+(?:\\S+\\s+)*?deploy\\b");
    private static final String SETTING = "PREFECT_CLI_PROMPT";

    private DeployNameSelection() {
    }

    /** Whether the name is a pattern Prefect expands against the file's entries. */
    static boolean isPattern(String name) {
        return name.contains("*");
    }

    /**
     * Whether the command runs without prompts, as Prefect's {@code is_interactive()} decides (3.x
     * {@code prefect/cli/_app.py}; 2.x {@code prefect/cli/root.py} alike): the root option {@code --no-prompt} or
     * {@code --prompt}, else the {@code PREFECT_CLI_PROMPT} setting (pydantic's booleans) in the command's environment
     * or set in its file above it ({@code script}, null when not read), else the rich console's own reading of whether
     * its output is a terminal, which the place the command runs gives ({@link CommandTerminal}: none in a CI job, a
     * container without {@code tty: true}, an image build) and the variables {@code TTY_INTERACTIVE},
     * {@code TTY_COMPATIBLE}, {@code FORCE_COLOR} and {@code TERM} may overrule. {@code scanned}: the files at hand, by
     * path, where the compose services that run a Dockerfile's {@code CMD} are looked for; {@code files}: a repository
     * file's text (null for one not known), where a compose service's {@code env_file:} files are read
     * ({@link CommandTerminal#given}).
     */
    static boolean noPrompt(Job command, ScanFile script, Map<String, ScanFile> scanned,
                            java.util.function.Function<String, String> files) {
        Matcher option = PROMPT_OPTION.matcher(command.command());
        if (option.find()) {
            return option.group(1) != null;
        }
        String above = script == null ? "" : above(script, command.source());
        java.util.function.Function<String, String> lookup = name -> {
            String own = command.env().get(name);
            return own != null ? own.strip() : CommandTerminal.given(command, script, above, name, files);
        };
        String setting = lookup.apply(SETTING);
        if (setting != null && setting.matches("(?i)false|f|0|no|n|off")) {
            return true;
        }
        if (setting != null && setting.matches("(?i)true|t|1|yes|y|on")) {
            return false;
        }
        boolean terminal = !CommandTerminal.none(command, script, scanned);
        return !CommandTerminal.forced(lookup, terminal).orElse(terminal);
    }

    /** The file's text before the command. */
    private static String above(ScanFile script, SourceRef at) {
        int[] starts = script.lineStarts();
        if (at.line() < 1 || at.line() > starts.length) {
            return "";
        }
        int end = starts[at.line() - 1] + Math.max(0, at.column() - 1);
        return script.text().substring(0, Math.min(end, script.text().length()));
    }

    /** The entries a pattern selects: every entry named as one the pattern matches (with its flow part, if any). */
    static List<Job> matching(String pattern, List<Job> entries) {
        int slash = pattern.indexOf('/');
        Pattern flow = slash < 0 ? null : regex(pattern.substring(0, slash));
        Pattern deployment = regex(pattern.substring(slash + 1));
        List<String> names = entries.stream().filter(e -> e.attributes().get("entrypoint") != null)
                .filter(e -> flow == null || flow.matcher(function(e).replace('_', '-')).matches())
                .map(DeployNameSelection::name).filter(n -> n != null && deployment.matcher(n).matches()).toList();
        return entries.stream().filter(e -> names.contains(name(e))).toList();
    }

    /**
     * The names Prefect picks by: each pattern turned into the names of the entries it matches (none where it matches
     * none), every other name as given ({@code prefect deploy}'s {@code parsed_names}).
     */
    static List<String> parsed(List<String> names, List<Job> entries) {
        List<String> out = new java.util.ArrayList<>();
        for (String name : names) {
            if (isPattern(name)) {
                matching(name, entries).forEach(e -> out.add(name(e)));
            } else {
                out.add(name);
            }
        }
        return out;
    }

    /**
     * The entries {@code prefect deploy} without an entrypoint deploys, by the {@link #parsed} names and {@code --all}
     * ({@code _pick_deploy_configs}): none for a file of none (Prefect then needs the entrypoint the command lacks) or
     * for {@code --all} with names (an error); without prompts and with one entry, that entry, for at most one name;
     * else, without names, every entry for {@code --all} (nothing otherwise: Prefect asks which, or fails without
     * prompts); else the entries each name selects ({@code FLOW/NAME}: of that function, {@code -} read as {@code _}).
     * Where Prefect would ask which of several entries of one name, none: the scan cannot know the answer. An entry
     * may come twice (a name given twice): more than one is Prefect's multi-deploy, which ignores the command's options.
     */
    static List<Job> picked(List<Job> entries, List<String> parsedNames, boolean all, boolean noPrompt) {
        if (entries.isEmpty() || all && !parsedNames.isEmpty()) {
            return List.of();
        }
        if (noPrompt && entries.size() == 1 && parsedNames.size() <= 1) {
            return entries;
        }
        if (parsedNames.isEmpty()) {
            return all ? entries : List.of();
        }
        List<Job> out = new java.util.ArrayList<>();
        for (String name : parsedNames) {
            List<Job> named = named(name, entries);
            if (named.size() > 1 && !noPrompt) {
                return List.of();
            }
            out.addAll(named); // twice for a name given twice: Prefect deploys it twice, as several, without options
        }
        return out;
    }

    /** The entries one name selects: {@code _filter_matching_deploy_config}. */
    static List<Job> named(String name, List<Job> entries) {
        int slash = name.indexOf('/');
        String deployment = name.substring(slash + 1);
        String flow = slash < 0 ? null : name.substring(0, slash).replace('-', '_');
        return entries.stream().filter(e -> deployment.equals(name(e)) && (flow == null
                || e.attributes().get("entrypoint") != null && flow.equals(function(e)))).toList();
    }

    /** {@code *} as any text, the rest literal. */
    private static Pattern regex(String glob) {
        return Pattern.compile(String.join(".*", java.util.Arrays.stream(glob.split("\\*", -1)).map(Pattern::quote).toList()),
                Pattern.DOTALL);
    }

    private static String name(Job entry) {
        return entry.attributes().get(PrefectYamlDetector.DEPLOYMENT_NAME);
    }

    private static String function(Job entry) {
        String entrypoint = entry.attributes().get("entrypoint");
        return entrypoint.substring(entrypoint.lastIndexOf(':') + 1);
    }
}
