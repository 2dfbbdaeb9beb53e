package dev.migrate.rewriters.python.edit;

import dev.migrate.rewriters.python.PythonStyle;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Nodes;
import dev.migrate.rewriters.python.tree.PyElement;
import dev.migrate.rewriters.python.tree.Space;
import dev.migrate.rewriters.python.tree.Token;
import dev.migrate.rewriters.python.tree.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Replace, insert and remove statements, indented like their neighbours and written in the file's
 * own style. A statement is any statement node; when it shares a line with others ({@code a; b}) the
 * edit works on the whole line for inserts and on the single statement for removal and replacement.
 * Comments and blank lines above a statement belong to it (they move and go with it).
 */
public final class StatementEdits {
    private StatementEdits() {
    }

    /** Where a statement sits: its block (MODULE or SUITE) and the block-level element holding it. */
    record Place(Node block, PyElement element, Node line) {
    }

    static Place place(Node root, Node stmt) {
        List<Node> path = TreeEdits.path(root, stmt);
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("not a statement in this tree: " + stmt);
        }
        Node parent = path.get(path.size() - 1);
        if (parent.kind() == NodeKind.SIMPLE_LINE) {
            return new Place(path.get(path.size() - 2), parent, parent);
        }
        return new Place(parent, stmt, null);
    }

    /** The indentation statements of this block start with. */
    static String indentOf(Place place) {
        return place.block().kind() == NodeKind.MODULE ? "" : place.element().prefix().indent();
    }

    /** Statements on their compound header's line ({@code if x: a}) have no line of their own to add to. */
    private static Place placeForInsert(Node root, Node anchor) {
        Place place = place(root, anchor);
        if (place.block().kind() == NodeKind.SUITE
                && !(place.block().child(0) instanceof Token t && t.kind() == TokenKind.NEWLINE)) {
            throw new IllegalArgumentException("cannot insert next to a statement that shares its line with the "
                    + "compound statement header; replace the whole compound statement instead");
        }
        return place;
    }

    public static Node insertBefore(Node root, Node anchor, String code, PythonStyle style) {
        Place place = placeForInsert(root, anchor);
        List<PyElement> added = Snippets.statements(code, style, indentOf(place));
        List<PyElement> kids = new ArrayList<>(place.block().children());
        int at = TreeEdits.indexOf(place.block(), place.element());
        if (place.block().kind() == NodeKind.MODULE && at == 0) {
            // the module's header comments stay on top; the anchor keeps nothing above it
            kids.addAll(0, added);
        } else {
            // comments above the anchor stay with the anchor: the new code goes above them, after
            // the blank lines that separated the anchor from what precedes it
            PyElement anchorElement = kids.get(at);
            String prefix = anchorElement.prefix().text();
            int split = firstCommentLineStart(prefix);
            String indent = indentOf(place);
            added.set(0, added.get(0).withPrefix(Space.of(prefix.substring(0, split) + indent)));
            kids.set(at, anchorElement.withPrefix(Space.of(split == prefix.length() ? indent : prefix.substring(split))));
            kids.addAll(at, added);
        }
        return TreeEdits.replaceChildren(root, place.block(), kids);
    }

    /** Start of the line holding the first comment, or the start of the trailing indentation if none. */
    private static int firstCommentLineStart(String prefix) {
        int hash = prefix.indexOf('#');
        int end = hash < 0 ? prefix.length() : hash;
        int lineStart = end;
        while (lineStart > 0 && prefix.charAt(lineStart - 1) != '\n' && prefix.charAt(lineStart - 1) != '\r') {
            lineStart--;
        }
        return lineStart;
    }

    public static Node insertAfter(Node root, Node anchor, String code, PythonStyle style) {
        placeForInsert(root, anchor);
        Node withNewline = ensureEndsWithNewline(root, anchor, style);
        Node anchorNow = withNewline == root ? anchor : sameStatement(withNewline, root, anchor);
        Place place = placeForInsert(withNewline, anchorNow);
        List<PyElement> added = Snippets.statements(code, style, indentOf(place));
        if (withNewline != root) {
            // the anchor ended the file without a line break: now the inserted code does, as the file did
            int last = added.size() - 1;
            added.set(last, withoutFinalNewline(added.get(last)));
        }
        List<PyElement> kids = new ArrayList<>(place.block().children());
        int at = TreeEdits.indexOf(place.block(), place.element());
        kids.addAll(at + 1, added);
        return TreeEdits.replaceChildren(withNewline, place.block(), kids);
    }

    public static Node replace(Node root, Node stmt, String code, PythonStyle style) {
        Place place = place(root, stmt);
        List<PyElement> added = Snippets.statements(code, style, indentOf(place));
        if (place.line() != null && place.line().nodes().size() > 1) {
            if (added.size() != 1 || !(added.get(0) instanceof Node line) || line.kind() != NodeKind.SIMPLE_LINE
                    || line.nodes().size() != 1) {
                throw new IllegalArgumentException("a statement sharing its line can only become one simple statement");
            }
            return TreeEdits.replace(root, stmt, line.nodes().get(0));
        }
        List<PyElement> kids = new ArrayList<>(place.block().children());
        int at = TreeEdits.indexOf(place.block(), place.element());
        added.set(0, added.get(0).withPrefix(kids.get(at).prefix()));
        kids.remove(at);
        kids.addAll(at, added);
        return TreeEdits.replaceChildren(root, place.block(), kids);
    }

    /** Removes a statement; a block left empty gets {@code pass} so the code stays valid. */
    public static Node remove(Node root, Node stmt, PythonStyle style) {
        Place place = place(root, stmt);
        if (place.line() != null && place.line().nodes().size() > 1) {
            List<PyElement> kids = new ArrayList<>(place.line().children());
            int at = kids.indexOf(stmt);
            boolean semicolonAfter = at + 1 < kids.size() && kids.get(at + 1) instanceof Token t && t.is(";");
            if (semicolonAfter) {
                kids.remove(at + 1);
                kids.remove(at);
            } else {
                kids.remove(at);
                kids.remove(at - 1);
            }
            return TreeEdits.replaceChildren(root, place.line(), kids);
        }
        List<PyElement> kids = new ArrayList<>(place.block().children());
        int at = TreeEdits.indexOf(place.block(), place.element());
        PyElement removed = kids.remove(at);
        if (at > 0 && at < kids.size() && isStatement(kids.get(at)) && isStatement(kids.get(at - 1))) {
            // the blank lines that separated the removed statement from the statement before it still
            // separate that one from the next statement (removing the first import of a group keeps the
            // groups apart); at the start or end of a block there is nothing left to separate
            PyElement next = kids.get(at);
            String blanks = leadingBlankLines(removed.prefix().text());
            if (!blanks.isEmpty() && leadingBlankLines(next.prefix().text()).isEmpty()) {
                kids.set(at, next.withPrefix(Space.of(blanks + next.prefix().text())));
            }
        }
        if (place.block().kind() == NodeKind.SUITE && !hasStatement(kids)) {
            List<PyElement> pass = Snippets.statements("pass", style, indentOf(place));
            kids.add(at, pass.get(0).withPrefix(removed.prefix()));
        }
        return TreeEdits.replaceChildren(root, place.block(), kids);
    }

    /**
     * At least {@code n} blank lines above {@code stmt} and above the statement after it, as PEP 8 asks around
     * functions and classes (two at the top level, one inside a class); none are added above the first
     * statement of a block or below its last. Comments above either statement stay right above it.
     */
    public static Node blankLinesAround(Node root, Node stmt, int n, PythonStyle style) {
        Place place = place(root, stmt);
        List<PyElement> kids = new ArrayList<>(place.block().children());
        int at = TreeEdits.indexOf(place.block(), place.element());
        boolean changed = false;
        for (int i : new int[] {at, at + 1}) {
            boolean between = i < kids.size() && isStatement(kids.get(i)) && hasStatement(kids.subList(0, i));
            if (between) {
                String prefix = kids.get(i).prefix().text();
                // blank lines after a block belong to the block's last line, not to the statement after it
                int missing = n - blankLineCount(leadingBlankLines(prefix)) - trailingBlankLines(kids.get(i - 1).print());
                if (missing > 0) {
                    kids.set(i, kids.get(i).withPrefix(Space.of(style.newline().repeat(missing) + prefix)));
                    changed = true;
                }
            }
        }
        return changed ? TreeEdits.replaceChildren(root, place.block(), kids) : root;
    }

    /** How many whitespace-only lines end {@code text} (the part after its last line break is not a line). */
    private static int trailingBlankLines(String text) {
        int count = 0;
        int end = text.length();
        while (end > 0) {
            int lineEnd = end;
            if (text.charAt(lineEnd - 1) != '\n' && text.charAt(lineEnd - 1) != '\r') {
                return count; // the text ends inside a line
            }
            lineEnd--;
            if (text.charAt(lineEnd) == '\n' && lineEnd > 0 && text.charAt(lineEnd - 1) == '\r') {
                lineEnd--;
            }
            int start = lineEnd;
            while (start > 0 && text.charAt(start - 1) != '\n' && text.charAt(start - 1) != '\r') {
                start--;
            }
            if (!text.substring(start, lineEnd).isBlank()) {
                return count;
            }
            count++;
            end = start;
        }
        return count;
    }

    private static int blankLineCount(String blankLines) {
        int count = 0;
        for (int i = 0; i < blankLines.length(); i++) {
            char c = blankLines.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 == blankLines.length() || blankLines.charAt(i + 1) != '\n')) {
                count++;
            }
        }
        return count;
    }

    /** The whole blank lines at the start of a prefix (before any comment or the indentation). */
    private static String leadingBlankLines(String prefix) {
        int end = 0;
        int i = 0;
        while (i < prefix.length()) {
            char c = prefix.charAt(i);
            if (c == '\n' || c == '\r') {
                end = i + 1;
            } else if (c != ' ' && c != '\t' && c != '\f') {
                break;
            }
            i++;
        }
        return prefix.substring(0, end);
    }

    private static boolean isStatement(PyElement k) {
        return k instanceof Node n && (n.kind() == NodeKind.SIMPLE_LINE || n.kind().isStatement());
    }

    private static boolean hasStatement(List<PyElement> kids) {
        for (PyElement k : kids) {
            if (k instanceof Node n && (n.kind() == NodeKind.SIMPLE_LINE || n.kind().isStatement())) {
                return true;
            }
        }
        return false;
    }

    /** A file that ends without a newline gets one after {@code anchor}'s line, so code can follow it. */
    private static Node ensureEndsWithNewline(Node root, Node anchor, PythonStyle style) {
        Place place = place(root, anchor);
        Token lastNewline = null;
        for (Token t : Nodes.tokens(place.element() instanceof Node n ? n : anchor)) {
            if (t.kind() == TokenKind.NEWLINE) {
                lastNewline = t;
            }
        }
        if (lastNewline == null || !lastNewline.text().isEmpty()) {
            return root;
        }
        return TreeEdits.replaceKeepingPrefix(root, lastNewline, lastNewline.withText(style.newline()));
    }

    /** {@code e} with its last NEWLINE token emptied. */
    private static PyElement withoutFinalNewline(PyElement e) {
        if (!(e instanceof Node n)) {
            return e;
        }
        Token last = null;
        for (Token t : Nodes.tokens(n)) {
            if (t.kind() == TokenKind.NEWLINE) {
                last = t;
            }
        }
        return last == null ? n : TreeEdits.replaceKeepingPrefix(n, last, last.withText(""));
    }

    /** Finds the statement in {@code edited} at the same position as {@code stmt} in {@code original}. */
    private static Node sameStatement(Node edited, Node original, Node stmt) {
        List<Node> before = Nodes.descendants(original);
        List<Node> after = Nodes.descendants(edited);
        return after.get(before.indexOf(stmt));
    }
}
