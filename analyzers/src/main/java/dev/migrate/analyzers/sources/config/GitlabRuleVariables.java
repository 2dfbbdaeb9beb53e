package dev.migrate.analyzers.sources.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * The variables GitLab sets through {@code rules:}: a job's ({@code rules: - if: ... variables: {...}}) or the
 * pipeline's ({@code workflow: rules:}). The first rule that matches decides; its {@code variables:} override the
 * job's own (for the workflow, the top-level ones), and a variable it does not set keeps that value. A rule's
 * {@code if:}, {@code changes:} and {@code exists:} depend on the run, so which rule matches is not known here: a rule
 * with {@code when: never} lets nothing run (nothing of it counts), one without any of them matches always (the rules
 * after it never do), and a variable keeps one value only where every rule that may let the job run gives it the same
 * one. Where they differ its value is set but not known (neither the job's own nor one rule's), as for a variable the
 * pipeline sets to no literal, and it carries what each rule gives ({@link Given}), so that a note can name the values
 * and the rules rather than read it as a variable no one sets. When no rule matches the job does not run, so that
 * case gives no value.
 */
final class GitlabRuleVariables {
    /** The keys that make a rule depend on the run; a rule without any matches every time. */
    private static final Set<String> CONDITIONS = Set.of("if", "changes", "exists");

    /**
     * One item of a {@code rules:} list: the keys it has, its {@code when:} (null when it gives none), the variables
     * it sets, and where it is written (its first key).
     */
    record Rule(Set<String> keys, String when, Map<String, GitlabJobModel.Variable> variables, GitlabJobModel.Place place) {
        boolean always() {
            return keys.stream().noneMatch(CONDITIONS::contains);
        }

        boolean never() {
            return "never".equals(when);
        }
    }

    /**
     * What one rule that may let the job run leaves a variable with, where the rules disagree: the value as written
     * (null when it is unset, or set to no value written here), where that value is written (null when unset), and
     * where the rule is; {@link #byRule} when the rule sets it itself, else it keeps the value from before the rules.
     */
    record Given(String written, GitlabJobModel.Place set, GitlabJobModel.Place rule, boolean byRule) {
    }

    private GitlabRuleVariables() {
    }

    /**
     * {@code base} (the job's variables, or the pipeline's) under what {@code rules} set: per name a rule sets, the
     * value every rule that may apply gives it (a rule's own, else the base's), or set with no known value where they
     * differ. No rule that may apply: {@code base} as it is.
     */
    static Map<String, GitlabJobModel.Variable> over(Map<String, GitlabJobModel.Variable> base, List<Rule> rules) {
        List<Rule> apply = mayApply(rules);
        if (apply.stream().allMatch(r -> r.variables().isEmpty())) {
            return base;
        }
        Set<String> names = new LinkedHashSet<>();
        apply.forEach(r -> names.addAll(r.variables().keySet()));
        Map<String, GitlabJobModel.Variable> out = new LinkedHashMap<>(base);
        for (String name : names) {
            List<GitlabJobModel.Variable> each = new ArrayList<>();
            List<Given> given = new ArrayList<>();
            for (Rule r : apply) {
                boolean own = r.variables().containsKey(name);
                GitlabJobModel.Variable v = own ? r.variables().get(name) : base.get(name);
                each.add(v);
                given.add(new Given(v == null ? null : v.written(), v == null ? null : v.place(), r.place(), own));
            }
            GitlabJobModel.Variable first = each.get(0);
            boolean agree = each.stream().allMatch(v -> same(first, v));
            if (agree && first != null) {
                out.put(name, first);
            } else {
                // one rule's value under one condition, another's (or none) under another: not one value
                GitlabJobModel.Variable set = each.stream().filter(Objects::nonNull).findFirst().orElseThrow();
                out.put(name, new GitlabJobModel.Variable(name, null, set.file(), set.line(), set.column(), given));
            }
        }
        return out;
    }

    /**
     * The rules that may decide: in order, none with {@code when: never} (it lets nothing run), none after the first
     * that matches always.
     */
    static List<Rule> mayApply(List<Rule> rules) {
        List<Rule> out = new ArrayList<>();
        for (Rule r : rules) {
            if (!r.never()) {
                out.add(r);
            }
            if (r.always()) {
                break;
            }
        }
        return out;
    }

    /** Whether two values are the same word: both unset, or written alike (quotes aside); never an unknown one. */
    private static boolean same(GitlabJobModel.Variable a, GitlabJobModel.Variable b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.written() != null && b.written() != null && word(a.written()).equals(word(b.written()));
    }

    private static String word(String written) {
        Matcher literal = LiteralVariables.CI_LITERAL.matcher(written);
        return literal.matches() ? "=" + LiteralVariables.unquote(literal.group(1)) : written.replaceFirst("[ \\t]+#.*$", "");
    }
}
