package dev.migrate.analyzers.sources.python;

import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Token;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A fluent chain such as {@code schedule.every(10).minutes.at(":15").do(job)} read root first: the root
 * expression ({@code schedule}) and one link per attribute, with the call that follows it if any.
 */
record CallChain(Node root, List<Link> links) {
    /** One {@code .name} of the chain; {@code call} is the CALL node when the attribute is called, else null. */
    record Link(String name, Node call) {
    }

    static CallChain of(Node expr) {
        List<Link> links = new ArrayList<>();
        Node n = Expressions.unwrap(expr);
        Node pendingCall = null;
        while (true) {
            if (n.kind() == NodeKind.CALL) {
                pendingCall = n;
                n = Expressions.unwrap(n.nodes().get(0));
            } else if (n.kind() == NodeKind.ATTRIBUTE) {
                List<Token> tokens = n.tokens();
                links.add(new Link(tokens.get(tokens.size() - 1).text(), pendingCall));
                pendingCall = null;
                n = Expressions.unwrap(n.nodes().get(0));
            } else {
                break;
            }
        }
        Collections.reverse(links);
        return new CallChain(pendingCall != null ? pendingCall : n, links);
    }

    Link find(String name) {
        return links.stream().filter(l -> l.name().equals(name)).findFirst().orElse(null);
    }
}
