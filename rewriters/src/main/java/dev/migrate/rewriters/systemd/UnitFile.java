package dev.migrate.rewriters.systemd;

import dev.migrate.rewriters.text.Lines;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A lossless systemd unit file ({@code .service}, {@code .timer}, drop-ins): {@link #print()} returns the
 * parsed text byte for byte. Immutable; editing methods return a new file that differs only where asked.
 */
public record UnitFile(List<UnitLine> lines) {
    public UnitFile {
        lines = List.copyOf(lines);
    }

    public static UnitFile parse(String text) {
        return new UnitFile(UnitParser.parse(text));
    }

    public String print() {
        StringBuilder sb = new StringBuilder();
        lines.forEach(l -> sb.append(l.print()));
        return sb.toString();
    }

    public <R> List<R> accept(UnitVisitor<R> visitor) {
        return lines.stream().map(l -> l.accept(visitor)).toList();
    }

    /** 1-based physical line on which the node at {@code index} starts. */
    public int lineNumber(int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            line += lines.get(i).physicalLines();
        }
        return line;
    }

    /** Name of the section the node at {@code index} belongs to, or null before the first header. */
    public String sectionOf(int index) {
        for (int i = index; i >= 0; i--) {
            if (lines.get(i) instanceof UnitLine.SectionHeader h) {
                return h.name();
            }
        }
        return null;
    }

    /** Indexes of the assignments to {@code key} in {@code section}, in file order. */
    public List<Integer> indexesOf(String section, String key) {
        List<Integer> out = new ArrayList<>();
        String current = null;
        for (int i = 0; i < lines.size(); i++) {
            UnitLine l = lines.get(i);
            if (l instanceof UnitLine.SectionHeader h) {
                current = h.name();
            } else if (l instanceof UnitLine.Assignment a && a.key().equals(key) && section.equals(current)) {
                out.add(i);
            }
        }
        return out;
    }

    /** The effective value (the last assignment wins), if any. */
    public Optional<String> value(String section, String key) {
        List<String> all = values(section, key);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** All values of a list setting such as {@code Environment=}; an empty assignment clears earlier ones, as in systemd. */
    public List<String> values(String section, String key) {
        List<String> out = new ArrayList<>();
        for (int i : indexesOf(section, key)) {
            String v = ((UnitLine.Assignment) lines.get(i)).value();
            if (v.isEmpty()) {
                out.clear();
            } else {
                out.add(v);
            }
        }
        return out;
    }

    /** Section names in file order. */
    public List<String> sections() {
        return lines.stream().filter(UnitLine.SectionHeader.class::isInstance)
                .map(l -> ((UnitLine.SectionHeader) l).name()).toList();
    }

    public UnitFile withLine(int index, UnitLine line) {
        List<UnitLine> copy = new ArrayList<>(lines);
        copy.set(index, line);
        return new UnitFile(copy);
    }

    /**
     * Sets {@code key} in {@code section}: rewrites the last existing assignment in place (keeping its
     * spacing and line ending), or adds one after the section's last non-blank line, or adds the section.
     */
    public UnitFile withValue(String section, String key, String value) {
        List<Integer> existing = indexesOf(section, key);
        if (!existing.isEmpty()) {
            int i = existing.get(existing.size() - 1);
            return withLine(i, ((UnitLine.Assignment) lines.get(i)).withValue(value));
        }
        String eol = Lines.dominantEol(lines.stream().map(UnitLine::eol).toList());
        List<UnitLine> copy = new ArrayList<>(lines);
        UnitLine.Assignment added = new UnitLine.Assignment("", key, "", "", value, eol);
        int header = headerIndex(section);
        if (header < 0) {
            terminateLastLine(copy, eol);
            if (!copy.isEmpty()) {
                copy.add(new UnitLine.Blank("", eol));
            }
            copy.add(new UnitLine.SectionHeader("", section, "", eol));
            copy.add(added);
            return new UnitFile(copy);
        }
        int insertAfter = header;
        for (int i = header + 1; i < copy.size() && !(copy.get(i) instanceof UnitLine.SectionHeader); i++) {
            if (!(copy.get(i) instanceof UnitLine.Blank)) {
                insertAfter = i;
            }
        }
        if (copy.get(insertAfter).eol().isEmpty()) {
            // The section ends the file without a final newline: the new line keeps that shape.
            copy.set(insertAfter, withEol(copy.get(insertAfter), eol));
            added = new UnitLine.Assignment("", key, "", "", value, "");
        }
        copy.add(insertAfter + 1, added);
        return new UnitFile(copy);
    }

    /** Removes every assignment to {@code key} in {@code section}. */
    public UnitFile withoutKey(String section, String key) {
        List<Integer> idx = indexesOf(section, key);
        List<UnitLine> copy = new ArrayList<>(lines);
        for (int k = idx.size() - 1; k >= 0; k--) {
            copy.remove((int) idx.get(k));
        }
        return new UnitFile(copy);
    }

    private int headerIndex(String section) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i) instanceof UnitLine.SectionHeader h && h.name().equals(section)) {
                return i;
            }
        }
        return -1;
    }

    private static void terminateLastLine(List<UnitLine> copy, String eol) {
        if (!copy.isEmpty() && copy.get(copy.size() - 1).eol().isEmpty()) {
            copy.set(copy.size() - 1, withEol(copy.get(copy.size() - 1), eol));
        }
    }

    private static UnitLine withEol(UnitLine l, String eol) {
        if (l instanceof UnitLine.Blank b) {
            return new UnitLine.Blank(b.whitespace(), eol);
        } else if (l instanceof UnitLine.Comment c) {
            return new UnitLine.Comment(c.indent(), c.text(), eol);
        } else if (l instanceof UnitLine.SectionHeader h) {
            return new UnitLine.SectionHeader(h.indent(), h.name(), h.trailing(), eol);
        } else if (l instanceof UnitLine.Assignment a) {
            return new UnitLine.Assignment(a.indent(), a.key(), a.beforeEquals(), a.afterEquals(), a.rawValue(), eol);
        }
        UnitLine.Unparsed u = (UnitLine.Unparsed) l;
        return new UnitLine.Unparsed(u.text(), eol);
    }
}
