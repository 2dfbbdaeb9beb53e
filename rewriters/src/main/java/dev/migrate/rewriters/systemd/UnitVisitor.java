package dev.migrate.rewriters.systemd;

/** Visits the lines of a {@link UnitFile}; one method per node type. */
public interface UnitVisitor<R> {
    R visitBlank(UnitLine.Blank blank);

    R visitComment(UnitLine.Comment comment);

    R visitSection(UnitLine.SectionHeader header);

    R visitAssignment(UnitLine.Assignment assignment);

    R visitUnparsed(UnitLine.Unparsed unparsed);
}
