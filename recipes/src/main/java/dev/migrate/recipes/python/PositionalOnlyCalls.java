package dev.migrate.recipes.python;

import dev.migrate.rewriters.python.edit.TreeEdits;
import dev.migrate.rewriters.python.query.Argument;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.ImportBinding;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.query.TreeIndex;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.PyElement;
import dev.migrate.rewriters.python.tree.Space;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Passes a keyword argument positionally where the Prefect 3 callable takes that parameter positional-only:
 * {@code Cron(cron="0 * * * *", timezone="UTC")} becomes {@code Cron("0 * * * *", timezone="UTC")}. The
 * 2.x schedule models took the value by keyword only, so a renamed call is always in the keyword form.
 */
public final class PositionalOnlyCalls {
    private PositionalOnlyCalls() {
    }

    /** Every call of an imported positional-only callable in {@code root}, with its first argument made positional. */
    public static Node fix(Node root) {
        Node result = root;
        for (Map.Entry<String, String> e : PrefectMoves.get().positionalOnlyFirst().entrySet()) {
            for (ImportBinding b : Imports.of(result).all()) {
                if (b.isFromImport() && b.qualifiedName().equals(e.getKey())) {
                    result = fixCalls(result, b.localName(), e.getValue());
                }
            }
        }
        return result;
    }

    private static Node fixCalls(Node root, String localName, String keyword) {
        Node result = root;
        for (Node call : TreeIndex.of(root).find(NodeKind.CALL)) {
            CallView view = new CallView(call);
            Node callee = view.callee();
            if (callee.kind() != NodeKind.NAME || !Expressions.name(callee).equals(localName)) {
                continue;
            }
            List<Argument> args = view.arguments();
            boolean plain = args.stream().allMatch(a -> a.keyword() != null);
            Argument kw = view.keyword(keyword).orElse(null);
            if (kw != null && plain) {
                // only keyword arguments: a positional or unpacked one would make the order a guess
                result = TreeEdits.replace(result, call, toFront(call, kw.node()));
            }
        }
        return result;
    }

    /**
     * The call with {@code arg} moved to the front of its arguments and written without its keyword. The
     * arguments rotate while every place keeps its own layout (line break, indentation), so a call written
     * one argument a line stays so.
     */
    private static Node toFront(Node call, Node arg) {
        Node args = new CallView(call).argList();
        List<PyElement> kids = new ArrayList<>(args.children());
        List<Integer> places = new ArrayList<>();
        for (int i = 0; i < kids.size(); i++) {
            if (kids.get(i) instanceof Node n && n.kind() == NodeKind.ARG) {
                places.add(i);
            }
        }
        int k = places.indexOf(kids.indexOf(arg));
        Node value = arg.nodes().get(0);
        PyElement carried = arg.withChildren(List.of(value.withPrefix(Space.EMPTY)));
        for (int i = 0; i <= k; i++) {
            int place = places.get(i);
            PyElement here = kids.get(place);
            kids.set(place, carried.withPrefix(here.prefix()));
            carried = here;
        }
        return call.withChild(call.children().indexOf(args), args.withChildren(kids));
    }
}
