package dev.migrate.rewriters.systemd;

/**
 * One logical line of a systemd unit file. An assignment continued with a trailing backslash spans
 * several physical lines; its {@code rawValue} then holds the inner line breaks, so every byte still
 * has exactly one owner.
 */
public sealed interface UnitLine {
    String eol();

    String print();

    /** Number of physical lines this node covers. */
    default int physicalLines() {
        String p = print();
        int n = 0;
        for (int i = 0; i < p.length(); i++) {
            if (p.charAt(i) == '\n') {
                n++;
            }
        }
        return eol().isEmpty() ? n + 1 : n;
    }

    <R> R accept(UnitVisitor<R> visitor);

    record Blank(String whitespace, String eol) implements UnitLine {
        public String print() {
            return whitespace + eol;
        }

        public <R> R accept(UnitVisitor<R> v) {
            return v.visitBlank(this);
        }
    }

    /** {@code text} starts with {@code #} or {@code ;}. */
    record Comment(String indent, String text, String eol) implements UnitLine {
        public String print() {
            return indent + text + eol;
        }

        public <R> R accept(UnitVisitor<R> v) {
            return v.visitComment(this);
        }
    }

    /** {@code [Name]}; {@code trailing} is whatever follows the closing bracket on that line. */
    record SectionHeader(String indent, String name, String trailing, String eol) implements UnitLine {
        public String print() {
            return indent + "[" + name + "]" + trailing + eol;
        }

        public <R> R accept(UnitVisitor<R> v) {
            return v.visitSection(this);
        }
    }

    /** {@code Key=value}; {@link #value()} is the value systemd sees (continuations joined, ends trimmed). */
    record Assignment(String indent, String key, String beforeEquals, String afterEquals, String rawValue, String eol)
            implements UnitLine {
        public String print() {
            return indent + key + beforeEquals + "=" + afterEquals + rawValue + eol;
        }

        public String value() {
            return Continuations.join(rawValue);
        }

        public Assignment withValue(String value) {
            if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("a unit file value cannot contain a line break: " + key);
            }
            String trailing = rawValue.indexOf('\n') >= 0 ? "" : rawValue.substring(rawValue.stripTrailing().length());
            return new Assignment(indent, key, beforeEquals, afterEquals, value + trailing, eol);
        }

        public Assignment withKey(String newKey) {
            return new Assignment(indent, newKey, beforeEquals, afterEquals, rawValue, eol);
        }

        public <R> R accept(UnitVisitor<R> v) {
            return v.visitAssignment(this);
        }
    }

    /** A line systemd would ignore with a warning (no '=' and not a section or comment). */
    record Unparsed(String text, String eol) implements UnitLine {
        public String print() {
            return text + eol;
        }

        public <R> R accept(UnitVisitor<R> v) {
            return v.visitUnparsed(this);
        }
    }
}
