package dev.migrate.rewriters.python.tree;

import java.util.ArrayList;
import java.util.List;

/**
 * Visits and optionally rewrites a syntax tree bottom-up. {@link #visit} rebuilds a node only when a
 * child changed (otherwise the same instance comes back, so a no-op visit allocates nothing), then
 * hands it to the hook for its kind. Override the hooks you need; each receives the node with its
 * children already visited.
 */
public class NodeVisitor<P> {
    public Node visit(Node node, P p) {
        Node n = visitChildren(node, p);
        if (n.kind().isStatement()) {
            n = visitStatement(n, p);
        }
        if (n.kind().isExpression()) {
            n = visitExpression(n, p);
        }
        return switch (n.kind()) {
            case CALL -> visitCall(n, p);
            case NAME -> visitName(n, p);
            case ATTRIBUTE -> visitAttribute(n, p);
            case STRING -> visitString(n, p);
            case IMPORT, IMPORT_FROM -> visitImport(n, p);
            case FUNCTION_DEF -> visitFunctionDef(n, p);
            case CLASS_DEF -> visitClassDef(n, p);
            case WITH -> visitWith(n, p);
            case ASSIGN, AUG_ASSIGN, ANN_ASSIGN -> visitAssignment(n, p);
            case DECORATOR -> visitDecorator(n, p);
            case ERROR -> visitError(n, p);
            default -> visitOther(n, p);
        };
    }

    /** Visits the child nodes; returns {@code node} itself when none changed. */
    protected Node visitChildren(Node node, P p) {
        List<PyElement> changed = null;
        for (int i = 0; i < node.childCount(); i++) {
            PyElement c = node.child(i);
            if (c instanceof Node child) {
                Node v = visit(child, p);
                if (v != child) {
                    if (changed == null) {
                        changed = new ArrayList<>(node.children());
                    }
                    changed.set(i, v);
                }
            }
        }
        return changed == null ? node : node.withChildren(changed);
    }

    protected Node visitStatement(Node n, P p) {
        return n;
    }

    protected Node visitExpression(Node n, P p) {
        return n;
    }

    protected Node visitCall(Node n, P p) {
        return n;
    }

    protected Node visitName(Node n, P p) {
        return n;
    }

    protected Node visitAttribute(Node n, P p) {
        return n;
    }

    protected Node visitString(Node n, P p) {
        return n;
    }

    protected Node visitImport(Node n, P p) {
        return n;
    }

    protected Node visitFunctionDef(Node n, P p) {
        return n;
    }

    protected Node visitClassDef(Node n, P p) {
        return n;
    }

    protected Node visitWith(Node n, P p) {
        return n;
    }

    protected Node visitAssignment(Node n, P p) {
        return n;
    }

    protected Node visitDecorator(Node n, P p) {
        return n;
    }

    protected Node visitError(Node n, P p) {
        return n;
    }

    protected Node visitOther(Node n, P p) {
        return n;
    }
}
