package dev.migrate.rewriters.python.query;

import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.PyElement;
import dev.migrate.rewriters.python.tree.Token;
import dev.migrate.rewriters.python.tree.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Function and class definitions. Layout of FUNCTION_DEF: [DECORATOR*, 'async'?, 'def', name,
 * TYPE_PARAMS?, PARAMETERS, ('->' returns)?, ':', SUITE]; CLASS_DEF: [DECORATOR*, 'class', name,
 * TYPE_PARAMS?, ARG_LIST?, ':', SUITE].
 */
public record Definitions(Node node) {
    public Definitions {
        if (node.kind() != NodeKind.FUNCTION_DEF && node.kind() != NodeKind.CLASS_DEF) {
            throw new IllegalArgumentException("not a definition: " + node.kind());
        }
    }

    /** The first function named {@code name} among the statements of {@code root} (nested ones included), in source order. */
    public static Optional<Node> function(Node root, String name) {
        for (Node s : Statements.of(root)) {
            if (s.kind() == NodeKind.FUNCTION_DEF && new Definitions(s).name().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    public boolean isFunction() {
        return node.kind() == NodeKind.FUNCTION_DEF;
    }

    public boolean isAsync() {
        return node.hasToken("async");
    }

    public String name() {
        for (PyElement c : node.children()) {
            if (c instanceof Token t && t.kind() == TokenKind.NAME) {
                return t.text();
            }
        }
        return "";
    }

    /** The decorator expressions (what follows each '@'). */
    public List<Node> decorators() {
        List<Node> out = new ArrayList<>();
        for (Node d : node.nodes(NodeKind.DECORATOR)) {
            out.add(d.nodes().get(0));
        }
        return out;
    }

    /** Parameter names in order ("*" and "/" markers left out; "*args"/"**kw" without the stars). */
    public List<String> parameterNames() {
        List<String> out = new ArrayList<>();
        Node params = node.firstNode(NodeKind.PARAMETERS);
        if (params != null) {
            for (Node p : params.nodes(NodeKind.PARAM)) {
                for (Token t : p.tokens()) {
                    if (t.kind() == TokenKind.NAME) {
                        out.add(t.text());
                        break;
                    }
                }
            }
        }
        return out;
    }

    /** Base classes and keywords of a class ({@code metaclass=...}), empty for functions. */
    public List<Argument> bases() {
        Node args = isFunction() ? null : node.firstNode(NodeKind.ARG_LIST);
        return args == null ? List.of() : args.nodes(NodeKind.ARG).stream().map(Argument::new).toList();
    }

    /** The SUITE holding the body. */
    public Node body() {
        return node.firstNode(NodeKind.SUITE);
    }
}
