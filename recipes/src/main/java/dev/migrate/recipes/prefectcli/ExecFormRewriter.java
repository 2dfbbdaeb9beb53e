package dev.migrate.recipes.prefectcli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates a Prefect command written in a Dockerfile's exec form, a JSON array of strings
 * ({@code ENTRYPOINT ["prefect", "agent", "start", "-q", "etl"]}), including {@code ["sh", "-c", "..."]}.
 * The array is written back with its own spacing: padding inside the brackets and after the commas.
 */
public final class ExecFormRewriter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LAYOUT = Pattern.compile("(?s)\\[(\\s*)\".*?\"(\\s*,\\s*)?.*?(\\s*)]\\s*");

    private ExecFormRewriter() {
    }

    /** The translated array text; unchanged text when it is not a JSON array of strings or runs no prefect command. */
    public static ShellRewrite rewrite(String text, CliOptions options) {
        List<String> argv = parse(text);
        if (argv == null) {
            return new ShellRewrite(text, List.of(), false, false);
        }
        CliTranslation t = PrefectCommandRewriter.rewriteArgv(argv, options);
        if (t.argv().equals(argv)) {
            return new ShellRewrite(text, t.notes(), false, t.manual(), t.creates());
        }
        String out = render(text, t.argv());
        return new ShellRewrite(out, t.notes(), !out.equals(text), t.manual(), t.creates());
    }

    private static List<String> parse(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isArray() || node.isEmpty()) {
                return null;
            }
            List<String> out = new ArrayList<>();
            for (JsonNode n : node) {
                if (!n.isTextual()) {
                    return null;
                }
                out.add(n.textValue());
            }
            return out;
        } catch (JsonProcessingException e) {
            return null; // Docker runs text that is not a JSON array as shell form; the shell recipe's concern
        }
    }

    private static String render(String original, List<String> words) {
        String lead = original.substring(0, original.indexOf('['));
        String trail = original.substring(original.lastIndexOf(']') + 1);
        Matcher m = LAYOUT.matcher(original.substring(lead.length()));
        String pad = m.lookingAt() ? m.group(1) : "";
        String comma = m.lookingAt() && m.group(2) != null ? m.group(2) : ", ";
        String close = m.lookingAt() ? m.group(3) : "";
        List<String> quoted = new ArrayList<>();
        for (String w : words) {
            try {
                quoted.add(JSON.writeValueAsString(w));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a string always serialises", e);
            }
        }
        return lead + "[" + pad + String.join(comma, quoted) + close + "]" + trail;
    }
}
