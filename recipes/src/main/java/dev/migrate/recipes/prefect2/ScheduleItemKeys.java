package dev.migrate.recipes.prefect2;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sets one key in every item of a {@code schedules:} sequence, given as the sequence's text, so that the file keeps
 * its layout and comments: a deployment's {@code is_schedule_active} becomes {@code active:} on each of its schedules.
 * An item that already has the key gets the new value in place (its comment kept) unless {@code keep} accepts the
 * value it has, as a second {@code active:} in one mapping would be a duplicate key, which YAML forbids and loaders
 * resolve each their own way; an item without it gets the key at its end, at the column of its own keys. An alias
 * item ({@code - *hourly}, a schedule from {@code definitions:}) becomes a mapping that merges it
 * ({@code - <<: *hourly}) and carries the key.
 */
final class ScheduleItemKeys {
    /** A mapping key at the start of a text: plain or quoted, followed by a colon and a space or the end. */
    private static final Pattern KEY = Pattern.compile("^(?:\"[^\"]*\"|'[^']*'|[^\\s#'\"{\\[*&!|>-][^:#]*):(?:\\s|$)");
    private static final Pattern ALIAS = Pattern.compile("^\\*[A-Za-z0-9_-]+(?=\\s*(?:#.*)?$)");

    private ScheduleItemKeys() {
    }

    /**
     * The sequence with {@code key: value} in every item, or null when an item is neither a mapping nor an alias
     * (a scalar, a nested sequence), which a person has to look at.
     */
    static String set(String sequenceText, String key, String value, Predicate<String> keep) {
        return sequenceText.strip().startsWith("[") ? setInFlow(sequenceText, key, value, keep)
                : setInBlock(sequenceText, key, value, keep);
    }

    private static String setInBlock(String text, String key, String value, Predicate<String> keep) {
        List<String> lines = List.of(text.split("\n", -1));
        int dashColumn = -1;
        for (String line : lines) {
            String s = line.stripLeading();
            if (s.startsWith("- ") || s.equals("-")) {
                dashColumn = line.length() - s.length();
                break;
            }
        }
        if (dashColumn < 0) {
            return null;
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        // whatever comes before the first item (the blank prefix of the value)
        while (i < lines.size() && !startsItem(lines.get(i), dashColumn)) {
            out.add(lines.get(i++));
        }
        while (i < lines.size()) {
            int end = i + 1;
            while (end < lines.size() && !startsItem(lines.get(end), dashColumn)) {
                end++;
            }
            List<String> item = item(new ArrayList<>(lines.subList(i, end)), dashColumn, key, value, keep);
            if (item == null) {
                return null;
            }
            out.addAll(item);
            i = end;
        }
        return String.join("\n", out);
    }

    private static boolean startsItem(String line, int dashColumn) {
        String s = line.stripLeading();
        return line.length() - s.length() == dashColumn && (s.startsWith("- ") || s.equals("-"));
    }

    /** One item's lines, with the key set; null when the item is not a mapping or an alias. */
    private static List<String> item(List<String> item, int dashColumn, String key, String value, Predicate<String> keep) {
        String first = item.get(0);
        String content = first.substring(dashColumn + 1).stripLeading();
        int keyColumn;
        if (content.isEmpty()) {
            // `-` alone: the mapping's keys start on the next line
            keyColumn = -1;
            for (int k = 1; k < item.size() && keyColumn < 0; k++) {
                String line = item.get(k);
                if (!line.isBlank() && !line.stripLeading().startsWith("#")) {
                    keyColumn = line.length() - line.stripLeading().length();
                }
            }
            if (keyColumn < 0) {
                return null;
            }
        } else {
            keyColumn = first.length() - content.length();
            String flow = content.stripTrailing();
            if (flow.startsWith("{") && flow.endsWith("}")) {
                // `- {interval: 600, active: true}` on its line
                item.set(0, first.substring(0, keyColumn) + withFlowKey(flow.substring(0, flow.length() - 1), key, value, keep)
                        + content.substring(flow.length()));
                return item;
            }
            if (ALIAS.matcher(content).find()) {
                item.set(0, first.substring(0, keyColumn) + "<<: " + content);
            } else if (!KEY.matcher(content).find()) {
                return null;
            }
        }
        for (int k = 0; k < item.size(); k++) {
            String line = item.get(k);
            int column = line.length() - line.stripLeading().length();
            String entry = k == 0 ? line.substring(keyColumn) : line.stripLeading();
            if ((k == 0 || column == keyColumn) && entry.startsWith(key + ":")) {
                item.set(k, line.substring(0, line.length() - entry.length()) + withValue(entry, key, value, keep));
                return item;
            }
        }
        // after the item's last line of its own: a comment or blank line before the next item stays before that item
        int last = 0;
        for (int k = 1; k < item.size(); k++) {
            String line = item.get(k);
            if (!line.isBlank() && line.length() - line.stripLeading().length() >= keyColumn) {
                last = k;
            }
        }
        item.add(last + 1, " ".repeat(keyColumn) + key + ": " + value);
        return item;
    }

    /** {@code key: old  # why} with the new value, or as it was when {@code keep} accepts the old one. */
    private static String withValue(String entry, String key, String value, Predicate<String> keep) {
        String rest = entry.substring(key.length() + 1);
        int comment = rest.indexOf(" #");
        String old = (comment < 0 ? rest : rest.substring(0, comment)).strip();
        if (keep.test(unquoted(old))) {
            return entry;
        }
        return key + ": " + value + (comment < 0 ? "" : rest.substring(rest.indexOf(old) + old.length()));
    }

    private static String unquoted(String value) {
        return value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'")) ? value.substring(1, value.length() - 1) : value;
    }

    private static String setInFlow(String text, String key, String value, Predicate<String> keep) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        char quote = 0;
        int itemStart = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '{' || c == '[') {
                depth++;
                if (c == '{' && depth == 2) {
                    itemStart = out.length();
                }
            } else if (c == '}' || c == ']') {
                if (c == '}' && depth == 2) {
                    String item = withFlowKey(out.substring(itemStart), key, value, keep);
                    out.setLength(itemStart);
                    out.append(item);
                    itemStart = -1;
                    depth--;
                    continue;
                }
                depth--;
            } else if (depth == 1 && c == '*') {
                Matcher alias = Pattern.compile("^\\*[A-Za-z0-9_-]+").matcher(text.substring(i));
                if (!alias.find()) {
                    return null;
                }
                out.append("{<<: ").append(alias.group()).append(", ").append(key).append(": ").append(value).append('}');
                i += alias.group().length() - 1;
                continue;
            } else if (depth == 1 && c != ',' && !Character.isWhitespace(c)) {
                return null; // a scalar item: not a mapping
            }
            out.append(c);
        }
        return out.toString();
    }

    /** One flow mapping's text, from its opening brace up to its closing one, which is added. */
    private static String withFlowKey(String item, String key, String value, Predicate<String> keep) {
        Matcher existing = Pattern.compile("[{,]\\s*" + Pattern.quote(key) + "\\s*:\\s*").matcher(item);
        if (!existing.find()) {
            return item + ", " + key + ": " + value + "}";
        }
        int from = existing.end();
        int to = from;
        char quote = 0;
        while (to < item.length() && (quote != 0 || item.charAt(to) != ',')) {
            char c = item.charAt(to);
            quote = quote != 0 ? (c == quote ? 0 : quote) : (c == '"' || c == '\'' ? c : 0);
            to++;
        }
        String old = item.substring(from, to).stripTrailing();
        return keep.test(unquoted(old)) ? item + "}" : item.substring(0, from) + value + item.substring(from + old.length()) + "}";
    }
}
