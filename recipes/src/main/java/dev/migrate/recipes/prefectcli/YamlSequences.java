package dev.migrate.recipes.prefectcli;

import java.util.ArrayList;
import java.util.List;
import org.openrewrite.Tree;
import org.openrewrite.yaml.tree.Yaml;

/**
 * Lists of words written as YAML sequences ({@code ["prefect", "agent", "start"]} or one {@code - word} per
 * line), read and rewritten in place: entries keep their layout and quoting, new entries copy the last one's.
 */
public final class YamlSequences {
    private YamlSequences() {
    }

    /** The words of a sequence of scalars; null for anything else (mappings, nested lists, aliases). */
    public static List<String> words(Yaml.Block value) {
        if (!(value instanceof Yaml.Sequence seq) || seq.getEntries().isEmpty()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (Yaml.Sequence.Entry e : seq.getEntries()) {
            if (!(e.getBlock() instanceof Yaml.Scalar s) || s.getAnchor() != null
                    || s.getStyle() == Yaml.Scalar.Style.LITERAL || s.getStyle() == Yaml.Scalar.Style.FOLDED) {
                return null;
            }
            out.add(s.getValue());
        }
        return out;
    }

    /**
     * The sequence holding {@code words}: existing entries take the new words in order, extra words are
     * appended as copies of the last entry, entries beyond the words are dropped. The same sequence when
     * nothing changes; null when a word cannot be written in its entry's quoting style.
     */
    public static Yaml.Sequence withWords(Yaml.Sequence seq, List<String> words) {
        List<Yaml.Sequence.Entry> entries = seq.getEntries();
        if (words.equals(words(seq))) {
            return seq;
        }
        List<Yaml.Sequence.Entry> out = new ArrayList<>();
        Yaml.Sequence.Entry last = entries.get(entries.size() - 1);
        for (int i = 0; i < words.size(); i++) {
            Yaml.Sequence.Entry template = i < entries.size() ? entries.get(i) : last.withId(Tree.randomId());
            Yaml.Scalar scalar = (Yaml.Scalar) template.getBlock();
            Yaml.Scalar.Style style = styleFor(words.get(i), scalar.getStyle());
            if (style == null) {
                return null;
            }
            Yaml.Scalar updated = scalar.getValue().equals(words.get(i)) ? scalar
                    : scalar.withId(i < entries.size() ? scalar.getId() : Tree.randomId()).withValue(words.get(i))
                            .withStyle(style);
            out.add(template.withBlock(updated));
        }
        if (seq.getOpeningBracketPrefix() != null) {
            // a flow list prints a comma after every entry with a trailing-comma prefix: all but the last
            String comma = entries.size() > 1 ? entries.get(0).getTrailingCommaPrefix() : "";
            for (int i = 0; i < out.size(); i++) {
                out.set(i, out.get(i).withTrailingCommaPrefix(i < out.size() - 1 ? comma : last.getTrailingCommaPrefix()));
            }
        }
        return seq.withEntries(out);
    }

    /** The style a word can be written in: the entry's own when it can hold the word unescaped, else null. */
    private static Yaml.Scalar.Style styleFor(String word, Yaml.Scalar.Style style) {
        return switch (style) {
            case DOUBLE_QUOTED -> word.indexOf('"') < 0 && word.indexOf('\\') < 0 ? style : singleQuoted(word);
            case SINGLE_QUOTED -> word.indexOf('\'') < 0 ? style : null;
            case PLAIN -> plainOk(word) ? style : word.indexOf('"') < 0 && word.indexOf('\\') < 0
                    ? Yaml.Scalar.Style.DOUBLE_QUOTED : singleQuoted(word);
            default -> null;
        };
    }

    /** Single quotes hold a word with double quotes or backslashes ({@code {"env":{"X":"1"}}}) as it is. */
    private static Yaml.Scalar.Style singleQuoted(String word) {
        return word.indexOf('\'') < 0 ? Yaml.Scalar.Style.SINGLE_QUOTED : null;
    }

    /** Whether a word reads back as the same string when written unquoted in a block or flow list. */
    private static boolean plainOk(String word) {
        if (word.isEmpty() || "!&*{}[]|>'\"%@`#,?:".indexOf(word.charAt(0)) >= 0 || word.startsWith("- ")
                || word.equals("-") || word.contains(": ") || word.contains(" #") || word.endsWith(":")
                || word.strip().length() != word.length()) {
            return false;
        }
        for (char c : word.toCharArray()) {
            if (",[]{}".indexOf(c) >= 0) {
                return false;
            }
        }
        // words YAML would read as something else than a string
        return !word.matches("(?i)true|false|yes|no|on|off|null|~|[-+]?[0-9][0-9_.eE+-]*");
    }
}
