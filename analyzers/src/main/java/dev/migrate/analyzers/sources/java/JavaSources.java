package dev.migrate.analyzers.sources.java;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.rules.Findings;
import java.util.Optional;

/**
 * Parses Java source with JavaParser (syntax only: nothing is compiled, loaded or run) and evaluates the
 * constant expressions that annotations and builder calls use: literals, concatenations and
 * {@code static final} constants declared in the same file.
 */
final class JavaSources {
    private JavaSources() {
    }

    static Optional<CompilationUnit> parse(ScanFile file, InventorySink sink) {
        ParserConfiguration cfg = new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21)
                .setAttributeComments(false);
        ParseResult<CompilationUnit> r = new JavaParser(cfg).parse(file.text());
        if (r.isSuccessful() && r.getResult().isPresent()) {
            return r.getResult();
        }
        Problem p = r.getProblems().isEmpty() ? null : r.getProblems().get(0);
        SourceRef where = p == null ? SourceRef.file(file.path()) : p.getLocation()
                .flatMap(l -> l.getBegin().getRange()).map(rg -> SourceRef.at(file.path(), rg.begin.line, rg.begin.column))
                .orElse(SourceRef.file(file.path()));
        String msg = p == null ? "unknown error" : p.getMessage().lines().findFirst().orElse("");
        sink.finding(Findings.of("CFG003", "Java syntax error: " + msg + "; schedules in this file are not in the inventory",
                where, null));
        return Optional.empty();
    }

    static SourceRef where(ScanFile file, Node n) {
        return n.getBegin().map(p -> SourceRef.at(file.path(), p.line, p.column)).orElse(SourceRef.file(file.path()));
    }

    /** The compile-time value of an expression as text, when this file alone determines it. */
    static Optional<String> constant(Expression e) {
        if (e instanceof StringLiteralExpr s) {
            return Optional.of(s.asString());
        }
        if (e instanceof TextBlockLiteralExpr t) {
            return Optional.of(t.asString());
        }
        if (e instanceof CharLiteralExpr c) {
            return Optional.of(String.valueOf(c.asChar()));
        }
        if (e instanceof IntegerLiteralExpr i) {
            return Optional.of(String.valueOf(i.asNumber()));
        }
        if (e instanceof LongLiteralExpr l) {
            return Optional.of(String.valueOf(l.asNumber()));
        }
        if (e instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.MINUS) {
            return constant(u.getExpression()).map(v -> "-" + v);
        }
        if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
            Optional<String> l = constant(b.getLeft());
            Optional<String> r = constant(b.getRight());
            if (l.isPresent() && r.isPresent()) {
                boolean numeric = l.get().matches("-?\\d+") && r.get().matches("-?\\d+")
                        && !(b.getLeft() instanceof StringLiteralExpr) && !(b.getRight() instanceof StringLiteralExpr);
                return Optional.of(numeric ? String.valueOf(Long.parseLong(l.get()) + Long.parseLong(r.get())) : l.get() + r.get());
            }
            return Optional.empty();
        }
        if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.MULTIPLY) {
            Optional<String> l = constant(b.getLeft());
            Optional<String> r = constant(b.getRight());
            if (l.isPresent() && r.isPresent() && l.get().matches("-?\\d+") && r.get().matches("-?\\d+")) {
                return Optional.of(String.valueOf(Long.parseLong(l.get()) * Long.parseLong(r.get())));
            }
            return Optional.empty();
        }
        if (e instanceof NameExpr n) {
            return field(e, null, n.getNameAsString());
        }
        if (e instanceof FieldAccessExpr f) {
            return field(e, f.getScope().toString(), f.getNameAsString());
        }
        return Optional.empty();
    }

    /** A final field with an initializer, in an enclosing type or (when qualified) in a type of this file. */
    private static Optional<String> field(Expression at, String typeName, String name) {
        Optional<CompilationUnit> cu = at.findCompilationUnit();
        if (cu.isEmpty()) {
            return Optional.empty();
        }
        for (TypeDeclaration<?> t : cu.get().findAll(TypeDeclaration.class)) {
            boolean inScope = typeName == null ? at.isDescendantOf(t) : t.getNameAsString().equals(typeName);
            if (!inScope) {
                continue;
            }
            for (FieldDeclaration fd : t.getFields()) {
                if (!fd.isFinal()) {
                    continue;
                }
                for (VariableDeclarator v : fd.getVariables()) {
                    if (v.getNameAsString().equals(name) && v.getInitializer().isPresent()
                            && v.getInitializer().get() != at) {
                        return constant(v.getInitializer().get());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The fully qualified name of the type declaring a node. */
    static String qualifiedType(Node n) {
        return n.findAncestor(TypeDeclaration.class).map(t -> t.getFullyQualifiedName().orElse(t.getNameAsString()))
                .map(Object::toString).orElse("?");
    }

    static String simpleType(Node n) {
        return n.findAncestor(TypeDeclaration.class).map(t -> t.getNameAsString()).orElse("?");
    }
}
