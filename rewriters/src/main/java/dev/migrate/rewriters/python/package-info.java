/**
 * Python as a lossless syntax tree, proven against CPython.
 *
 * <ul>
 *   <li>{@link dev.migrate.rewriters.python.PythonParser} parses bytes (PEP 263 coding cookie, BOM, any
 *       line ending) or text into a {@link dev.migrate.rewriters.python.PythonFile}: the compilation unit,
 *       an OpenRewrite {@code SourceFile} holding the MODULE node, the charset and BOM flag, the syntax
 *       {@link dev.migrate.rewriters.python.Diagnostic}s and the file's {@link dev.migrate.rewriters.python.PythonStyle}.
 *       {@code PythonFile.toBytes()} reproduces the input byte for byte, for any input; parsing never throws.</li>
 *   <li>The grammar is the union of Python 3.8 to 3.13 (match, except*, PEP 695 type parameters and
 *       aliases, 3.13 type-parameter defaults, PEP 701 f-strings).</li>
 *   <li>{@code tree}: nodes, tokens, whitespace ownership, positions, the node visitor.</li>
 *   <li>{@code query}: imports and qualified names, calls and arguments, definitions, assignments,
 *       with-items, the main guard, string literal values.</li>
 *   <li>{@code edit}: replace/insert/remove statements and expressions, add/merge/remove imports,
 *       in the file's own style.</li>
 *   <li>{@link dev.migrate.rewriters.python.PythonRewriteParser} and {@link dev.migrate.rewriters.python.PythonVisitor}
 *       connect it to OpenRewrite recipes; the test harness {@code PythonRewriteTest} ships in this
 *       module's test-jar ({@code <type>test-jar</type>}, scope test).</li>
 *   <li>{@link dev.migrate.rewriters.python.ParseCheck} backs {@code migrate parse-check}.</li>
 * </ul>
 */
package dev.migrate.rewriters.python;
