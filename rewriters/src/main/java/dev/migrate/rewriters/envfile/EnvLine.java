package dev.migrate.rewriters.envfile;

/**
 * One logical line of an env file. A quoted value may span physical lines; its {@code rawValue} then holds
 * those line breaks, so each byte of the file still belongs to exactly one node.
 */
public sealed interface EnvLine {
    String eol();

    String print();

    <R> R accept(EnvVisitor<R> visitor);

    record Blank(String whitespace, String eol) implements EnvLine {
        public String print() {
            return whitespace + eol;
        }

        public <R> R accept(EnvVisitor<R> v) {
            return v.visitBlank(this);
        }
    }

    record Comment(String indent, String text, String eol) implements EnvLine {
        public String print() {
            return indent + text + eol;
        }

        public <R> R accept(EnvVisitor<R> v) {
            return v.visitComment(this);
        }
    }

    /**
     * {@code [export ]NAME=value [# comment]}. {@code export} holds the keyword and its blanks (or is empty),
     * {@code rawValue} the value as written with its quotes, {@code trailing} the blanks and comment after it.
     */
    record Assignment(String indent, String export, String name, String beforeEquals, String afterEquals,
                      String rawValue, String trailing, String eol) implements EnvLine {
        public String print() {
            return indent + export + name + beforeEquals + "=" + afterEquals + rawValue + trailing + eol;
        }

        /** The value a dotenv loader or a shell would see. */
        public String value() {
            return EnvQuoting.unquote(rawValue);
        }

        /** Sets the value, keeping the quote style when it can hold the new value. */
        public Assignment withValue(String value) {
            return new Assignment(indent, export, name, beforeEquals, afterEquals, EnvQuoting.quote(value, rawValue),
                    trailing, eol);
        }

        public Assignment withName(String newName) {
            return new Assignment(indent, export, newName, beforeEquals, afterEquals, rawValue, trailing, eol);
        }

        public <R> R accept(EnvVisitor<R> v) {
            return v.visitAssignment(this);
        }
    }

    /** A line that is not an assignment (or has an unterminated quote); {@code problem} says why. */
    record Unparsed(String text, String eol, String problem) implements EnvLine {
        public String print() {
            return text + eol;
        }

        public <R> R accept(EnvVisitor<R> v) {
            return v.visitUnparsed(this);
        }
    }
}
