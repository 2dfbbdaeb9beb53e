package dev.migrate.rewriters.python.tree;

/**
 * Kinds of interior nodes. {@link #isStatement()} marks nodes that are statements in CPython's
 * {@code ast}; {@link #isExpression()} marks expression nodes. Child layout per kind is documented
 * on the typed views in {@code dev.migrate.rewriters.python.tree} and in {@code docs}.
 */
public enum NodeKind {
    MODULE(Role.OTHER),
    /** One or more small statements separated by ';' plus the NEWLINE that ends the line. */
    SIMPLE_LINE(Role.OTHER),
    /** NEWLINE INDENT statements DEDENT, or a SIMPLE_LINE on the header's own line. */
    SUITE(Role.OTHER),

    EXPR_STMT(Role.STATEMENT),
    ASSIGN(Role.STATEMENT),
    AUG_ASSIGN(Role.STATEMENT),
    ANN_ASSIGN(Role.STATEMENT),
    RETURN(Role.STATEMENT),
    PASS(Role.STATEMENT),
    BREAK(Role.STATEMENT),
    CONTINUE(Role.STATEMENT),
    DEL(Role.STATEMENT),
    GLOBAL(Role.STATEMENT),
    NONLOCAL(Role.STATEMENT),
    ASSERT(Role.STATEMENT),
    RAISE(Role.STATEMENT),
    IMPORT(Role.STATEMENT),
    IMPORT_FROM(Role.STATEMENT),
    TYPE_ALIAS(Role.STATEMENT),
    IF(Role.STATEMENT),
    WHILE(Role.STATEMENT),
    FOR(Role.STATEMENT),
    WITH(Role.STATEMENT),
    TRY(Role.STATEMENT),
    FUNCTION_DEF(Role.STATEMENT),
    CLASS_DEF(Role.STATEMENT),
    MATCH(Role.STATEMENT),

    ELIF_CLAUSE(Role.OTHER),
    ELSE_CLAUSE(Role.OTHER),
    EXCEPT_CLAUSE(Role.OTHER),
    FINALLY_CLAUSE(Role.OTHER),
    CASE_CLAUSE(Role.OTHER),
    WITH_ITEM(Role.OTHER),
    DECORATOR(Role.OTHER),
    PARAMETERS(Role.OTHER),
    PARAM(Role.OTHER),
    TYPE_PARAMS(Role.OTHER),
    TYPE_PARAM(Role.OTHER),
    ARG_LIST(Role.OTHER),
    ARG(Role.OTHER),
    DOTTED_NAME(Role.OTHER),
    IMPORT_ALIAS(Role.OTHER),
    COMP_FOR(Role.OTHER),
    COMP_IF(Role.OTHER),
    DICT_ENTRY(Role.OTHER),
    SLICE(Role.OTHER),
    REPLACEMENT_FIELD(Role.OTHER),
    FORMAT_SPEC(Role.OTHER),

    NAME(Role.EXPRESSION),
    /** Numbers, None/True/False, '...', and (implicitly concatenated) strings; f-strings are {@link #STRING} too. */
    CONSTANT(Role.EXPRESSION),
    /** One or more adjacent string literals (STRING tokens and FSTRING nodes). */
    STRING(Role.EXPRESSION),
    FSTRING(Role.OTHER),
    ATTRIBUTE(Role.EXPRESSION),
    CALL(Role.EXPRESSION),
    SUBSCRIPT(Role.EXPRESSION),
    BINARY(Role.EXPRESSION),
    BOOL_OP(Role.EXPRESSION),
    COMPARE(Role.EXPRESSION),
    UNARY(Role.EXPRESSION),
    AWAIT(Role.EXPRESSION),
    LAMBDA(Role.EXPRESSION),
    TERNARY(Role.EXPRESSION),
    NAMED_EXPR(Role.EXPRESSION),
    STARRED(Role.EXPRESSION),
    YIELD(Role.EXPRESSION),
    /** Redundant parentheses around one expression. */
    PAREN(Role.EXPRESSION),
    TUPLE(Role.EXPRESSION),
    LIST(Role.EXPRESSION),
    SET(Role.EXPRESSION),
    DICT(Role.EXPRESSION),
    LIST_COMP(Role.EXPRESSION),
    SET_COMP(Role.EXPRESSION),
    DICT_COMP(Role.EXPRESSION),
    GENERATOR(Role.EXPRESSION),

    MATCH_VALUE(Role.PATTERN),
    MATCH_SINGLETON(Role.PATTERN),
    MATCH_SEQUENCE(Role.PATTERN),
    MATCH_MAPPING(Role.PATTERN),
    MATCH_CLASS(Role.PATTERN),
    MATCH_STAR(Role.PATTERN),
    MATCH_AS(Role.PATTERN),
    MATCH_OR(Role.PATTERN),
    /** {@code name=pattern} inside a class pattern. */
    KEYWORD_PATTERN(Role.OTHER),
    /** {@code key: pattern} or {@code **rest} inside a mapping pattern. */
    MAPPING_ENTRY(Role.OTHER),

    /** Text that does not parse; the diagnostics say why. Printed verbatim. */
    ERROR(Role.OTHER);

    enum Role { STATEMENT, EXPRESSION, PATTERN, OTHER }

    private final Role role;

    NodeKind(Role role) {
        this.role = role;
    }

    public boolean isStatement() {
        return role == Role.STATEMENT;
    }

    public boolean isExpression() {
        return role == Role.EXPRESSION;
    }

    public boolean isPattern() {
        return role == Role.PATTERN;
    }
}
