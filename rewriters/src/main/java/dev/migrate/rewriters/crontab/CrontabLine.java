package dev.migrate.rewriters.crontab;

import java.util.List;

/**
 * One physical line of a crontab. Crontab lines never continue, so each node owns exactly the bytes
 * of its line including the line terminator ({@code eol}, empty on a last line without one).
 */
public sealed interface CrontabLine {
    String eol();

    /** The exact bytes of the line, terminator included. */
    String print();

    <R> R accept(CrontabVisitor<R> visitor);

    /** A line holding only blanks. */
    record Blank(String whitespace, String eol) implements CrontabLine {
        public String print() {
            return whitespace + eol;
        }

        public <R> R accept(CrontabVisitor<R> v) {
            return v.visitBlank(this);
        }
    }

    /** A comment that does not look like a disabled entry; {@code text} starts at the {@code #}. */
    record Comment(String indent, String text, String eol) implements CrontabLine {
        public String print() {
            return indent + text + eol;
        }

        public <R> R accept(CrontabVisitor<R> v) {
            return v.visitComment(this);
        }
    }

    /**
     * {@code NAME = value}. {@code rawValue} keeps quotes and trailing blanks; {@link #value()} is what
     * cron puts in the environment (trailing blanks dropped, one pair of matching quotes removed).
     */
    record EnvSetting(String indent, String name, String beforeEquals, String afterEquals, String rawValue,
                      String eol) implements CrontabLine {
        public String print() {
            return indent + name + beforeEquals + "=" + afterEquals + rawValue + eol;
        }

        public String value() {
            String v = rawValue.strip();
            if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
                return v.substring(1, v.length() - 1);
            }
            return v;
        }

        public EnvSetting withRawValue(String newRawValue) {
            return new EnvSetting(indent, name, beforeEquals, afterEquals, newRawValue, eol);
        }

        public <R> R accept(CrontabVisitor<R> v) {
            return v.visitEnv(this);
        }
    }

    /**
     * A job line. {@code fields} are the schedule words (one for an {@code @} macro, five otherwise, three
     * in anacrontab) followed by the user word in system crontabs; {@code command} is the rest of the line.
     */
    record Entry(CrontabFormat format, String indent, List<Word> fields, String command, String eol)
            implements CrontabLine {
        public Entry {
            fields = List.copyOf(fields);
        }

        public String print() {
            StringBuilder sb = new StringBuilder(indent);
            fields.forEach(w -> sb.append(w.print()));
            return sb.append(command).append(eol).toString();
        }

        /** The schedule words: five cron fields, one {@code @} macro, or anacron's period, delay and id. */
        public List<Word> scheduleWords() {
            return format.hasUser() ? fields.subList(0, fields.size() - 1) : fields;
        }

        /** The schedule as written, words joined by single spaces. */
        public String schedule() {
            return String.join(" ", scheduleWords().stream().map(Word::text).toList());
        }

        /** The run-as user of a system crontab entry, or null. */
        public String user() {
            return format.hasUser() ? fields.get(fields.size() - 1).text() : null;
        }

        /** 0-based column of field {@code i} inside this entry's text. */
        public int columnOfField(int i) {
            int col = indent.length();
            for (int k = 0; k < i; k++) {
                col += fields.get(k).print().length();
            }
            return col;
        }

        /** 0-based column where the command starts inside this entry's text. */
        public int commandColumn() {
            return columnOfField(fields.size());
        }

        /** The command without trailing blanks, before cron's {@code %} processing. */
        public String commandText() {
            return command.strip();
        }

        /** The command cron hands to the shell: up to the first unescaped {@code %}, {@code \%} made literal. */
        public String shellCommand() {
            return PercentSplit.of(commandText()).command();
        }

        /** What cron feeds on standard input: text after the first unescaped {@code %}, other {@code %} as newlines; or null. */
        public String stdin() {
            return PercentSplit.of(commandText()).stdin();
        }

        public Entry withCommand(String newCommand) {
            String trailing = command.substring(command.stripTrailing().length());
            return new Entry(format, indent, fields, newCommand + trailing, eol);
        }

        public Entry withIndent(String newIndent) {
            return new Entry(format, newIndent, fields, command, eol);
        }

        public Entry withField(int i, String text) {
            List<Word> copy = new java.util.ArrayList<>(fields);
            copy.set(i, copy.get(i).withText(text));
            return new Entry(format, indent, copy, command, eol);
        }

        public <R> R accept(CrontabVisitor<R> v) {
            return v.visitEntry(this);
        }
    }

    /**
     * A commented-out job such as {@code # *}{@code /5 * * * * cmd}: {@code hashes} is the run of {@code #}
     * characters, and the entry owns everything after them (its indent holds the blank after {@code #}).
     */
    record DisabledEntry(String indent, String hashes, Entry entry) implements CrontabLine {
        public String eol() {
            return entry.eol();
        }

        public String print() {
            return indent + hashes + entry.print();
        }

        /** Column offset of the entry's text inside the physical line. */
        public int entryOffset() {
            return indent.length() + hashes.length();
        }

        public <R> R accept(CrontabVisitor<R> v) {
            return v.visitDisabledEntry(this);
        }
    }

    /** A line cron would reject (too few fields, no command); {@code problem} says why. */
    record Unparsed(String text, String eol, String problem) implements CrontabLine {
        public String print() {
            return text + eol;
        }

        public <R> R accept(CrontabVisitor<R> v) {
            return v.visitUnparsed(this);
        }
    }
}
