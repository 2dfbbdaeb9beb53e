package dev.migrate.rewriters.envfile;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads env-file text (dotenv, docker {@code --env-file}, systemd {@code EnvironmentFile=}) into lines; never fails. */
final class EnvParser {
    private static final Pattern HEAD = Pattern.compile("(export[ \\t]+)?([A-Za-z_][A-Za-z0-9_.-]*)([ \\t]*)=([ \\t]*)");

    private final String text;
    private int pos;

    private EnvParser(String text) {
        this.text = text;
    }

    static List<EnvLine> parse(String text) {
        EnvParser p = new EnvParser(text);
        List<EnvLine> out = new ArrayList<>();
        while (p.pos < text.length()) {
            out.add(p.line());
        }
        return out;
    }

    private EnvLine line() {
        int start = pos;
        int lineEnd = contentEnd(start);
        String eol = eolAt(lineEnd);
        String content = text.substring(start, lineEnd);
        int indentLen = 0;
        while (indentLen < content.length() && (content.charAt(indentLen) == ' ' || content.charAt(indentLen) == '\t')) {
            indentLen++;
        }
        String indent = content.substring(0, indentLen);
        String rest = content.substring(indentLen);
        if (rest.isEmpty()) {
            pos = lineEnd + eol.length();
            return new EnvLine.Blank(content, eol);
        }
        if (rest.startsWith("#")) {
            pos = lineEnd + eol.length();
            return new EnvLine.Comment(indent, rest, eol);
        }
        Matcher m = HEAD.matcher(rest);
        if (!m.lookingAt()) {
            pos = lineEnd + eol.length();
            return new EnvLine.Unparsed(content, eol, "expected NAME=value");
        }
        int valueStart = start + indentLen + m.end();
        char first = valueStart < text.length() ? text.charAt(valueStart) : 0;
        int valueEnd;
        if (first == '"' || first == '\'') {
            valueEnd = closingQuote(valueStart, first);
            if (valueEnd < 0) {
                pos = lineEnd + eol.length();
                return new EnvLine.Unparsed(content, eol, "unterminated " + (first == '"' ? "double" : "single") + " quote");
            }
            valueEnd++;
            lineEnd = contentEnd(valueEnd);
            eol = eolAt(lineEnd);
        } else {
            valueEnd = unquotedEnd(valueStart, lineEnd);
        }
        String export = m.group(1) == null ? "" : m.group(1);
        pos = lineEnd + eol.length();
        return new EnvLine.Assignment(indent, export, m.group(2), m.group(3), m.group(4),
                text.substring(valueStart, valueEnd), text.substring(valueEnd, lineEnd), eol);
    }

    /** An unquoted value stops before blanks that end the line or start a {@code #} comment. */
    private int unquotedEnd(int from, int lineEnd) {
        int end = lineEnd;
        for (int i = from; i < lineEnd; i++) {
            char c = text.charAt(i);
            if (c == '#' && i > from && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
                end = i;
                break;
            }
        }
        while (end > from && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
            end--;
        }
        return end;
    }

    private int closingQuote(int open, char q) {
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && q == '"') {
                i++;
            } else if (c == q) {
                return i;
            }
        }
        return -1;
    }

    /** Index of the line terminator (or text end) of the line containing {@code from}; a CR before LF belongs to the terminator. */
    private int contentEnd(int from) {
        int nl = text.indexOf('\n', from);
        if (nl < 0) {
            return text.length();
        }
        return nl > from && text.charAt(nl - 1) == '\r' ? nl - 1 : nl;
    }

    private String eolAt(int i) {
        if (text.startsWith("\r\n", i)) {
            return "\r\n";
        }
        return text.startsWith("\n", i) ? "\n" : "";
    }
}
