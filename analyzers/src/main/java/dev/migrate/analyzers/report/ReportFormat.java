package dev.migrate.analyzers.report;

import java.util.function.Supplier;

/** The output formats of {@code migrate scan}. */
public enum ReportFormat {
    TERMINAL(TerminalReport::new),
    JSON(JsonReport::new),
    CSV(CsvReport::new),
    MD(MarkdownReport::new),
    HTML(HtmlReport::new),
    SARIF(SarifReport::new),
    GITHUB(GithubAnnotations::new),
    GITLAB(GitlabCodeQuality::new);

    private final Supplier<ReportWriter> factory;

    ReportFormat(Supplier<ReportWriter> factory) {
        this.factory = factory;
    }

    public ReportWriter writer() {
        return factory.get();
    }
}
