package dev.migrate.analyzers.sources.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a value a command reads is set when the repository does not hold it: a GitHub Actions variable or secret
 * ({@code ${{ vars.INFRA }}}, or an {@code env:} entry set to one), a GitLab CI/CD variable (a {@code $NAME} that
 * {@code .gitlab-ci.yml} never sets), a Jenkins credential. A finding or a note then names the variable and the
 * settings page that holds it, so a person can read the block's name there; a secret's value is never read or shown.
 *
 * @param origins  the variables whose value is set outside the repository at the command, with where
 *                 ({@link LiteralVariables#origins})
 * @param assigned every name the file assigns, however: one of them is not a project's variable
 * @param gitlab   whether the file is a GitLab pipeline, where a name it never sets is a CI/CD variable
 * @param setIn    the variables known at the command whose value another file of the repository sets, one the file
 *                 reads into itself ({@code . ./env.sh}, make's {@code include .env}), with that file's path and line
 *                 ({@link LiteralVariables#setIn}): a note names it rather than saying "set above"
 */
public record OutsideValues(Map<String, String> origins, Set<String> assigned, boolean gitlab, Map<String, String> setIn) {
    public static final OutsideValues NONE = new OutsideValues(Map.of(), Set.of(), false, Map.of());

    private static final Pattern GITHUB_CONTEXT = Pattern.compile("\\$\\{\\{[ \\t]*(vars|secrets)\\.([A-Za-z_][A-Za-z0-9_]*)[ \\t]*}}");
    /** The variables GitLab sets itself on every job: not a project's settings. */
    private static final Pattern GITLAB_PREDEFINED = Pattern.compile("(?:CI|GITLAB|CHAT|TRIGGER)_.*|CI");

    public OutsideValues {
        origins = Map.copyOf(origins);
        assigned = Set.copyOf(assigned);
        setIn = Map.copyOf(setIn);
    }

    /** What is set outside the repository for a command at {@code offset} of the file at {@code path}. */
    public static OutsideValues at(String path, List<LiteralVariables.Assignment> assignments, int offset) {
        return at(isGitlab(path), assignments, offset);
    }

    /**
     * Whether the file at {@code path} is a GitLab pipeline's main file: a variable an included file reads may be set by
     * the file including it, so only the main file's unset variables are the settings'.
     */
    static boolean isGitlab(String path) {
        return path.substring(path.lastIndexOf('/') + 1).equals(".gitlab-ci.yml");
    }

    /** Whether the file at {@code path} is a GitHub Actions workflow. */
    static boolean isGithubWorkflow(String path) {
        return path.startsWith(".github/workflows/") || path.contains("/.github/workflows/");
    }

    /** As {@link #at(String, List, int)}, for a file that is, or is not, a GitLab pipeline. */
    public static OutsideValues at(boolean gitlab, List<LiteralVariables.Assignment> assignments, int offset) {
        Map<String, String> origins = LiteralVariables.origins(assignments, offset);
        Map<String, String> setIn = LiteralVariables.setIn(assignments, offset);
        return origins.isEmpty() && setIn.isEmpty() && !gitlab ? NONE
                : new OutsideValues(origins, LiteralVariables.names(assignments), gitlab, setIn);
    }

    /**
     * Where in the repository, in another file than the command's, the known value {@code word} refers to is set
     * ({@code scripts/env.sh:3}); empty for a value the command's own file sets, or one not known.
     */
    public Optional<String> setIn(String word) {
        return LiteralVariables.keys(word).stream().filter(setIn::containsKey).findFirst().map(setIn::get);
    }

    /**
     * What to say of {@code word} (an option's value) when it is set outside the repository: "{@code `$INFRA` is set
     * outside the repository, by the GitHub Actions variable INFRA_BLOCK (Settings > ...)}". Empty for a literal, a
     * value the file sets, or one the environment gives that no settings page names.
     */
    public Optional<String> of(String word) {
        if (word == null) {
            return Optional.empty();
        }
        Matcher context = GITHUB_CONTEXT.matcher(word);
        if (context.matches()) {
            return Optional.of(said(word, github(context.group(1), context.group(2))));
        }
        Optional<String> name = LiteralVariables.referenced(word);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        // keyed as the word reads it: an Azure macro $(X) apart from the shell's $X
        String origin = LiteralVariables.keys(word).stream().filter(origins::containsKey).findFirst().map(origins::get)
                .orElse(null);
        // a shell's $(X) is a command substitution, never a GitLab CI/CD variable
        if (origin == null && gitlab && !word.startsWith("$(") && !assigned.contains(name.get())
                && !GITLAB_PREDEFINED.matcher(name.get()).matches()) {
            origin = gitlab(name.get());
        }
        return Optional.ofNullable(origin).map(o -> said(word, o));
    }

    private static String said(String word, String origin) {
        if (origin.startsWith(PER_JOB) || origin.startsWith(PER_RULE)) {
            return "`" + word + "` " + origin.substring(origin.indexOf(": ") + 2);
        }
        return "`" + word + "` is set outside the repository, by " + origin;
    }

    /** Marks an origin that is no setting but the values of the GitLab jobs running one template line. */
    private static final String PER_JOB = "per job: ";
    /** Marks an origin that is no setting but the values the GitLab {@code rules:} of one job disagree on. */
    private static final String PER_RULE = "per rule: ";

    /**
     * The origin of a variable the {@code rules:} (or {@code workflow: rules:}) that may let a GitLab job run give
     * different values ({@link GitlabRuleVariables}), each "{@code value (the rule at file:line)}": which one a run
     * gets depends on which rule matches, which only the run knows.
     */
    static String perRule(String name, List<String> ruleValues) {
        return PER_RULE + "differs per rule (" + String.join("; ", ruleValues) + "): the rule that matches decides "
                + name + " for each run, so no one value is proven";
    }

    /**
     * Where the value {@code word} reads is one the GitLab rules of its job disagree on, what to say of it (as
     * {@link #of}: "{@code `${INFRA}` differs per rule (...)}"); empty for any other word. A reader that would put a
     * stand-in where the value is not known leaves the command to a person instead: each value is a real one.
     */
    public Optional<String> ruleDisagreement(String word) {
        if (word == null) {
            return Optional.empty();
        }
        return LiteralVariables.keys(word).stream().filter(origins::containsKey).findFirst().map(origins::get)
                .filter(o -> o.startsWith(PER_RULE)).map(o -> said(word, o));
    }

    /**
     * The origin of a variable the GitLab jobs that run one line give different values ({@code deploy:prod
     * kubernetes-job/prod}, each {@code job value}): which value the line reads depends on the job, not proven here.
     */
    static String perJob(String name, List<String> jobValues) {
        return PER_JOB + "differs per job (" + String.join(", ", jobValues) + "): each job that runs this line sets "
                + name + " its own way, so no one value is proven";
    }

    /** A GitHub Actions variable ({@code vars}) or secret ({@code secrets}) and the settings page that holds it. */
    static String github(String context, String name) {
        return context.equals("secrets")
                ? "the GitHub Actions secret " + name + " (Settings > Secrets and variables > Actions > Secrets of the "
                        + "repository, of an environment or of the organisation; its value is never shown)"
                : "the GitHub Actions variable " + name + " (Settings > Secrets and variables > Actions > Variables of "
                        + "the repository, of an environment or of the organisation)";
    }

    /** A GitLab CI/CD variable a pipeline reads but does not set, and where it is set. */
    static String gitlab(String name) {
        return "a GitLab CI/CD variable " + name + " that .gitlab-ci.yml does not set (Settings > CI/CD > "
                + "Variables of the project, of its group or of the instance, or a file the pipeline includes)";
    }

    /** Whether GitLab sets {@code name} itself on every job ({@code CI_COMMIT_REF_NAME}): no project's setting. */
    static boolean gitlabPredefined(String name) {
        return GITLAB_PREDEFINED.matcher(name).matches();
    }

    /** A Jenkins credential bound with {@code credentials('id')}. */
    static String jenkinsCredential(String id) {
        return "the Jenkins credential '" + id + "' (Manage Jenkins > Credentials, or the credentials of the job's folder)";
    }
}
