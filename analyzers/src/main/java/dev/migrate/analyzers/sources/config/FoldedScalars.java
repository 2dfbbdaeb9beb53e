package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.sources.config.PrefectCliLineDetector.LogicalLine;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A CI pipeline's folded block scalars ({@code run: >}, {@code - >-} under GitLab's {@code script:}) as the one line
 * YAML makes of them: the lines of a paragraph at the block's own indentation are joined with spaces, so the shell
 * runs {@code prefect deploy flows/etl.py:etl -n etl} and its {@code --cron ...} on the next line as one command. A
 * blank line ends a paragraph and a more-indented line stays a line of its own, as YAML keeps the line breaks there.
 */
final class FoldedScalars {
    /**
     * A line that opens a folded block: a key or a list item whose value is {@code >} (with {@code -}/{@code +} and an
     * indentation digit, in either order), then nothing but a comment.
     */
    private static final Pattern OPENS = Pattern.compile(
            "^[ \\t]*(?:-[ \\t]+)?(?:[\\w.$-]+[ \\t]*:[ \\t]+|-[ \\t]+|)>(?:[-+]?[1-9]?|[1-9][-+])[ \\t]*(?:#.*)?$");

    private FoldedScalars() {
    }

    /** The lines with each folded block's paragraphs joined, each at the number of its first line. */
    static List<LogicalLine> join(List<LogicalLine> lines) {
        List<LogicalLine> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            LogicalLine line = lines.get(i++);
            out.add(line);
            if (!OPENS.matcher(line.text()).matches() || line.text().stripLeading().startsWith("#")) {
                continue;
            }
            int parent = indentOf(line.text());
            int content = -1;
            StringBuilder paragraph = null;
            LogicalLine first = null;
            for (; i < lines.size(); i++) {
                String text = lines.get(i).text();
                if (text.isBlank()) {
                    paragraph = flush(out, first, paragraph);
                    first = null;
                    out.add(lines.get(i));
                    continue;
                }
                int indent = indentOf(text);
                if (indent <= parent) {
                    break; // the block ended
                }
                if (content < 0) {
                    content = indent;
                }
                if (indent == content) {
                    if (paragraph == null) {
                        first = lines.get(i);
                        paragraph = new StringBuilder(text);
                    } else {
                        paragraph.append(' ').append(text.strip());
                    }
                } else {
                    // more indented: YAML keeps the breaks around it
                    paragraph = flush(out, first, paragraph);
                    first = null;
                    out.add(lines.get(i));
                }
            }
            flush(out, first, paragraph);
        }
        return out;
    }

    private static StringBuilder flush(List<LogicalLine> out, LogicalLine first, StringBuilder paragraph) {
        if (paragraph != null) {
            out.add(new LogicalLine(first.number(), first.column(), paragraph.toString()));
        }
        return null;
    }

    private static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
