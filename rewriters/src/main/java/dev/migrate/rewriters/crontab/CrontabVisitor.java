package dev.migrate.rewriters.crontab;

/** Visits the lines of a {@link CrontabFile}; one method per node type. */
public interface CrontabVisitor<R> {
    R visitBlank(CrontabLine.Blank blank);

    R visitComment(CrontabLine.Comment comment);

    R visitEnv(CrontabLine.EnvSetting env);

    R visitEntry(CrontabLine.Entry entry);

    R visitDisabledEntry(CrontabLine.DisabledEntry disabled);

    R visitUnparsed(CrontabLine.Unparsed unparsed);
}
