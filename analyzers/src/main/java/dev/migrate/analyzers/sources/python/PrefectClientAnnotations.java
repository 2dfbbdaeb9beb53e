package dev.migrate.analyzers.sources.python;

import dev.migrate.rewriters.python.query.ImportBinding;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Token;
import dev.migrate.rewriters.python.tree.TokenKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parameters of a function annotated as a Prefect client: {@code client: PrefectClient},
 * {@code client: SyncPrefectClient}, also {@code Optional[...]}, {@code Union[..., None]}, {@code ... | None} and the
 * same written as a string ({@code "PrefectClient"}, as code that imports the class under {@code TYPE_CHECKING}
 * writes it). The class must be Prefect's, through the module's imports: a class of that name the project defines or
 * imports from elsewhere is not one. An annotation that names several types ({@code PrefectClient | MyClient}) or a
 * container of clients ({@code list[PrefectClient]}) is not a client either.
 */
final class PrefectClientAnnotations {
    private static final Set<String> CLIENT_CLASSES = Set.of("PrefectClient", "SyncPrefectClient");
    /** {@code Optional[X]} or {@code Union[...]}, typing's or under a module prefix ({@code t.Optional}): group 2 inside. */
    private static final Pattern WRAPPER = Pattern.compile("(?:[A-Za-z_]\\w*\\.)*(Optional|Union)\\[(.*)]", Pattern.DOTALL);
    private static final Pattern DOTTED = Pattern.compile("[A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)*");
    /** Wrappers taken off one annotation at most: real ones have one or two. */
    private static final int LAYERS = 6;

    private PrefectClientAnnotations() {
    }

    /** The names of {@code function}'s parameters annotated as a Prefect client. */
    static Set<String> clientParameters(PythonModule m, Node function) {
        Set<String> out = new HashSet<>();
        Node params = function.firstNode(NodeKind.PARAMETERS);
        if (params == null) {
            return out;
        }
        for (Node p : params.nodes(NodeKind.PARAM)) {
            Optional<String> name = p.tokens().stream().filter(t -> t.kind() == TokenKind.NAME).map(Token::text).findFirst();
            if (name.isPresent() && p.hasToken(":") && !p.nodes().isEmpty() && isClient(m, p.nodes().get(0).text())) {
                out.add(name.get());
            }
        }
        return out;
    }

    /** Whether the annotation written {@code annotation} names Prefect's client class, and nothing else but None. */
    static boolean isClient(PythonModule m, String annotation) {
        String type = oneType(annotation);
        if (type == null || !DOTTED.matcher(type).matches()) {
            return false;
        }
        String first = type.contains(".") ? type.substring(0, type.indexOf('.')) : type;
        Optional<ImportBinding> b = m.imports().binding(first);
        if (b.isEmpty()) {
            return false; // the project's own class of that name, or one no import names
        }
        String qualified = b.get().qualifiedName() + type.substring(first.length());
        return qualified.startsWith("prefect.")
                && CLIENT_CLASSES.contains(qualified.substring(qualified.lastIndexOf('.') + 1));
    }

    /** The one type an annotation names with its quotes, Optional, Union and None taken off; null when it names several. */
    static String oneType(String annotation) {
        String a = annotation.strip();
        for (int i = 0; i < LAYERS; i++) {
            if (a.length() >= 2 && (a.startsWith("\"") && a.endsWith("\"") || a.startsWith("'") && a.endsWith("'"))) {
                a = a.substring(1, a.length() - 1).strip();
                continue;
            }
            Matcher w = WRAPPER.matcher(a);
            List<String> parts = w.matches() ? split(w.group(2), ',') : split(a, '|');
            parts.removeIf(p -> p.equals("None") || p.equals("\"None\"") || p.equals("'None'"));
            if (parts.size() != 1) {
                return null;
            }
            if (!w.matches() && parts.get(0).equals(a)) {
                return a; // nothing more to take off
            }
            a = parts.get(0);
        }
        return null;
    }

    /** {@code text} split at {@code separator} outside brackets, each part stripped. */
    private static List<String> split(String text, char separator) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[' || c == '(') {
                depth++;
            } else if (c == ']' || c == ')') {
                depth--;
            } else if (c == separator && depth == 0) {
                out.add(text.substring(start, i).strip());
                start = i + 1;
            }
        }
        out.add(text.substring(start).strip());
        out.removeIf(String::isEmpty);
        return out;
    }
}
