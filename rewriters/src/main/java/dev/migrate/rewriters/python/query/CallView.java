package dev.migrate.rewriters.python.query;

import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.List;
import java.util.Optional;

/** A CALL node read as function + arguments. Layout: [callee, ARG_LIST['(', ARG, ',', ..., ')']]. */
public record CallView(Node node) {
    public CallView {
        if (node.kind() != NodeKind.CALL) {
            throw new IllegalArgumentException("not a call: " + node.kind());
        }
    }

    public Node callee() {
        return node.nodes().get(0);
    }

    public Node argList() {
        return node.nodes().get(1);
    }

    public List<Argument> arguments() {
        return argList().nodes(NodeKind.ARG).stream().map(Argument::new).toList();
    }

    /** The i-th positional argument (0-based), counting only plain positional ones. */
    public Optional<Argument> positional(int index) {
        List<Argument> positional = arguments().stream().filter(Argument::isPositional).toList();
        return index < positional.size() ? Optional.of(positional.get(index)) : Optional.empty();
    }

    public Optional<Argument> keyword(String name) {
        return arguments().stream().filter(a -> name.equals(a.keyword())).findFirst();
    }

    /** The argument a parameter receives: by keyword, else by position. */
    public Optional<Argument> argument(String keyword, int position) {
        Optional<Argument> k = keyword(keyword);
        return k.isPresent() ? k : positional(position);
    }
}
