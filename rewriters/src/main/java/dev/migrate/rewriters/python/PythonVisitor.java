package dev.migrate.rewriters.python;

import org.openrewrite.SourceFile;
import org.openrewrite.Tree;
import org.openrewrite.TreeVisitor;

/**
 * OpenRewrite visitor for Python files. Override {@link #visitPythonFile} to read the syntax tree and
 * return {@code file.withModule(edited)} to change it (see {@code dev.migrate.rewriters.python.edit}).
 */
public class PythonVisitor<P> extends TreeVisitor<Tree, P> {
    @Override
    public boolean isAcceptable(SourceFile sourceFile, P p) {
        return sourceFile instanceof PythonFile;
    }

    @Override
    public String getLanguage() {
        return "python";
    }

    public Tree visitPythonFile(PythonFile file, P p) {
        return file;
    }
}
