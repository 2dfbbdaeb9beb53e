package dev.migrate.rewriters.systemd;

import dev.migrate.rewriters.text.Lines;
import dev.migrate.rewriters.text.PhysicalLine;
import java.util.ArrayList;
import java.util.List;

/** Reads unit-file text into {@link UnitLine}s; never fails. */
final class UnitParser {
    private UnitParser() {
    }

    static List<UnitLine> parse(String text) {
        List<PhysicalLine> physical = Lines.split(text);
        List<UnitLine> out = new ArrayList<>();
        for (int i = 0; i < physical.size(); i++) {
            PhysicalLine line = physical.get(i);
            String content = line.content();
            int indentLen = Lines.indentLength(content);
            String indent = content.substring(0, indentLen);
            String rest = content.substring(indentLen);
            if (rest.isEmpty()) {
                out.add(new UnitLine.Blank(content, line.eol()));
            } else if (rest.startsWith("#") || rest.startsWith(";")) {
                out.add(new UnitLine.Comment(indent, rest, line.eol()));
            } else if (rest.startsWith("[") && rest.indexOf(']') > 0) {
                int close = rest.indexOf(']');
                out.add(new UnitLine.SectionHeader(indent, rest.substring(1, close), rest.substring(close + 1), line.eol()));
            } else if (rest.indexOf('=') > 0) {
                int eq = rest.indexOf('=');
                String keyPart = rest.substring(0, eq);
                int keyEnd = Lines.trimmedEnd(keyPart);
                String after = rest.substring(eq + 1);
                int afterLen = Lines.indentLength(after);
                StringBuilder raw = new StringBuilder(after.substring(afterLen));
                String eol = line.eol();
                // Continuations swallow following physical lines into this one value.
                String last = content;
                while (Continuations.continues(last) && !eol.isEmpty() && i + 1 < physical.size()) {
                    raw.append(eol);
                    PhysicalLine next = physical.get(++i);
                    raw.append(next.content());
                    eol = next.eol();
                    String stripped = next.content().stripLeading();
                    // A comment inside a continuation is skipped by systemd and does not end it.
                    if (!stripped.startsWith("#") && !stripped.startsWith(";")) {
                        last = next.content();
                    }
                }
                out.add(new UnitLine.Assignment(indent, keyPart.substring(0, keyEnd), keyPart.substring(keyEnd),
                        after.substring(0, afterLen), raw.toString(), eol));
            } else {
                out.add(new UnitLine.Unparsed(content, line.eol()));
            }
        }
        return out;
    }
}
