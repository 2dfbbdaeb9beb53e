package dev.migrate.cli;

import dev.migrate.analyzers.model.Severity;
import dev.migrate.analyzers.rules.RuleRegistry;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Option;

/** {@code --select}, {@code --ignore} and {@code --fail-on}: which findings are reported and which fail the run. */
public final class SelectionMixin {
    @Option(names = "--select", split = ",", paramLabel = "CODES",
            description = "Report only these rule codes or families (e.g. PF2,K8S001). Default: all.")
    List<String> select = List.of();

    @Option(names = "--ignore", split = ",", paramLabel = "CODES",
            description = "Do not report these rule codes or families.")
    List<String> ignore = List.of();

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "Exit with 1 when a reported finding is at least this severe: breaking, deprecated or info. "
                    + "Default: never.")
    Severity failOn;

    /** The codes to report; unknown codes or families are a usage error that lists the families. */
    Set<String> codes(RuleRegistry rules) {
        Set<String> codes = new TreeSet<>(rules.resolve(select.isEmpty() ? List.of("ALL") : select));
        codes.removeAll(rules.resolve(ignore));
        return codes;
    }

    boolean fails(List<dev.migrate.analyzers.model.Finding> findings) {
        return failOn != null && findings.stream().anyMatch(f -> f.severity().atLeast(failOn));
    }
}
