package dev.migrate.rewriters.crontab;

import dev.migrate.rewriters.text.Lines;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A lossless crontab: {@link #print()} gives back the parsed text byte for byte. Immutable; the editing
 * methods return a new file and keep every untouched line (and its line ending) as it was.
 * Line {@code i} of {@link #lines()} is physical line {@code i + 1} of the file.
 */
public record CrontabFile(CrontabFormat format, List<CrontabLine> lines) {
    /** The marker recipes put above an entry they comment out, so that a rollback can find it again. */
    public static final String DISABLED_MARKER = "# migrate: disabled ";

    public CrontabFile {
        lines = List.copyOf(lines);
    }

    public static CrontabFile parse(String text, CrontabFormat format) {
        return new CrontabFile(format, new CrontabParser(format).parse(text));
    }

    public String print() {
        StringBuilder sb = new StringBuilder();
        lines.forEach(l -> sb.append(l.print()));
        return sb.toString();
    }

    /** 1-based line number of the node at {@code index}. */
    public int lineNumber(int index) {
        return index + 1;
    }

    public <R> List<R> accept(CrontabVisitor<R> visitor) {
        return lines.stream().map(l -> l.accept(visitor)).toList();
    }

    public CrontabFile withLine(int index, CrontabLine line) {
        List<CrontabLine> copy = new ArrayList<>(lines);
        copy.set(index, line);
        return new CrontabFile(format, copy);
    }

    /**
     * Comments out the entry at {@code index} and puts a {@code # migrate: disabled <jobId> <date>} line above
     * it, written with the entry's own line ending.
     */
    public CrontabFile withEntryDisabled(int index, String jobId, LocalDate date) {
        if (!(lines.get(index) instanceof CrontabLine.Entry entry)) {
            throw new IllegalArgumentException("line " + lineNumber(index) + " is not an active crontab entry");
        }
        String eol = entry.eol().isEmpty() ? Lines.dominantEol(lines.stream().map(CrontabLine::eol).toList()) : entry.eol();
        List<CrontabLine> copy = new ArrayList<>(lines);
        copy.set(index, new CrontabLine.DisabledEntry(entry.indent(), "#", entry.withIndent(" ")));
        copy.add(index, new CrontabLine.Comment(entry.indent(), DISABLED_MARKER.strip() + " " + jobId + " " + date, eol));
        return new CrontabFile(format, copy);
    }

    /** Undoes {@link #withEntryDisabled}: {@code index} is the marker line; returns this file when it is not one. */
    public CrontabFile withEntryEnabled(int index) {
        if (index + 1 >= lines.size()
                || !(lines.get(index) instanceof CrontabLine.Comment c) || !c.text().startsWith(DISABLED_MARKER)
                || !(lines.get(index + 1) instanceof CrontabLine.DisabledEntry d)) {
            return this;
        }
        List<CrontabLine> copy = new ArrayList<>(lines);
        copy.remove(index);
        copy.set(index, d.entry().withIndent(d.indent()));
        return new CrontabFile(format, copy);
    }

    /** Every entry a marker disabled enabled again, as the file read before any cutover. */
    public CrontabFile withMarkedEntriesEnabled() {
        CrontabFile out = this;
        for (int i = lines.size() - 2; i >= 0; i--) {
            out = out.withEntryEnabled(i); // bottom up: enabling one takes a line out below the ones still to look at
        }
        return out;
    }

    /** Index of the marker line that disabled {@code jobId}, or -1. */
    public int markerIndexOf(String jobId) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i) instanceof CrontabLine.Comment c && c.text().startsWith(DISABLED_MARKER + jobId + " ")) {
                return i;
            }
        }
        return -1;
    }
}
