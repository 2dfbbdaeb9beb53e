package dev.migrate.cli;

import dev.migrate.analyzers.model.Redactor;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values of a Secret's {@code data} and {@code stringData} in the lines of a YAML diff: each one is a secret
 * whatever its key is called ({@code data:} only base64-encodes it), so it is masked where the line shows it as an
 * entry, a flow mapping's entry or the lines of a block scalar. Keys stay visible: they name settings. A template
 * ({@code {{ .Values.x }}}) or a reference ({@code $X}) is where the value comes from, not the value.
 */
final class SecretDataValues {
    private static final List<List<String>> SECTIONS = List.of(List.of("data"), List.of("stringData"));
    /**
     * A block mapping entry: key (quoted or not), separator, value; a comment after the value is masked with it, since
     * a {@code #} may as well be part of the secret.
     */
    private static final Pattern ENTRY = Pattern.compile("^(\\s*[\"']?[^\"':#]+[\"']?\\s*:\\s+)(\\S.*)$");
    /** A top-level {@code data: {...}} or {@code stringData: {...}}, which may go on over the next lines. */
    private static final Pattern FLOW_SECTION = Pattern.compile("^((?:data|stringData)\\s*:\\s*)(\\{.*)$");
    private static final Pattern FLOW_VALUE = Pattern.compile("(:\\s*)(\"[^\"]*\"|'[^']*'|[^\\s,}][^,}]*?)(\\s*(?=[,}]|$))");
    /**
     * What is no secret value: a block scalar's indicator, a Helm template, {@code ${VAR}} that envsubst fills (a bare
     * {@code $word} may be a password: Kubernetes expands nothing in a Secret), no value.
     */
    private static final Pattern NOT_A_VALUE = Pattern.compile("[|>][-+0-9]*|([\"']?)\\{\\{.*|([\"']?)\\$\\{[A-Za-z_][A-Za-z0-9_]*}\\2"
            + "|null|~|\"\"|''");

    /** The indentation of the entry whose block scalar the next, deeper lines hold; -1 for none. */
    private int blockAt = -1;
    /** Whether the lines read are inside a Secret's flow-style data that goes on over several lines. */
    private boolean inFlow;

    /** Forgets the block scalar or flow mapping being read: a new hunk or file. */
    void reset() {
        blockAt = -1;
        inFlow = false;
    }

    /**
     * The line ({@code content} of a diff line, without its marker) with the Secret's values in it masked, or null
     * when it shows none.
     *
     * @param ancestors the fields above the line ({@code YamlAncestors}), read from the document's top
     * @param kind      the kind of the document the line stands in, null when unknown
     */
    String mask(String content, List<String> ancestors, String kind) {
        int indent = content.length() - content.stripLeading().length();
        if (blockAt >= 0 && (content.isBlank() || indent > blockAt)) {
            return content.isBlank() ? null : content.substring(0, indent) + Redactor.MASK;
        }
        blockAt = -1;
        if (inFlow) {
            inFlow = !content.contains("}");
            return flowValuesMasked(content);
        }
        if (!"Secret".equals(kind)) {
            return null;
        }
        Matcher flow = FLOW_SECTION.matcher(content);
        if (ancestors.isEmpty() && flow.matches()) {
            inFlow = !flow.group(2).contains("}");
            return flow.group(1) + flowValuesMasked(flow.group(2));
        }
        Matcher entry = ENTRY.matcher(content);
        if (!SECTIONS.contains(ancestors) || !entry.matches()) {
            return null;
        }
        if (entry.group(2).matches("[|>][-+0-9]*(\\s+#.*)?")) {
            blockAt = indent; // the lines below are the secret
            return null;
        }
        return NOT_A_VALUE.matcher(entry.group(2).strip()).matches() ? null : entry.group(1) + Redactor.MASK;
    }

    /** The values of a flow mapping's {@code key: value} pairs in {@code text} masked, the rest as written. */
    private static String flowValuesMasked(String text) {
        return FLOW_VALUE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                NOT_A_VALUE.matcher(m.group(2)).matches() ? m.group() : m.group(1) + Redactor.MASK + m.group(3)));
    }
}
