package dev.migrate.rewriters.envfile;

import dev.migrate.rewriters.text.Lines;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A lossless env file ({@code KEY=VALUE}, {@code export}, quotes, comments): {@link #print()} returns the
 * parsed text byte for byte. Immutable; editing returns a new file that differs only where asked.
 */
public record EnvFile(List<EnvLine> lines) {
    public EnvFile {
        lines = List.copyOf(lines);
    }

    public static EnvFile parse(String text) {
        return new EnvFile(EnvParser.parse(text));
    }

    public String print() {
        StringBuilder sb = new StringBuilder();
        lines.forEach(l -> sb.append(l.print()));
        return sb.toString();
    }

    public <R> List<R> accept(EnvVisitor<R> visitor) {
        return lines.stream().map(l -> l.accept(visitor)).toList();
    }

    /** 1-based physical line on which the node at {@code index} starts. */
    public int lineNumber(int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            String p = lines.get(i).print();
            line += (int) p.chars().filter(c -> c == '\n').count();
        }
        return line;
    }

    /** The variables in file order; a later assignment of the same name wins. */
    public Map<String, String> variables() {
        Map<String, String> vars = new LinkedHashMap<>();
        for (EnvLine l : lines) {
            if (l instanceof EnvLine.Assignment a) {
                vars.put(a.name(), a.value());
            }
        }
        return vars;
    }

    public Optional<String> value(String name) {
        return Optional.ofNullable(variables().get(name));
    }

    /** Sets {@code name}: rewrites its last assignment in place, or appends {@code NAME=value}. */
    public EnvFile withValue(String name, String value) {
        int i = lastIndexOf(name);
        if (i >= 0) {
            return withLine(i, ((EnvLine.Assignment) lines.get(i)).withValue(value));
        }
        String eol = Lines.dominantEol(lines.stream().map(EnvLine::eol).toList());
        List<EnvLine> copy = new ArrayList<>(lines);
        if (!copy.isEmpty() && copy.get(copy.size() - 1).eol().isEmpty()) {
            // Keep the file's "no final newline" shape: the old last line gets the break, the new one none.
            EnvLine last = copy.remove(copy.size() - 1);
            copy.addAll(EnvParser.parse(last.print() + eol));
            eol = "";
        }
        copy.add(new EnvLine.Assignment("", "", name, "", "", "", "", eol).withValue(value));
        return new EnvFile(copy);
    }

    /** Renames every assignment of {@code oldName} (for example a renamed {@code PREFECT_*} setting). */
    public EnvFile withRenamed(String oldName, String newName) {
        List<EnvLine> copy = new ArrayList<>(lines);
        for (int i = 0; i < copy.size(); i++) {
            if (copy.get(i) instanceof EnvLine.Assignment a && a.name().equals(oldName)) {
                copy.set(i, a.withName(newName));
            }
        }
        return new EnvFile(copy);
    }

    public EnvFile withLine(int index, EnvLine line) {
        List<EnvLine> copy = new ArrayList<>(lines);
        copy.set(index, line);
        return new EnvFile(copy);
    }

    private int lastIndexOf(String name) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i) instanceof EnvLine.Assignment a && a.name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
