package dev.migrate.analyzers.sources.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables of an Azure Pipelines file, as its steps read them. A {@code variables:} section is a mapping
 * ({@code INFRA: docker-container/etl}) or a list ({@code - name: INFRA} with {@code value: ...}, beside
 * {@code - group:} and {@code - template:} items, whose variables the repository's file does not hold). Azure
 * replaces a {@code $(INFRA)} macro in a step's script before the script runs, and also gives each variable to the
 * step's environment under its name upper-cased, dots made underscores ({@code $INFRA} in bash): each variable is
 * keyed both ways ({@link LiteralVariables#EXPANDED_BY_FILE} for the macro). A macro of a variable the file does not set
 * (nor Azure, {@code $(Build.SourceBranchName)}) is the pipeline's settings' or a variable group's: its origin says so.
 */
final class AzureVariables {
    private static final Pattern VARIABLES_KEY = Pattern.compile("^([ \\t]*)(?:-[ \\t]+)?variables:[ \\t]*(?:#.*)?\\r?$");
    private static final Pattern NAME_ITEM = Pattern.compile("^([ \\t]*)-[ \\t]+name:[ \\t]+(.*?)[ \\t]*(?:#.*)?\\r?$");
    private static final Pattern VALUE_KEY = Pattern.compile("^[ \\t]*value:[ \\t]*(.*?)\\r?$");
    private static final Pattern LITERAL = Pattern.compile("(\"[^\"$\\\\]*\"|'[^'$]*'|[^\\s\"'$#{}\\[\\]&*!|>%@`][^\\s$#]*)"
            + "[ \\t]*(?:#.*)?");

    /** A macro a step reads: {@code $(INFRA)}, {@code $(storage.block)}. */
    private static final Pattern MACRO = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_.]*)\\)");
    /** The variables Azure sets itself on every run ({@code $(Build.SourceBranchName)}): no project's setting. */
    private static final Pattern PREDEFINED = Pattern.compile("(?:Agent|Build|Pipeline|System|Environment|Release|"
            + "Resources|Deployment|Strategy|Checks|Common|TF_BUILD)(?:\\.|$)", Pattern.CASE_INSENSITIVE);

    private AzureVariables() {
    }

    /** Whether the file at {@code path} is an Azure Pipelines file ({@code azure-pipelines.yml}, {@code azure-pipelines-ci.yml}). */
    static boolean isAzure(String path) {
        String n = path.substring(path.lastIndexOf('/') + 1);
        return n.startsWith("azure-pipelines") && (n.endsWith(".yml") || n.endsWith(".yaml"));
    }

    /**
     * {@code mapped} (the entries of the file's {@code variables:} mappings, {@link LiteralVariables#ci(String)}) with
     * those of its lists, each keyed as the macro and as the environment variable.
     */
    static List<LiteralVariables.Assignment> of(String path, String text, List<LiteralVariables.Assignment> mapped) {
        List<LiteralVariables.Assignment> named = new ArrayList<>(mapped);
        named.removeIf(a -> a.name().startsWith("-"));
        named.addAll(listed(text));
        List<LiteralVariables.Assignment> out = new ArrayList<>();
        Set<String> set = LiteralVariables.names(named);
        Matcher macro = MACRO.matcher(text);
        while (macro.find()) {
            String name = macro.group(1);
            if (!set.contains(name) && !PREDEFINED.matcher(name).lookingAt() && set.add(name)) {
                // not guessed: the pipeline's settings or a variable group hold it (a secret's value is never read)
                out.add(new LiteralVariables.Assignment(LiteralVariables.EXPANDED_BY_FILE + name, null, 0, 0,
                        Integer.MAX_VALUE, "an Azure Pipelines variable " + name + " that " + path.substring(
                        path.lastIndexOf('/') + 1) + " does not set (the pipeline's Variables, or a variable group "
                        + "it links: Pipelines > Library; a secret's value is never shown)"));
            }
        }
        for (LiteralVariables.Assignment a : named) {
            out.add(new LiteralVariables.Assignment(LiteralVariables.EXPANDED_BY_FILE + a.name(), a.value(), a.offset(),
                    a.scopeStart(), a.scopeEnd(), a.origin(), a.setIn()));
            out.add(new LiteralVariables.Assignment(a.name().toUpperCase().replace('.', '_'), a.value(), a.offset(),
                    a.scopeStart(), a.scopeEnd(), a.origin(), a.setIn()));
        }
        return out;
    }

    /** The {@code - name: X} / {@code value: Y} items of the file's {@code variables:} lists. */
    private static List<LiteralVariables.Assignment> listed(String text) {
        List<LiteralVariables.Assignment> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        int offset = 0;
        int keyIndent = -1;
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            int here = offset;
            offset += line.length() + 1;
            String content = line.stripLeading();
            int indent = line.length() - content.length();
            if (content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            Matcher key = VARIABLES_KEY.matcher(line);
            if (key.matches()) {
                keyIndent = key.group(1).length();
                continue;
            }
            if (keyIndent >= 0 && indent < keyIndent || indent == keyIndent && !content.startsWith("-")) {
                keyIndent = -1;
            }
            Matcher item = keyIndent < 0 ? null : NAME_ITEM.matcher(line);
            if (item == null || !item.matches()) {
                continue;
            }
            String value = null;
            // the item's other keys, below its name: `value:` (a `readonly:` beside it changes nothing read here)
            for (int k = n + 1; k < lines.length; k++) {
                String next = lines[k];
                int nextIndent = next.length() - next.stripLeading().length();
                if (next.isBlank() || nextIndent <= item.group(1).length()) {
                    break;
                }
                Matcher v = VALUE_KEY.matcher(next);
                if (v.matches()) {
                    Matcher literal = LITERAL.matcher(v.group(1));
                    value = literal.matches() ? LiteralVariables.unquote(literal.group(1)) : null;
                }
            }
            out.add(new LiteralVariables.Assignment(LiteralVariables.unquote(item.group(2)), value, here));
        }
        return out;
    }
}
