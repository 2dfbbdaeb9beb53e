package dev.migrate.rewriters.python.query;

import dev.migrate.rewriters.python.tree.Node;

/**
 * One name an import statement binds in the module.
 *
 * <ul>
 *   <li>{@code import a.b.c} binds {@code a} to {@code a} (the rest is reached by attribute access)</li>
 *   <li>{@code import a.b as m} binds {@code m} to {@code a.b}</li>
 *   <li>{@code from a.b import c as d} binds {@code d} to {@code a.b.c}</li>
 *   <li>{@code from ..pkg import f} binds {@code f} to {@code ..pkg.f} (leading dots = relative level)</li>
 * </ul>
 *
 * @param localName     the name bound in the module ("*" for a star import)
 * @param qualifiedName what it refers to
 * @param module        the module imported from ({@code a.b} for both {@code import a.b} and {@code from a.b import c})
 * @param statement     the IMPORT or IMPORT_FROM node
 * @param alias         the IMPORT_ALIAS node (null for a star import)
 */
public record ImportBinding(String localName, String qualifiedName, String module, Node statement, Node alias) {
    public boolean isFromImport() {
        return statement.kind() == dev.migrate.rewriters.python.tree.NodeKind.IMPORT_FROM;
    }

    public boolean isRelative() {
        return module.startsWith(".");
    }
}
