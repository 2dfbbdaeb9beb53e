package dev.migrate.rewriters.python.internal;

import static dev.migrate.rewriters.python.tree.NodeKind.*;

import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.PyElement;
import dev.migrate.rewriters.python.tree.Space;
import dev.migrate.rewriters.python.tree.Token;
import dev.migrate.rewriters.python.tree.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Recursive-descent parser for Python 3.8-3.13 (the union of their grammars) over {@link Tokens}.
 * Every token is consumed exactly once, in order, into the tree, so the tree prints back to the input.
 * Errors never stop the parse: the rest of a bad logical line becomes an {@link NodeKind#ERROR} node
 * and a diagnostic records what was expected and what was found.
 */
final class Parser {
    /** CPython's tokenizer refuses more than 200 nested brackets; recursion is bounded the same way. */
    static final int MAX_BRACKETS = 200;
    static final int MAX_NESTING = 1000;

    record Problem(int offset, String message, String expected, String found) {
    }

    private final char[] src;
    private final Tokens t;
    private final List<Problem> problems = new ArrayList<>();
    private int p;
    private boolean lineError;
    private int brackets;
    private int nesting;

    Parser(char[] src, Tokens tokens) {
        this.src = src;
        this.t = tokens;
    }

    List<Problem> problems() {
        return problems;
    }

    int position() {
        return p;
    }

    // ---------------------------------------------------------------- tokens

    private TokenKind k() {
        return t.kind(p);
    }

    private TokenKind kAt(int i) {
        return i < t.count ? t.kind(i) : TokenKind.ENDMARKER;
    }

    /**
     * Whether the current token is this operator or hard keyword. Identity comparison is deliberate:
     * the tokenizer hands out the JVM-interned literals for operators and keywords, and names that
     * merely look like one ("match") are excluded by kind.
     */
    private boolean at(String text) {
        return t.text[p] == text && t.kind(p) != TokenKind.NAME;
    }

    private boolean atAt(int i, String text) {
        if (i >= t.count) {
            return false;
        }
        return t.text[i] == text && t.kind(i) != TokenKind.NAME;
    }

    private boolean atName(String softKeyword) {
        return k() == TokenKind.NAME && softKeyword.equals(t.text[p]);
    }

    private Token take() {
        int i = p;
        TokenKind kind = t.kind(i);
        if (kind == TokenKind.ENDMARKER && i == t.count - 1) {
            p = i + 1;
        } else {
            p++;
        }
        int ps = t.prefixStart[i];
        int from = t.start[i];
        if (kind == TokenKind.NEWLINE) {
            lineError = false;
        }
        if (i == bareToken) {
            bareTaken = Token.slice(kind, Space.EMPTY, src, from, t.end[i], t.text[i]);
            return bareTaken;
        }
        Space prefix = ps == from ? Space.EMPTY : Space.slice(src, ps, from);
        return Token.slice(kind, prefix, src, from, t.end[i], t.text[i]);
    }

    private String describe(int i) {
        return switch (kAt(i)) {
            case NEWLINE -> "newline";
            case ENDMARKER -> "end of file";
            case INDENT -> "indent";
            case DEDENT -> "dedent";
            default -> "'" + new String(src, t.start[i], Math.min(t.end[i] - t.start[i], 40)) + "'";
        };
    }

    private void error(String message) {
        if (!lineError) {
            problems.add(new Problem(t.start[p], message, "", describe(p)));
        }
        lineError = true;
    }

    private void expected(String what) {
        if (!lineError) {
            problems.add(new Problem(t.start[p], "expected " + what + " but found " + describe(p), what, describe(p)));
        }
        lineError = true;
    }

    private boolean expect(String text, Kids into) {
        if (at(text)) {
            into.add(take());
            return true;
        }
        expected("'" + text + "'");
        return false;
    }

    private void expectName(Kids into) {
        if (k() == TokenKind.NAME) {
            into.add(take());
        } else {
            expected("a name");
        }
    }

    /**
     * Child lists are recycled: every list handed to {@link #node} is copied into the node and then
     * emptied for reuse, so a list must not be touched after it has been turned into a node.
     */
    private Kids[] pool = new Kids[64];
    private int pooled;

    private Node node(NodeKind kind, Kids children) {
        Node n = Node.of(kind, children.items, children.size);
        // Stale references are left in the array: it only lives as long as this file's parse.
        children.size = 0;
        if (pooled == pool.length) {
            pool = java.util.Arrays.copyOf(pool, pooled * 2);
        }
        pool[pooled++] = children;
        return n;
    }

    private Kids list() {
        return pooled == 0 ? new Kids() : pool[--pooled];
    }

    private Kids list(PyElement first) {
        Kids l = list();
        l.add(first);
        return l;
    }

    /** The remaining tokens of the logical line (not its NEWLINE) as an ERROR node, or null if none. */
    private Node restOfLine() {
        Kids ch = list();
        while (k() != TokenKind.NEWLINE && k() != TokenKind.ENDMARKER) {
            ch.add(take());
        }
        return ch.isEmpty() ? null : node(ERROR, ch);
    }

    /** The NEWLINE that ends a logical line; anything before it is an error, kept as an ERROR node. */
    private void endOfLine(Kids ch) {
        if (k() != TokenKind.NEWLINE) {
            expected("newline");
            Node rest = restOfLine();
            if (rest != null) {
                ch.add(rest);
            }
        }
        if (k() == TokenKind.NEWLINE) {
            ch.add(take());
        }
    }

    // ---------------------------------------------------------------- statements

    Node module() {
        Kids ch = list();
        while (k() != TokenKind.ENDMARKER) {
            int before = p;
            ch.add(statementOwningPrefix());
            if (p == before) {
                ch.add(node(ERROR, list(take())));
            }
        }
        ch.add(take());
        return node(MODULE, ch);
    }

    /**
     * The whitespace before a statement ends up on the statement node (its outermost owner). Rather
     * than build its first token with that prefix and have every enclosing node lift it off a copy of
     * its first child, the token is built bare and the prefix set once on the finished statement.
     */
    private PyElement statementOwningPrefix() {
        int i = p;
        if (t.prefixStart[i] == t.start[i]) {
            return statement();
        }
        int problemCount = problems.size();
        boolean lineErrorBefore = lineError;
        int bracketsBefore = brackets;
        int nestingBefore = nesting;
        int outer = bareToken;
        Token outerTaken = bareTaken;
        bareToken = i;
        bareTaken = null;
        PyElement s = statement();
        Token taken = bareTaken;
        bareToken = outer;
        bareTaken = outerTaken;
        if (taken == null) {
            return s; // the token was not taken, so it was not built bare
        }
        if (startsWith(s, taken)) {
            return s.withPrefix(Space.slice(src, t.prefixStart[i], t.start[i]));
        }
        // Rare: the statement starts with an empty (error) node, so the prefix belongs further down.
        // Parse it again the plain way.
        p = i;
        problems.subList(problemCount, problems.size()).clear();
        lineError = lineErrorBefore;
        brackets = bracketsBefore;
        nesting = nestingBefore;
        pendingPrimary = null;
        return statement();
    }

    /** Whether {@code token} is reached from {@code e} by first children alone. */
    private static boolean startsWith(PyElement e, Token token) {
        while (e instanceof Node n) {
            if (n.childCount() == 0) {
                return false;
            }
            e = n.child(0);
        }
        return e == token;
    }

    /** The index of the token {@link #take} builds without its prefix (see {@link #statementOwningPrefix}). */
    private int bareToken = -1;
    private Token bareTaken;

    private PyElement statement() {
        switch (k()) {
            case INDENT:
                error("unexpected indent");
                return block(ERROR, list());
            case DEDENT:
                error("unexpected dedent");
                return node(ERROR, list(take()));
            case KEYWORD:
                switch (t.text[p]) {
                    case "if":
                        return ifStatement();
                    case "while":
                        return whileStatement();
                    case "for":
                        return forStatement(list());
                    case "try":
                        return tryStatement();
                    case "with":
                        return withStatement(list());
                    case "def":
                        return functionDef(list());
                    case "class":
                        return classDef(list());
                    case "async":
                        return asyncStatement(list());
                    default:
                        return simpleLine();
                }
            case OP:
                if (at("@")) {
                    return decorated();
                }
                return simpleLine();
            case NAME:
                if (atName("match") && looksLikeMatch()) {
                    return matchStatement();
                }
                return simpleLine();
            default:
                return simpleLine();
        }
    }

    /** INDENT statements DEDENT, appended to {@code ch}. */
    private Node block(NodeKind kind, Kids ch) {
        ch.add(take());
        while (k() != TokenKind.DEDENT && k() != TokenKind.ENDMARKER) {
            int before = p;
            ch.add(statementOwningPrefix());
            if (p == before) {
                ch.add(node(ERROR, list(take())));
            }
        }
        if (k() == TokenKind.DEDENT) {
            ch.add(take());
        }
        return node(kind, ch);
    }

    private Node simpleLine() {
        Kids ch = list(smallStatement());
        while (at(";")) {
            ch.add(take());
            if (k() == TokenKind.NEWLINE) {
                break;
            }
            ch.add(smallStatement());
        }
        endOfLine(ch);
        return node(SIMPLE_LINE, ch);
    }

    private Node suite() {
        Kids ch = list();
        if (k() == TokenKind.NEWLINE) {
            ch.add(take());
            if (k() == TokenKind.INDENT) {
                return block(SUITE, ch);
            }
            error("expected an indented block");
            return node(SUITE, ch);
        }
        if (k() == TokenKind.ENDMARKER) {
            expected("an indented block");
            return node(SUITE, ch);
        }
        ch.add(simpleLine());
        return node(SUITE, ch);
    }

    private Node header(Kids ch, NodeKind kind) {
        expect(":", ch);
        ch.add(suite());
        return node(kind, ch);
    }

    private void elseClause(Kids ch) {
        if (at("else")) {
            ch.add(header(list(take()), ELSE_CLAUSE));
        }
    }

    private Node ifStatement() {
        Kids ch = list(take());
        ch.add(namedExpression());
        expect(":", ch);
        ch.add(suite());
        while (at("elif")) {
            Kids e = list(take());
            e.add(namedExpression());
            ch.add(header(e, ELIF_CLAUSE));
        }
        elseClause(ch);
        return node(IF, ch);
    }

    private Node whileStatement() {
        Kids ch = list(take());
        ch.add(namedExpression());
        expect(":", ch);
        ch.add(suite());
        elseClause(ch);
        return node(WHILE, ch);
    }

    private Node forStatement(Kids ch) {
        ch.add(take());
        Node target = starTargets();
        checkTarget(target, false);
        ch.add(target);
        if (expect("in", ch)) {
            ch.add(starExpressions());
        }
        expect(":", ch);
        ch.add(suite());
        elseClause(ch);
        return node(FOR, ch);
    }

    private Node tryStatement() {
        Kids ch = list(take());
        expect(":", ch);
        ch.add(suite());
        boolean handlers = false;
        while (at("except")) {
            handlers = true;
            Kids e = list(take());
            if (at("*")) {
                e.add(take());
            }
            if (!at(":")) {
                e.add(expression());
                if (at("as")) {
                    e.add(take());
                    expectName(e);
                }
            }
            ch.add(header(e, EXCEPT_CLAUSE));
        }
        elseClause(ch);
        if (at("finally")) {
            handlers = true;
            ch.add(header(list(take()), FINALLY_CLAUSE));
        }
        if (!handlers) {
            expected("'except' or 'finally' block");
        }
        return node(TRY, ch);
    }

    private Node withStatement(Kids ch) {
        ch.add(take());
        if (at("(") && parenthesizedWithItems()) {
            ch.add(take());
            brackets++;
            while (!at(")")) {
                int before = p;
                ch.add(withItem());
                if (at(",")) {
                    ch.add(take());
                } else if (p == before || !at(")")) {
                    break;
                }
            }
            expect(")", ch);
            brackets--;
        } else {
            ch.add(withItem());
            while (at(",")) {
                ch.add(take());
                ch.add(withItem());
            }
        }
        expect(":", ch);
        ch.add(suite());
        return node(WITH, ch);
    }

    /** {@code with (a as b, c):} — the bracket closes right before the colon. */
    private boolean parenthesizedWithItems() {
        int depth = 0;
        for (int i = p; i < t.count; i++) {
            TokenKind kind = t.kind(i);
            if (kind == TokenKind.NEWLINE || kind == TokenKind.ENDMARKER) {
                return false;
            }
            if (kind == TokenKind.OP) {
                String x = t.text[i];
                if (x == "(" || x == "[" || x == "{") {
                    depth++;
                } else if (x == ")" || x == "]" || x == "}") {
                    depth--;
                    if (depth == 0) {
                        return atAt(i + 1, ":");
                    }
                }
            }
        }
        return false;
    }

    private Node withItem() {
        Kids ch = list(expression());
        if (at("as")) {
            ch.add(take());
            Node target = starTarget();
            checkTarget(target, false);
            ch.add(target);
        }
        return node(WITH_ITEM, ch);
    }

    private Node asyncStatement(Kids ch) {
        ch.add(take());
        if (at("def")) {
            return functionDef(ch);
        }
        if (at("for")) {
            return forStatement(ch);
        }
        if (at("with")) {
            return withStatement(ch);
        }
        expected("'def', 'for' or 'with' after 'async'");
        endOfLine(ch);
        return node(ERROR, ch);
    }

    private Node decorated() {
        Kids ch = list();
        while (at("@")) {
            Kids d = list(take());
            d.add(namedExpression());
            endOfLine(d);
            ch.add(node(DECORATOR, d));
        }
        if (at("def")) {
            return functionDef(ch);
        }
        if (at("class")) {
            return classDef(ch);
        }
        if (at("async")) {
            return asyncStatement(ch);
        }
        expected("a function or class definition after decorators");
        return node(ERROR, ch);
    }

    private Node functionDef(Kids ch) {
        ch.add(take());
        expectName(ch);
        if (at("[")) {
            ch.add(typeParams());
        }
        if (at("(")) {
            Kids params = list(take());
            brackets++;
            parameters(params, ")", true);
            expect(")", params);
            brackets--;
            ch.add(node(PARAMETERS, params));
        } else {
            expected("'('");
        }
        if (at("->")) {
            ch.add(take());
            ch.add(expression());
        }
        return header(ch, FUNCTION_DEF);
    }

    private Node classDef(Kids ch) {
        ch.add(take());
        expectName(ch);
        if (at("[")) {
            ch.add(typeParams());
        }
        if (at("(")) {
            ch.add(argList(false));
        }
        return header(ch, CLASS_DEF);
    }

    private Node typeParams() {
        Kids ch = list(take());
        brackets++;
        while (!at("]")) {
            Kids tp = list();
            if (at("*") || at("**")) {
                tp.add(take());
            }
            int before = p;
            expectName(tp);
            if (at(":")) {
                tp.add(take());
                tp.add(expression());
            }
            if (at("=")) {
                tp.add(take());
                tp.add(starExpression());
            }
            if (tp.isEmpty()) {
                break;
            }
            ch.add(node(TYPE_PARAM, tp));
            if (at(",")) {
                ch.add(take());
            } else if (p == before || !at("]")) {
                break;
            }
        }
        expect("]", ch);
        brackets--;
        return node(TYPE_PARAMS, ch);
    }

    /** Parameters up to {@code closer} (')' for def, ':' for lambda), with separating commas. */
    private void parameters(Kids ch, String closer, boolean annotations) {
        boolean seenDefault = false;
        boolean seenStar = false;
        boolean bareStar = false;
        while (!at(closer) && k() != TokenKind.NEWLINE && k() != TokenKind.ENDMARKER) {
            Kids param = list();
            if (at("/")) {
                param.add(take());
            } else if (at("*")) {
                seenStar = true;
                param.add(take());
                bareStar = k() != TokenKind.NAME;
                if (k() == TokenKind.NAME) {
                    param.add(take());
                    if (annotations && at(":")) {
                        param.add(take());
                        param.add(starExpression());
                    }
                }
            } else if (at("**")) {
                if (bareStar) {
                    error("named arguments must follow bare *");
                }
                param.add(take());
                expectName(param);
                if (annotations && at(":")) {
                    param.add(take());
                    param.add(expression());
                }
            } else if (k() == TokenKind.NAME) {
                bareStar = false;
                param.add(take());
                if (annotations && at(":")) {
                    param.add(take());
                    param.add(expression());
                }
                if (at("=")) {
                    param.add(take());
                    param.add(expression());
                    seenDefault = true;
                } else if (seenDefault && !seenStar) {
                    error("parameter without a default follows parameter with a default");
                }
            } else {
                expected("a parameter");
                break;
            }
            ch.add(node(PARAM, param));
            if (at(",")) {
                ch.add(take());
            } else {
                break;
            }
        }
        if (bareStar) {
            error("named arguments must follow bare *");
        }
    }

    private boolean looksLikeMatch() {
        if (!canStartExpressionAt(p + 1) || atAt(p + 1, "*") && false) {
            return false;
        }
        int i = p + 1;
        while (i < t.count && t.kind(i) != TokenKind.NEWLINE && t.kind(i) != TokenKind.ENDMARKER) {
            i++;
        }
        return atAt(i - 1, ":") && i - 1 > p + 1;
    }

    private Node matchStatement() {
        Kids ch = list(take());
        ch.add(commaSeparated(starNamedExpression(), TUPLE, this::starNamedExpression, () -> !at(":")));
        expect(":", ch);
        endOfLine(ch);
        if (k() != TokenKind.INDENT) {
            error("expected an indented block");
            return node(MATCH, ch);
        }
        ch.add(take());
        while (k() != TokenKind.DEDENT && k() != TokenKind.ENDMARKER) {
            int before = p;
            if (atName("case")) {
                Kids c = list(take());
                c.add(patterns());
                if (at("if")) {
                    c.add(take());
                    c.add(namedExpression());
                }
                ch.add(header(c, CASE_CLAUSE));
            } else {
                expected("'case'");
                ch.add(statementOwningPrefix());
            }
            if (p == before) {
                ch.add(node(ERROR, list(take())));
            }
        }
        if (k() == TokenKind.DEDENT) {
            ch.add(take());
        }
        return node(MATCH, ch);
    }

    // ---------------------------------------------------------------- simple statements

    private Node smallStatement() {
        if (k() == TokenKind.KEYWORD) {
            switch (t.text[p]) {
                case "pass":
                    return node(PASS, list(take()));
                case "break":
                    return node(BREAK, list(take()));
                case "continue":
                    return node(CONTINUE, list(take()));
                case "return": {
                    Kids ch = list(take());
                    if (canStartExpression()) {
                        ch.add(starExpressions());
                    }
                    return node(RETURN, ch);
                }
                case "del": {
                    Kids ch = list(take());
                    Node targets = starExpressions();
                    checkDelete(targets);
                    ch.add(targets);
                    return node(DEL, ch);
                }
                case "global":
                case "nonlocal": {
                    NodeKind kind = at("global") ? GLOBAL : NONLOCAL;
                    Kids ch = list(take());
                    expectName(ch);
                    while (at(",")) {
                        ch.add(take());
                        expectName(ch);
                    }
                    return node(kind, ch);
                }
                case "assert": {
                    Kids ch = list(take());
                    ch.add(expression());
                    if (at(",")) {
                        ch.add(take());
                        ch.add(expression());
                    }
                    return node(ASSERT, ch);
                }
                case "raise": {
                    Kids ch = list(take());
                    if (canStartExpression()) {
                        ch.add(expression());
                        if (at("from")) {
                            ch.add(take());
                            ch.add(expression());
                        }
                    }
                    return node(RAISE, ch);
                }
                case "import":
                    return importStatement();
                case "from":
                    return importFrom();
                default:
                    break;
            }
        } else if (atName("type") && kAt(p + 1) == TokenKind.NAME && (atAt(p + 2, "=") || atAt(p + 2, "["))) {
            return typeAlias();
        }
        return expressionStatement();
    }

    private Node expressionStatement() {
        int startOffset = t.start[p];
        Node first = at("yield") ? yieldExpression() : starExpressions();
        if (at("=")) {
            Kids ch = list(first);
            Node last = first;
            while (at("=")) {
                checkTarget(last, false, startOffset);
                ch.add(take());
                last = at("yield") ? yieldExpression() : starExpressions();
                ch.add(last);
            }
            return node(ASSIGN, ch);
        }
        if (k() == TokenKind.OP && isAugmented(t.text[p])) {
            checkAugmented(first, startOffset);
            Kids ch = list(first);
            ch.add(take());
            ch.add(at("yield") ? yieldExpression() : starExpressions());
            return node(AUG_ASSIGN, ch);
        }
        if (at(":")) {
            checkAugmented(first, startOffset);
            Kids ch = list(first);
            ch.add(take());
            ch.add(expression());
            if (at("=")) {
                ch.add(take());
                ch.add(at("yield") ? yieldExpression() : starExpressions());
            }
            return node(ANN_ASSIGN, ch);
        }
        return node(EXPR_STMT, list(first));
    }

    private static boolean isAugmented(String op) {
        return op.length() >= 2 && op.charAt(op.length() - 1) == '=' && !op.equals("==") && !op.equals("<=")
                && !op.equals(">=") && !op.equals("!=") && !op.equals(":=");
    }

    private Node typeAlias() {
        Kids ch = list(take());
        ch.add(node(NAME, list(take())));
        if (at("[")) {
            ch.add(typeParams());
        }
        expect("=", ch);
        ch.add(expression());
        return node(TYPE_ALIAS, ch);
    }

    private Node dottedName() {
        Kids ch = list();
        expectName(ch);
        while (at(".") && kAt(p + 1) == TokenKind.NAME) {
            ch.add(take());
            ch.add(take());
        }
        return node(DOTTED_NAME, ch);
    }

    private Node importStatement() {
        Kids ch = list(take());
        do {
            if (ch.size() > 1) {
                ch.add(take());
            }
            Kids alias = list(dottedName());
            if (at("as")) {
                alias.add(take());
                expectName(alias);
            }
            ch.add(node(IMPORT_ALIAS, alias));
        } while (at(","));
        return node(IMPORT, ch);
    }

    private Node importFrom() {
        Kids ch = list(take());
        boolean dots = false;
        while (at(".") || at("...")) {
            ch.add(take());
            dots = true;
        }
        if (!dots || !at("import")) {
            ch.add(dottedName());
        }
        if (!expect("import", ch)) {
            return node(IMPORT_FROM, ch);
        }
        if (at("*")) {
            ch.add(take());
            return node(IMPORT_FROM, ch);
        }
        boolean paren = at("(");
        if (paren) {
            ch.add(take());
            brackets++;
        }
        while (true) {
            if (k() != TokenKind.NAME) {
                expected("a name");
                break;
            }
            Kids alias = list(node(DOTTED_NAME, list(take())));
            if (at("as")) {
                alias.add(take());
                expectName(alias);
            }
            ch.add(node(IMPORT_ALIAS, alias));
            if (!at(",")) {
                break;
            }
            ch.add(take());
            if (paren && at(")")) {
                break;
            }
        }
        if (paren) {
            expect(")", ch);
            brackets--;
        }
        return node(IMPORT_FROM, ch);
    }

    // ---------------------------------------------------------------- target checks

    private void checkTarget(PyElement e, boolean augmented) {
        checkTarget(e, augmented, -1);
    }

    private void checkTarget(PyElement e, boolean augmented, int offset) {
        String bad = badTarget(e, augmented, true);
        if (bad != null) {
            targetError("cannot assign to " + bad, offset);
        }
    }

    private void checkAugmented(Node e, int offset) {
        String bad = badTarget(e, true, false);
        if (bad != null) {
            targetError("'" + bad + "' is an illegal expression for augmented assignment", offset);
        }
    }

    private void checkDelete(Node e) {
        String bad = badTarget(e, false, false);
        if (bad != null) {
            targetError("cannot delete " + bad, -1);
        }
    }

    private void targetError(String message, int offset) {
        if (!lineError) {
            problems.add(new Problem(offset >= 0 ? offset : t.start[Math.max(0, p - 1)], message, "", ""));
        }
        lineError = true;
    }

    /** Null when {@code e} can be assigned to; otherwise CPython's word for what it is. */
    private static String badTarget(PyElement e, boolean single, boolean starOk) {
        if (!(e instanceof Node n)) {
            return null;
        }
        switch (n.kind()) {
            case NAME, ATTRIBUTE, SUBSCRIPT, ERROR:
                return null;
            case PAREN:
                for (Node c : n.nodes()) {
                    return single ? badTarget(c, true, false) : badTarget(c, false, starOk);
                }
                return null;
            case TUPLE, LIST:
                if (single) {
                    return n.kind() == TUPLE ? "tuple" : "list";
                }
                for (Node c : n.nodes()) {
                    String bad = badTarget(c, false, starOk);
                    if (bad != null) {
                        return bad;
                    }
                }
                return null;
            case STARRED:
                if (!starOk || single) {
                    return "starred";
                }
                return badTarget(n.nodes().get(0), false, false);
            case CALL:
                return "function call";
            case CONSTANT, STRING:
                return "literal";
            case COMPARE:
                return "comparison";
            case BINARY, UNARY:
                return "expression";
            case BOOL_OP:
                return "expression";
            case LAMBDA:
                return "lambda";
            case TERNARY:
                return "conditional expression";
            case NAMED_EXPR:
                return "named expression";
            case AWAIT:
                return "await expression";
            case YIELD:
                return "yield expression";
            case DICT, DICT_COMP:
                return n.kind() == DICT ? "dict literal" : "dict comprehension";
            case SET, SET_COMP:
                return n.kind() == SET ? "set display" : "set comprehension";
            case LIST_COMP:
                return "list comprehension";
            case GENERATOR:
                return "generator expression";
            default:
                return n.kind().name().toLowerCase();
        }
    }

    // ---------------------------------------------------------------- expressions

    private boolean canStartExpression() {
        return canStartExpressionAt(p);
    }

    private boolean canStartExpressionAt(int i) {
        switch (kAt(i)) {
            case NAME, NUMBER, STRING, FSTRING_START, ERROR:
                return true;
            case KEYWORD: {
                String x = t.text[i];
                return x == "not" || x == "lambda" || x == "await" || x == "None"
                        || x == "True" || x == "False";
            }
            case OP: {
                String x = t.text[i];
                return x == "(" || x == "[" || x == "{" || x == "-" || x == "+"
                        || x == "~" || x == "*" || x == "...";
            }
            default:
                return false;
        }
    }

    private boolean deeper() {
        if (++nesting > MAX_NESTING || brackets > MAX_BRACKETS) {
            error(brackets > MAX_BRACKETS ? "too many nested parentheses" : "too many nested expressions");
            return false;
        }
        return true;
    }

    /** Used when nesting is too deep: swallow the rest of the line so the stack stays bounded. */
    private Node tooDeep() {
        nesting--;
        Node rest = restOfLine();
        return rest != null ? rest : node(ERROR, list());
    }

    /**
     * {@code first (',' element)* [',']} as one node of {@code kind} (or just {@code first} when no
     * comma follows). After each comma, {@code more} decides whether another element follows.
     */
    private Node commaSeparated(Node first, NodeKind kind, Supplier<Node> element, BooleanSupplier more) {
        if (!at(",")) {
            return first;
        }
        Kids ch = list(first);
        while (at(",")) {
            ch.add(take());
            if (!more.getAsBoolean()) {
                break;
            }
            ch.add(element.get());
        }
        return node(kind, ch);
    }

    /** {@code '*' operand} (the current token is the star). */
    private Node starred() {
        Kids ch = list(take());
        ch.add(bitOr());
        return node(STARRED, ch);
    }

    Node starExpressions() {
        return commaSeparated(starExpression(), TUPLE, this::starExpression, this::canStartExpression);
    }

    private Node starExpression() {
        return at("*") ? starred() : expression();
    }

    private Node starNamedExpression() {
        return at("*") ? starred() : namedExpression();
    }

    private Node namedExpression() {
        if (k() == TokenKind.NAME && atAt(p + 1, ":=")) {
            Kids ch = list(node(NAME, list(take())));
            ch.add(take());
            ch.add(expression());
            return node(NAMED_EXPR, ch);
        }
        return expression();
    }

    private Node expression() {
        Node simple = simpleOperand();
        if (simple != null) {
            return simple;
        }
        if (!deeper()) {
            return tooDeep();
        }
        Node result;
        if (at("lambda")) {
            result = lambda();
        } else {
            if (startsPrimary()) {
                // The descent below would reach primary() without consuming a token; take the primary
                // first, and skip the dozen levels entirely when nothing but a delimiter follows it.
                Node a = primary();
                if (endsOperand()) {
                    nesting--;
                    return a;
                }
                pendingPrimary = a;
            }
            Node d = disjunction();
            if (at("if")) {
                Kids ch = list(d);
                ch.add(take());
                ch.add(disjunction());
                if (expect("else", ch)) {
                    ch.add(expression());
                }
                result = node(TERNARY, ch);
            } else {
                result = d;
            }
        }
        nesting--;
        return result;
    }

    /**
     * A primary that {@link #expression} has already parsed, for {@link #power} to use as its base
     * instead of parsing one. While it is set, the prefix operators (not, -, +, ~, await) are not
     * looked for: the current token is the one after the primary.
     */
    private Node pendingPrimary;

    private boolean startsPrimary() {
        switch (k()) {
            case NAME, NUMBER, STRING, FSTRING_START:
                return true;
            case OP: {
                String x = t.text[p];
                return x == "(" || x == "[" || x == "{";
            }
            default:
                return false;
        }
    }

    /** The current token ends an operand: no operator of any level below {@link #expression} follows. */
    private boolean endsOperand() {
        switch (k()) {
            case NEWLINE:
                return true;
            case OP: {
                String x = t.text[p];
                return x == "," || x == ")" || x == "]" || x == "}" || x == ":" || x == "=" || x == ";";
            }
            case KEYWORD: {
                String x = t.text[p];
                return x == "for" || x == "as" || x == "else" || x == "from";
            }
            default:
                return false;
        }
    }

    /**
     * Fast path for the commonest expression: a lone name or number directly followed by a delimiter
     * ({@code f(a, 1)}, {@code x = y}). It is exactly what the full descent would build, minus a dozen
     * calls per operand.
     */
    private Node simpleOperand() {
        TokenKind kind = k();
        if (kind != TokenKind.NAME && kind != TokenKind.NUMBER) {
            return null;
        }
        int next = p + 1;
        TokenKind nextKind = kAt(next);
        if (nextKind == TokenKind.NEWLINE) {
            return node(kind == TokenKind.NAME ? NAME : CONSTANT, list(take()));
        }
        if (nextKind != TokenKind.OP) {
            return null;
        }
        String x = t.text[next];
        if (x == "," || x == ")" || x == "]" || x == "}" || x == ":" || x == "=" || x == ";") {
            return node(kind == TokenKind.NAME ? NAME : CONSTANT, list(take()));
        }
        return null;
    }

    private Node lambda() {
        Kids ch = list(take());
        if (!at(":")) {
            Kids params = list();
            parameters(params, ":", false);
            if (!params.isEmpty()) {
                ch.add(node(PARAMETERS, params));
            }
        }
        if (expect(":", ch)) {
            ch.add(expression());
        }
        return node(LAMBDA, ch);
    }

    private Node yieldExpression() {
        Kids ch = list(take());
        if (at("from")) {
            ch.add(take());
            ch.add(expression());
        } else if (canStartExpression()) {
            ch.add(starExpressions());
        }
        return node(YIELD, ch);
    }

    private Node disjunction() {
        return boolOp(true);
    }

    private Node conjunction() {
        return boolOp(false);
    }

    /**
     * {@code a or b or c} / {@code a and b and c} as one flat BOOL_OP, as CPython's BoolOp. (A flag,
     * not a lambda: this sits on the recursion path of every bracket level, where frames count.)
     */
    private Node boolOp(boolean or) {
        String op = or ? "or" : "and";
        Node a = or ? conjunction() : inversion();
        if (!at(op)) {
            return a;
        }
        Kids ch = list(a);
        while (at(op)) {
            ch.add(take());
            ch.add(or ? conjunction() : inversion());
        }
        return node(BOOL_OP, ch);
    }

    private Node inversion() {
        if (pendingPrimary == null && at("not")) {
            if (!deeper()) {
                return tooDeep();
            }
            Kids ch = list(take());
            ch.add(inversion());
            nesting--;
            return node(UNARY, ch);
        }
        return comparison();
    }

    private boolean atComparison() {
        TokenKind kind = k();
        if (kind == TokenKind.OP) {
            String x = t.text[p];
            return x == "<" || x == ">" || x == "==" || x == ">=" || x == "<="
                    || x == "!=";
        }
        if (kind == TokenKind.KEYWORD) {
            String x = t.text[p];
            return x == "in" || x == "is" || x == "not" && atAt(p + 1, "in");
        }
        return false;
    }

    private Node comparison() {
        Node a = bitOr();
        if (!atComparison()) {
            return a;
        }
        Kids ch = list(a);
        while (atComparison()) {
            boolean two = at("not") || at("is") && atAt(p + 1, "not");
            ch.add(take());
            if (two) {
                ch.add(take());
            }
            ch.add(bitOr());
        }
        return node(COMPARE, ch);
    }

    private int binaryPrecedence() {
        if (k() != TokenKind.OP) {
            return -1;
        }
        // Operator texts are the tokenizer's literals, so identity is equality here.
        String x = t.text[p];
        if (x == "+" || x == "-") {
            return 5;
        }
        if (x == "*" || x == "/" || x == "%" || x == "@" || x == "//") {
            return 6;
        }
        if (x == "|") {
            return 1;
        }
        if (x == "^") {
            return 2;
        }
        if (x == "&") {
            return 3;
        }
        return x == "<<" || x == ">>" ? 4 : -1;
    }

    private Node bitOr() {
        return binary(1);
    }

    /** Precedence climbing over the left-associative binary operators. */
    private Node binary(int minPrecedence) {
        Node left = factor();
        int prec;
        while ((prec = binaryPrecedence()) >= minPrecedence) {
            Kids ch = list(left);
            ch.add(take());
            ch.add(binary(prec + 1));
            left = node(BINARY, ch);
        }
        return left;
    }

    private Node factor() {
        if (pendingPrimary == null && k() == TokenKind.OP && (at("-") || at("+") || at("~"))) {
            if (!deeper()) {
                return tooDeep();
            }
            Kids ch = list(take());
            ch.add(factor());
            nesting--;
            return node(UNARY, ch);
        }
        return power();
    }

    private Node power() {
        Node base;
        if (pendingPrimary != null) {
            base = pendingPrimary;
            pendingPrimary = null;
        } else if (at("await")) {
            if (!deeper()) {
                return tooDeep();
            }
            Kids ch = list(take());
            ch.add(primary());
            nesting--;
            base = node(AWAIT, ch);
        } else {
            base = primary();
        }
        if (at("**")) {
            if (!deeper()) {
                return tooDeep();
            }
            Kids ch = list(base);
            ch.add(take());
            ch.add(factor());
            nesting--;
            return node(BINARY, ch);
        }
        return base;
    }

    private Node primary() {
        Node a = atom();
        while (true) {
            if (at(".")) {
                Kids ch = list(a);
                ch.add(take());
                expectName(ch);
                a = node(ATTRIBUTE, ch);
            } else if (at("(")) {
                Kids ch = list(a);
                ch.add(argList());
                a = node(CALL, ch);
            } else if (at("[")) {
                Kids ch = list(a);
                ch.add(take());
                brackets++;
                if (!deeper()) {
                    ch.add(tooDeep());
                } else {
                    ch.add(slices());
                    nesting--;
                }
                expect("]", ch);
                brackets--;
                a = node(SUBSCRIPT, ch);
            } else {
                return a;
            }
        }
    }

    private Node slices() {
        return commaSeparated(slice(), TUPLE, this::slice, () -> !at("]") && (canStartExpression() || at(":")));
    }

    private Node slice() {
        Node lower = at(":") ? null : starNamedExpression();
        if (!at(":")) {
            return lower;
        }
        Kids ch = list();
        if (lower != null) {
            ch.add(lower);
        }
        ch.add(take());
        if (canStartExpression()) {
            ch.add(expression());
        }
        if (at(":")) {
            ch.add(take());
            if (canStartExpression()) {
                ch.add(expression());
            }
        }
        return node(SLICE, ch);
    }

    private Node argList() {
        return argList(true);
    }

    /** '(' arguments ')'; a bare generator argument is only allowed as a call's sole argument. */
    private Node argList(boolean call) {
        Kids ch = list(take());
        brackets++;
        if (!deeper()) {
            ch.add(tooDeep());
            brackets--;
            return node(ARG_LIST, ch);
        }
        boolean keyword = false;
        boolean doubleStar = false;
        int args = 0;
        boolean generator = false;
        int start = p;
        while (!at(")")) {
            int before = p;
            boolean star = at("*");
            boolean dstar = at("**");
            boolean named = k() == TokenKind.NAME && atAt(p + 1, "=");
            Node arg = argument();
            args++;
            generator |= isBareGenerator(arg);
            if (star && doubleStar) {
                error("iterable argument unpacking follows keyword argument unpacking");
            } else if (!star && !dstar && !named && keyword) {
                error(doubleStar ? "positional argument follows keyword argument unpacking"
                        : "positional argument follows keyword argument");
            }
            keyword |= named || dstar;
            doubleStar |= dstar;
            ch.add(arg);
            if (at(",")) {
                ch.add(take());
            } else if (p == before || !at(")")) {
                break;
            }
        }
        if (generator && (!call || args > 1)) {
            problems.add(new Problem(t.start[start], call ? "Generator expression must be parenthesized"
                    : "invalid syntax", "", ""));
            lineError = true;
        }
        expect(")", ch);
        nesting--;
        brackets--;
        return node(ARG_LIST, ch);
    }

    /** {@code f(x for x in y)}: a generator argument without its own parentheses. */
    private static boolean isBareGenerator(Node arg) {
        if (arg.childCount() != 1 || !(arg.child(0) instanceof Node value) || value.kind() != GENERATOR) {
            return false;
        }
        return !(value.child(0) instanceof Token t && t.is("("));
    }

    private Node argument() {
        Kids ch = list();
        if (at("*") || at("**")) {
            ch.add(take());
            ch.add(expression());
        } else if (k() == TokenKind.NAME && atAt(p + 1, "=")) {
            ch.add(take());
            ch.add(take());
            ch.add(expression());
        } else {
            Node e = namedExpression();
            if (atCompFor()) {
                Kids gen = list(e);
                comprehension(gen);
                e = node(GENERATOR, gen);
            }
            ch.add(e);
        }
        return node(ARG, ch);
    }

    private boolean atCompFor() {
        return at("for") || at("async") && atAt(p + 1, "for");
    }

    private void comprehension(Kids into) {
        while (atCompFor()) {
            Kids ch = list();
            if (at("async")) {
                ch.add(take());
            }
            ch.add(take());
            Node target = starTargets();
            checkTarget(target, false);
            ch.add(target);
            if (expect("in", ch)) {
                ch.add(disjunction());
                while (at("if")) {
                    Kids cond = list(take());
                    cond.add(disjunction());
                    ch.add(node(COMP_IF, cond));
                }
            }
            into.add(node(COMP_FOR, ch));
        }
    }

    private Node starTargets() {
        return commaSeparated(starTarget(), TUPLE, this::starTarget,
                () -> !at("in") && !at("=") && canStartExpression());
    }

    private Node starTarget() {
        if (at("*")) {
            Kids ch = list(take());
            ch.add(starTarget());
            return node(STARRED, ch);
        }
        return bitOr();
    }

    private Node atom() {
        switch (k()) {
            case NAME:
                return node(NAME, list(take()));
            case NUMBER:
                return node(CONSTANT, list(take()));
            case STRING:
            case FSTRING_START:
                return strings();
            case ERROR:
                return node(ERROR, list(take()));
            case KEYWORD:
                if (at("None") || at("True") || at("False")) {
                    return node(CONSTANT, list(take()));
                }
                break;
            case OP:
                switch (t.text[p]) {
                    case "...":
                        return node(CONSTANT, list(take()));
                    case "(":
                        return bracketed(this::parenthesized);
                    case "[":
                        return bracketed(this::listDisplay);
                    case "{":
                        return bracketed(this::braceDisplay);
                    default:
                        break;
                }
                break;
            default:
                break;
        }
        expected("an expression");
        return node(ERROR, list());
    }

    private Node bracketed(Supplier<Node> body) {
        brackets++;
        if (!deeper()) {
            Node n = tooDeep();
            brackets--;
            return n;
        }
        Node n = body.get();
        nesting--;
        brackets--;
        return n;
    }

    private Node parenthesized() {
        Kids ch = list(take());
        if (at(")")) {
            ch.add(take());
            return node(TUPLE, ch);
        }
        if (at("yield")) {
            ch.add(yieldExpression());
            expect(")", ch);
            return node(PAREN, ch);
        }
        Node first = starNamedExpression();
        ch.add(first);
        if (atCompFor()) {
            comprehension(ch);
            expect(")", ch);
            return node(GENERATOR, ch);
        }
        if (!at(",")) {
            expect(")", ch);
            return node(PAREN, ch);
        }
        elements(ch, ")");
        return node(TUPLE, ch);
    }

    /** {@code , element}* [,] closer — after the first element. */
    private void elements(Kids ch, String closer) {
        while (at(",")) {
            ch.add(take());
            if (at(closer) || !canStartExpression()) {
                break;
            }
            ch.add(starNamedExpression());
        }
        expect(closer, ch);
    }

    private Node listDisplay() {
        Kids ch = list(take());
        if (at("]")) {
            ch.add(take());
            return node(LIST, ch);
        }
        ch.add(starNamedExpression());
        if (atCompFor()) {
            comprehension(ch);
            expect("]", ch);
            return node(LIST_COMP, ch);
        }
        elements(ch, "]");
        return node(LIST, ch);
    }

    private Node braceDisplay() {
        Kids ch = list(take());
        if (at("}")) {
            ch.add(take());
            return node(DICT, ch);
        }
        if (at("**") || !at("*") && isDictKeyAhead()) {
            ch.add(dictEntry());
            if (atCompFor()) {
                comprehension(ch);
                expect("}", ch);
                return node(DICT_COMP, ch);
            }
            while (at(",")) {
                ch.add(take());
                if (at("}") || !canStartExpression() && !at("**")) {
                    break;
                }
                ch.add(dictEntry());
            }
            expect("}", ch);
            return node(DICT, ch);
        }
        ch.add(starNamedExpression());
        if (atCompFor()) {
            comprehension(ch);
            expect("}", ch);
            return node(SET_COMP, ch);
        }
        elements(ch, "}");
        return node(SET, ch);
    }

    /** Whether the display element starting here is followed by ':' at its own bracket level. */
    private boolean isDictKeyAhead() {
        int depth = 0;
        for (int i = p; i < t.count; i++) {
            TokenKind kind = t.kind(i);
            if (kind == TokenKind.ENDMARKER) {
                return false;
            }
            if (kind == TokenKind.OP || kind == TokenKind.KEYWORD) {
                String x = t.text[i];
                switch (x) {
                    case "(", "[", "{" -> depth++;
                    case ")", "]", "}" -> {
                        if (depth == 0) {
                            return false;
                        }
                        depth--;
                    }
                    case ":" -> {
                        if (depth == 0) {
                            return true;
                        }
                    }
                    case ",", "for" -> {
                        if (depth == 0) {
                            return false;
                        }
                    }
                    case "lambda" -> {
                        if (depth == 0) {
                            return false;
                        }
                    }
                    default -> {
                    }
                }
            } else if (kind == TokenKind.FSTRING_START) {
                depth++;
            } else if (kind == TokenKind.FSTRING_END) {
                depth--;
            }
        }
        return false;
    }

    private Node dictEntry() {
        Kids ch = list();
        if (at("**")) {
            ch.add(take());
            ch.add(bitOr());
        } else {
            ch.add(expression());
            if (expect(":", ch)) {
                ch.add(expression());
            }
        }
        return node(DICT_ENTRY, ch);
    }

    // ---------------------------------------------------------------- strings

    private Node strings() {
        Kids ch = list();
        int bytes = 0;
        int text = 0;
        int firstOffset = t.start[p];
        while (k() == TokenKind.STRING || k() == TokenKind.FSTRING_START) {
            if (isBytes(t.start[p])) {
                bytes++;
            } else {
                text++;
            }
            ch.add(k() == TokenKind.STRING ? take() : fstring());
        }
        if (bytes > 0 && text > 0 && !lineError) {
            problems.add(new Problem(firstOffset, "cannot mix bytes and nonbytes literals", "", ""));
            lineError = true;
        }
        return node(STRING, ch);
    }

    private boolean isBytes(int offset) {
        for (int i = offset; i < src.length && src[i] != '\'' && src[i] != '"'; i++) {
            if (src[i] == 'b' || src[i] == 'B') {
                return true;
            }
        }
        return false;
    }

    private Node fstring() {
        Kids ch = list(take());
        fstringParts(ch);
        if (k() == TokenKind.FSTRING_END) {
            ch.add(take());
        } else {
            expected("end of f-string");
        }
        return node(FSTRING, ch);
    }

    private void fstringParts(Kids ch) {
        while (true) {
            if (k() == TokenKind.FSTRING_MIDDLE) {
                ch.add(take());
            } else if (at("{")) {
                ch.add(replacementField());
            } else {
                return;
            }
        }
    }

    private Node replacementField() {
        Kids ch = list(take());
        brackets++;
        if (!deeper()) {
            ch.add(tooDeep());
            brackets--;
            return node(REPLACEMENT_FIELD, ch);
        }
        ch.add(at("yield") ? yieldExpression() : starExpressions());
        if (at("=")) {
            ch.add(take());
        }
        if (at("!")) {
            ch.add(take());
            expectName(ch);
        }
        if (at(":")) {
            ch.add(take());
            Kids spec = list();
            fstringParts(spec);
            ch.add(node(FORMAT_SPEC, spec));
        }
        expect("}", ch);
        nesting--;
        brackets--;
        return node(REPLACEMENT_FIELD, ch);
    }

    // ---------------------------------------------------------------- patterns

    private Node patterns() {
        return commaSeparated(asPattern(), MATCH_SEQUENCE, this::asPattern, () -> !at(":") && !at("if"));
    }

    private Node asPattern() {
        if (!deeper()) {
            return tooDeep();
        }
        Node pattern = orPattern();
        if (at("as")) {
            Kids ch = list(pattern);
            ch.add(take());
            expectName(ch);
            pattern = node(MATCH_AS, ch);
        }
        nesting--;
        return pattern;
    }

    private Node orPattern() {
        Node first = closedPattern();
        if (!at("|")) {
            return first;
        }
        Kids ch = list(first);
        while (at("|")) {
            ch.add(take());
            ch.add(closedPattern());
        }
        return node(MATCH_OR, ch);
    }

    private Node closedPattern() {
        switch (k()) {
            case NUMBER:
                return node(MATCH_VALUE, list(signedNumber()));
            case STRING:
            case FSTRING_START:
                return node(MATCH_VALUE, list(strings()));
            case KEYWORD:
                if (at("None") || at("True") || at("False")) {
                    return node(MATCH_SINGLETON, list(take()));
                }
                break;
            case NAME: {
                if (atAt(p + 1, ".") || atAt(p + 1, "(")) {
                    Node value = node(NAME, list(take()));
                    while (at(".")) {
                        Kids ch = list(value);
                        ch.add(take());
                        expectName(ch);
                        value = node(ATTRIBUTE, ch);
                    }
                    if (at("(")) {
                        return classPattern(value);
                    }
                    return node(MATCH_VALUE, list(value));
                }
                return node(MATCH_AS, list(take()));
            }
            case OP:
                switch (t.text[p]) {
                    case "-":
                        return node(MATCH_VALUE, list(signedNumber()));
                    case "*": {
                        Kids ch = list(take());
                        expectName(ch);
                        return node(MATCH_STAR, ch);
                    }
                    case "(":
                    case "[": {
                        String closer = at("(") ? ")" : "]";
                        boolean paren = at("(");
                        Kids ch = list(take());
                        brackets++;
                        if (at(closer)) {
                            ch.add(take());
                            brackets--;
                            return node(MATCH_SEQUENCE, ch);
                        }
                        ch.add(asPattern());
                        boolean sequence = !paren;
                        while (at(",")) {
                            sequence = true;
                            ch.add(take());
                            if (at(closer)) {
                                break;
                            }
                            ch.add(asPattern());
                        }
                        expect(closer, ch);
                        brackets--;
                        return node(sequence ? MATCH_SEQUENCE : PAREN, ch);
                    }
                    case "{":
                        return mappingPattern();
                    default:
                        break;
                }
                break;
            default:
                break;
        }
        expected("a pattern");
        return node(ERROR, list());
    }

    private Node signedNumber() {
        Node value;
        if (at("-")) {
            Kids ch = list(take());
            if (k() == TokenKind.NUMBER) {
                ch.add(node(CONSTANT, list(take())));
            } else {
                expected("a number");
            }
            value = node(UNARY, ch);
        } else {
            value = node(CONSTANT, list(take()));
        }
        if ((at("+") || at("-")) && kAt(p + 1) == TokenKind.NUMBER) {
            Kids ch = list(value);
            ch.add(take());
            ch.add(node(CONSTANT, list(take())));
            value = node(BINARY, ch);
        }
        return value;
    }

    private Node classPattern(Node cls) {
        Kids ch = list(cls);
        ch.add(take());
        brackets++;
        while (!at(")")) {
            int before = p;
            if (k() == TokenKind.NAME && atAt(p + 1, "=")) {
                Kids kw = list(take());
                kw.add(take());
                kw.add(asPattern());
                ch.add(node(KEYWORD_PATTERN, kw));
            } else {
                ch.add(asPattern());
            }
            if (at(",")) {
                ch.add(take());
            } else if (p == before || !at(")")) {
                break;
            }
        }
        expect(")", ch);
        brackets--;
        return node(MATCH_CLASS, ch);
    }

    private Node mappingPattern() {
        Kids ch = list(take());
        brackets++;
        while (!at("}")) {
            int before = p;
            Kids entry = list();
            if (at("**")) {
                entry.add(take());
                expectName(entry);
            } else {
                entry.add(mappingKey());
                if (expect(":", entry)) {
                    entry.add(asPattern());
                }
            }
            ch.add(node(MAPPING_ENTRY, entry));
            if (at(",")) {
                ch.add(take());
            } else if (p == before || !at("}")) {
                break;
            }
        }
        expect("}", ch);
        brackets--;
        return node(MATCH_MAPPING, ch);
    }

    private Node mappingKey() {
        if (k() == TokenKind.NUMBER || at("-")) {
            return signedNumber();
        }
        if (k() == TokenKind.STRING || k() == TokenKind.FSTRING_START) {
            return strings();
        }
        if (at("None") || at("True") || at("False")) {
            return node(CONSTANT, list(take()));
        }
        if (k() == TokenKind.NAME) {
            Node value = node(NAME, list(take()));
            while (at(".")) {
                Kids ch = list(value);
                ch.add(take());
                expectName(ch);
                value = node(ATTRIBUTE, ch);
            }
            return value;
        }
        expected("a mapping key");
        return node(ERROR, list());
    }
}
