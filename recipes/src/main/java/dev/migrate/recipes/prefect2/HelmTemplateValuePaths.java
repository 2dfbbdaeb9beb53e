package dev.migrate.recipes.prefect2;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The places a Helm template names a path of the umbrella chart's values under the agent subchart's key, with the
 * key and the subchart's path renamed ({@link HelmValuePaths#subchartSegments}). A key with a dash can only be read
 * by string: {@code index .Values "prefect-agent" "agent" "config"}, {@code (index .Values "prefect-agent").agent},
 * {@code get}/{@code hasKey .Values "prefect-agent"}, {@code pluck "prefect-agent" .Values},
 * {@code dig "prefect-agent" "agent" "image" "" .Values}; an alias without one also as {@code .Values.etlAgent.agent}.
 * Templates are text, not YAML: only the path segments inside {@code {{ }}} actions change, every other byte stays.
 */
final class HelmTemplateValuePaths {
    private static final Pattern ACTION = Pattern.compile("\\{\\{.*?}}", Pattern.DOTALL);
    private static final String STRINGS = "(?:\\s+\"[^\"\\\\]*\")+";
    private static final String VALUES = "\\$?\\.Values";
    /** {@code .Values} or {@code .Values.AsMap} (what dig needs, as .Values is no plain map) and nothing after. */
    private static final String AS_MAP = "(?:\\.AsMap)?(?![.\\w])";
    private static final String FIELDS = "(?:\\.[A-Za-z_][A-Za-z0-9_]*)+";
    /** What reads a values path, each with how many of its trailing strings are not path segments (dig's default). */
    private static final List<Reader> READERS = List.of(
            new Reader(Pattern.compile("\\(\\s*index\\s+" + VALUES + STRINGS + "\\s*\\)" + FIELDS), 0),
            new Reader(Pattern.compile("\\bindex\\s+" + VALUES + STRINGS), 0),
            new Reader(Pattern.compile("\\b(?:get|hasKey)\\s+" + VALUES + "\\s+\"[^\"\\\\]*\""), 0),
            new Reader(Pattern.compile("\\bpluck\\s+\"[^\"\\\\]*\"\\s+" + VALUES + AS_MAP), 0),
            new Reader(Pattern.compile("\\bdig" + STRINGS + "\\s+" + VALUES + AS_MAP), 1),
            new Reader(Pattern.compile(VALUES + FIELDS), 0));
    /** A path segment: a string's content or a field's name; the {@code .Values} field itself is not one. */
    private static final Pattern SEGMENT = Pattern.compile("\"([^\"\\\\]*)\"|\\.([A-Za-z_][A-Za-z0-9_]*)");

    private record Reader(Pattern pattern, int trailingNonPath) {
    }

    private HelmTemplateValuePaths() {
    }

    /** {@code template} with every values path under one of {@code keys} (old key to new key) renamed. */
    static String rename(String template, Map<String, String> keys) {
        Matcher action = ACTION.matcher(template);
        StringBuilder out = new StringBuilder();
        while (action.find()) {
            String text = action.group();
            for (Reader reader : READERS) {
                text = renameReads(text, reader, keys);
            }
            action.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        action.appendTail(out);
        return out.toString();
    }

    private static String renameReads(String action, Reader reader, Map<String, String> keys) {
        Matcher m = reader.pattern().matcher(action);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(renamePath(m.group(), reader.trailingNonPath(), keys)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** One read's text with its path segments renamed, or as it was when its path is not the subchart's. */
    private static String renamePath(String read, int trailingNonPath, Map<String, String> keys) {
        List<int[]> spans = new ArrayList<>(); // start and end of each segment's name in read
        Matcher s = SEGMENT.matcher(read);
        boolean root = false;
        int rootEnd = -1;
        while (s.find()) {
            int g = s.group(1) != null ? 1 : 2;
            if (g == 2 && !root && s.group(2).equals("Values")) {
                root = true; // .Values, the root the path starts from (pluck and dig name their strings before it)
                rootEnd = s.end();
                continue;
            }
            if (g == 2 && s.start() == rootEnd && s.group(2).equals("AsMap")) {
                continue;
            }
            spans.add(new int[] {s.start(g), s.end(g)});
        }
        if (spans.size() <= trailingNonPath) {
            return read;
        }
        spans = spans.subList(0, spans.size() - trailingNonPath);
        List<String> segments = spans.stream().map(sp -> read.substring(sp[0], sp[1])).toList();
        List<String> renamed = HelmValuePaths.subchartSegments(segments, keys);
        if (renamed == null) {
            return read;
        }
        StringBuilder out = new StringBuilder(read);
        for (int i = spans.size() - 1; i >= 0; i--) {
            out.replace(spans.get(i)[0], spans.get(i)[1], renamed.get(i));
        }
        return out.toString();
    }
}
