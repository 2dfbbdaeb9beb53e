package dev.migrate.analyzers.sources.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitHub Actions evaluates the {@code ${{ env.X }}} expressions of a step's {@code env:} values against the workflow's
 * and the job's {@code env:} ({@code IB: ${{ env.INFRA }}}, {@code INFRA: ${{ env.BLOCK_TYPE }}/etl}); the workflow's
 * and a job's own {@code env:} cannot read the {@code env} context (GitHub rejects the workflow), so only a step's
 * entries are expanded here. A value that reads an entry set from the repository's settings
 * ({@code INFRA: ${{ vars.INFRA_BLOCK }}}) carries that setting's origin, a secret's value never being read. A name a
 * step writes to {@code $GITHUB_ENV} ({@code echo "INFRA=x" >> "$GITHUB_ENV"}) holds that for the steps after it,
 * which the text does not say: it is set, not known.
 */
final class GithubEnvironment {
    private static final Pattern ENV_EXPRESSION = Pattern.compile("\\$\\{\\{[ \\t]*env\\.([A-Za-z_][A-Za-z0-9_]*)[ \\t]*}}");
    /** Any other expression ({@code ${{ github.ref_name }}}, {@code ${{ matrix.x }}}): its value is the run's. */
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{");
    /** A value as written: a plain word or a quoted string, then perhaps a comment. */
    private static final Pattern WRITTEN = Pattern.compile(
            "(\"[^\"\\\\]*\"|'[^']*'|[^\\s\"'#\\[\\]&*!|>%@`][^#]*?)[ \\t]*(?:#.*)?");
    private static final Pattern GITHUB_ENV_WRITE = Pattern.compile(
            "([A-Za-z_][A-Za-z0-9_]*)=[^\\n]*>>[ \\t]*\"?\\$\\{?GITHUB_ENV");

    private GithubEnvironment() {
    }

    /**
     * {@code assignments} ({@link LiteralVariables#ci(String)}) with each step's entry that reads the workflow's or its
     * job's env expanded, or given the origin of the setting it reads; {@code written}: each entry's value as written,
     * by its offset; {@code stepEntries}: the offsets of the entries of a step's {@code env:}.
     */
    static List<LiteralVariables.Assignment> expand(String text, List<LiteralVariables.Assignment> assignments,
                                                    Map<Integer, String> written, Set<Integer> stepEntries) {
        List<LiteralVariables.Assignment> outer = assignments.stream()
                .filter(a -> !stepEntries.contains(a.offset())).toList();
        Map<String, String> known = LiteralVariables.known(outer);
        Map<String, String> origins = LiteralVariables.origins(outer, Integer.MAX_VALUE);
        List<LiteralVariables.Assignment> out = new ArrayList<>();
        for (LiteralVariables.Assignment a : assignments) {
            String value = written.get(a.offset());
            Matcher w = value == null ? null : WRITTEN.matcher(value);
            if (!stepEntries.contains(a.offset()) || a.value() != null || a.origin() != null || w == null || !w.matches()
                    || !ENV_EXPRESSION.matcher(w.group(1)).find()) {
                out.add(a);
                continue;
            }
            out.add(expand(a, LiteralVariables.unquote(w.group(1).strip()), known, origins));
        }
        Matcher write = GITHUB_ENV_WRITE.matcher(text);
        while (write.find()) {
            out.add(new LiteralVariables.Assignment(write.group(1), null, write.start()));
        }
        return out;
    }

    private static LiteralVariables.Assignment expand(LiteralVariables.Assignment a, String value,
                                                      Map<String, String> known, Map<String, String> origins) {
        Matcher whole = ENV_EXPRESSION.matcher(value);
        if (whole.matches() && origins.containsKey(whole.group(1))) {
            return new LiteralVariables.Assignment(a.name(), null, a.offset(), a.scopeStart(), a.scopeEnd(),
                    origins.get(whole.group(1)) + ", which " + a.name() + ": " + value + " reads");
        }
        StringBuilder out = new StringBuilder();
        Matcher r = ENV_EXPRESSION.matcher(value);
        int last = 0;
        while (r.find()) {
            String before = value.substring(last, r.start());
            if (EXPRESSION.matcher(before).find() || !known.containsKey(r.group(1))) {
                return a; // another expression, or a name the workflow and job do not set to one literal
            }
            out.append(before).append(known.get(r.group(1)));
            last = r.end();
        }
        String rest = value.substring(last);
        if (EXPRESSION.matcher(rest).find()) {
            return a;
        }
        out.append(rest);
        return new LiteralVariables.Assignment(a.name(), out.toString(), a.offset(), a.scopeStart(), a.scopeEnd(), null);
    }
}
