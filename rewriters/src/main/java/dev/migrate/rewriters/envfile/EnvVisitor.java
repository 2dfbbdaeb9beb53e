package dev.migrate.rewriters.envfile;

/** Visits the lines of an {@link EnvFile}; one method per node type. */
public interface EnvVisitor<R> {
    R visitBlank(EnvLine.Blank blank);

    R visitComment(EnvLine.Comment comment);

    R visitAssignment(EnvLine.Assignment assignment);

    R visitUnparsed(EnvLine.Unparsed unparsed);
}
