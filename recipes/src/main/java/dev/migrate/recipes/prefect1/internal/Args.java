package dev.migrate.recipes.prefect1.internal;

import dev.migrate.rewriters.python.PythonStyle;
import dev.migrate.rewriters.python.edit.Snippets;
import dev.migrate.rewriters.python.edit.TreeEdits;
import dev.migrate.rewriters.python.query.Argument;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.PyElement;
import dev.migrate.rewriters.python.tree.Token;
import java.util.ArrayList;
import java.util.List;

/** Edits on one argument of a call: rename its keyword, replace its value, drop it with its comma. */
public final class Args {
    private Args() {
    }

    public static Node renameKeyword(Node root, Argument arg, String keyword) {
        Token old = (Token) arg.node().children().get(0);
        return TreeEdits.replace(root, old, old.withText(keyword));
    }

    public static Node replaceValue(Node root, Argument arg, String code, PythonStyle style) {
        return TreeEdits.replace(root, arg.value(), Snippets.expression(code, style));
    }

    /** The keyword and value together: {@code old=x} becomes {@code code} (a {@code k=v} text). */
    public static Node replaceArgument(Node root, Argument arg, String keyword, String valueCode, PythonStyle style) {
        Node renamed = renameKeyword(arg.node(), arg, keyword);
        Node revalued = TreeEdits.replace(renamed, arg.value(), Snippets.expression(valueCode, style));
        return TreeEdits.replace(root, arg.node(), revalued);
    }

    /**
     * Removes an argument and the comma that separated it; the next argument takes its place (and its
     * prefix), so a call spread over lines keeps one argument per line.
     */
    public static Node remove(Node root, Node argList, Argument arg) {
        List<PyElement> kids = new ArrayList<>(argList.children());
        int at = kids.indexOf(arg.node());
        PyElement removed = kids.get(at);
        if (at + 1 < kids.size() && kids.get(at + 1) instanceof Token t && t.is(",")) {
            kids.remove(at + 1);
            kids.remove(at);
            if (at < kids.size() && kids.get(at) instanceof Node next) {
                kids.set(at, next.withPrefix(removed.prefix()));
            }
        } else if (at > 0 && kids.get(at - 1) instanceof Token t && t.is(",")) {
            kids.remove(at);
            kids.remove(at - 1);
        } else {
            kids.remove(at);
        }
        return TreeEdits.replace(root, argList, argList.withChildren(kids));
    }

    /** Appends {@code k=v} arguments at the end of a call's argument list. */
    public static Node append(Node root, Node argList, List<String> keywordArgs, PythonStyle style) {
        if (keywordArgs.isEmpty()) {
            return root;
        }
        Node sample = Snippets.expression("f(" + String.join(", ", keywordArgs) + ")", style);
        Node sampleArgs = sample.nodes().get(1);
        List<PyElement> kids = new ArrayList<>(argList.children());
        int close = kids.size() - 1; // the ')' token
        boolean hasArgs = !argList.nodes().isEmpty();
        boolean trailingComma = close > 0 && kids.get(close - 1) instanceof Token t && t.is(",");
        List<PyElement> add = new ArrayList<>();
        if (hasArgs && !trailingComma) {
            add.add(Token.op(","));
        }
        boolean first = true;
        for (PyElement e : sampleArgs.children().subList(1, sampleArgs.childCount() - 1)) {
            if (first && e instanceof Node n && hasArgs) {
                add.add(n.withPrefix(dev.migrate.rewriters.python.tree.Space.SINGLE));
            } else {
                add.add(e);
            }
            first = false;
        }
        if (trailingComma) {
            add.add(Token.op(","));
        }
        kids.addAll(close, add);
        return TreeEdits.replace(root, argList, argList.withChildren(kids));
    }
}
