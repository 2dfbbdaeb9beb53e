/**
 * The lossless Python syntax tree.
 *
 * <h2>Shape</h2>
 * A tree is {@link dev.migrate.rewriters.python.tree.Node}s (a {@link dev.migrate.rewriters.python.tree.NodeKind}
 * plus children) over {@link dev.migrate.rewriters.python.tree.Token}s. Nodes are immutable; withers return new
 * nodes and share everything unchanged. Typed readings of the common node kinds live in
 * {@code dev.migrate.rewriters.python.query} (calls, arguments, definitions, imports, assignments).
 *
 * <h2>Who owns which byte</h2>
 * Every character of a file belongs to exactly one element, so printing is concatenation:
 * <ul>
 *   <li>Whitespace, comments, blank lines, line continuations and newlines inside brackets before a
 *       token are that token's {@link dev.migrate.rewriters.python.tree.Space} prefix; when a node starts
 *       at that token, the outermost such node owns it instead (its first child then has an empty prefix).</li>
 *   <li>So comment-only and blank lines above a statement belong to that statement (LibCST's
 *       "leading lines"), and the module's leading comments are the MODULE node's prefix (its header).</li>
 *   <li>The trailing whitespace, comment and line break of a statement line belong to the line: they are
 *       the prefix and text of the NEWLINE token that ends the SIMPLE_LINE (or the DECORATOR).</li>
 *   <li>The whitespace before a separator (',' or ';') is the separator token's prefix: it is the right
 *       padding of the element before it; the whitespace after it is the next element's prefix.</li>
 *   <li>Whitespace before ')' ']' '}' is the closing token's prefix, owned by the bracketing node.</li>
 *   <li>Indentation is the prefix of a line's first token; INDENT and DEDENT tokens are zero-width.</li>
 *   <li>Whatever follows the last statement (trailing blank lines and comments) is the ENDMARKER's prefix,
 *       owned by the MODULE (its footer).</li>
 * </ul>
 * Syntax errors never lose bytes: the tokens of a bad line become an ERROR node in place.
 */
package dev.migrate.rewriters.python.tree;
