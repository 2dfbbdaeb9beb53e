package dev.migrate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migrate.analyzers.cutover.CutoverEstate;
import dev.migrate.analyzers.cutover.Gate;
import dev.migrate.analyzers.cutover.JobReadiness;
import dev.migrate.analyzers.cutover.ReadinessState;
import dev.migrate.analyzers.model.Redactor;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code migrate cutover status}: each job's readiness state and the evidence behind every gate. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header = "Show each job's readiness state and the evidence behind each gate.",
        description = {
            "States, in order: " + "scanned, rewritten, deployed, dual-running, parity-proven, cut-over, "
                    + "legacy-disabled, decommissioned. They are derived from the scan, the migrate markers in the "
                    + "estate's files and the evidence store; the same inputs always give the same answer.",
            "",
            "Examples:",
            "  migrate cutover status samples/prefect1-lake",
            "  migrate cutover status . --job nightly-load --require parity-proven",
            "  migrate cutover status . --format json --output readiness.json",
            ""
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  every selected job reached --require (or --require not given)",
            "  1  a selected job has not reached --require",
            "  2  invalid input (unknown job or state, bad validate config)",
            "  3  environment (unreadable PATH, unreachable store)"
        })
public final class CutoverStatusCommand extends EstateCommand implements Callable<Integer> {
    enum Format { TEXT, JSON }

    @Option(names = "--require", paramLabel = "STATE", description = "Exit 1 unless every selected job reached STATE.")
    String require;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Mixin
    AtOption at;

    @Mixin
    OutputMixin output;

    @Override
    public Integer call() throws IOException {
        ReadinessState required;
        try {
            required = require == null ? null : ReadinessState.parse(require);
        } catch (IllegalArgumentException e) {
            throw CliException.invalidInput("--require: " + e.getMessage());
        }
        CutoverEstate e = load(at.now());
        List<JobReadiness> readiness = e.readiness(selected(e));
        output.write(spec.commandLine().getOut(), w -> {
            if (format == Format.JSON) {
                json(readiness, w);
            } else {
                text(readiness, w);
            }
        });
        if (required == null) {
            return ExitCode.OK.code();
        }
        List<JobReadiness> behind = readiness.stream().filter(r -> !r.reached(required)).toList();
        if (!behind.isEmpty()) {
            spec.commandLine().getErr().println("migrate cutover: " + behind.size() + " job(s) not yet " + required.slug()
                    + ": " + String.join(", ", behind.stream().map(r -> r.job().key() + " (" + r.stateSlug() + ")").toList()));
            return ExitCode.FINDINGS.code();
        }
        return ExitCode.OK.code();
    }

    static void text(List<JobReadiness> readiness, Writer w) throws IOException {
        if (readiness.isEmpty()) {
            w.write("no jobs to cut over\n");
            return;
        }
        // terminal columns, not UTF-16 units: a key in Japanese or Chinese takes two columns a character (TerminalText)
        int width = Math.max("JOB".length(), readiness.stream().mapToInt(r -> TerminalText.width(r.job().key())).max().orElse(0));
        w.write(String.format("%s  %-16s  %s%n", TerminalText.pad("JOB", width), "STATE", "NEXT GATE"));
        for (JobReadiness r : readiness) {
            List<Gate> missing = r.missing();
            String next = missing.isEmpty() ? "-" : missing.get(0).state().slug() + ": " + Redactor.redact(missing.get(0).evidence());
            w.write(String.format("%s  %-16s  %s%n", TerminalText.pad(r.job().key(), width), r.stateSlug(), next));
        }
        for (JobReadiness r : readiness) {
            w.write("\n" + r.job().key() + " (" + r.stateSlug() + ")\n");
            boolean behind = false;
            for (Gate g : r.gates()) {
                // a gate a person recorded early is ticked, but the state stops at the first unmet gate: say so there
                String early = g.met() && behind ? " (counts once the gates before it hold)" : "";
                w.write(String.format("  [%s] %-16s %s%s%n", g.met() ? "x" : " ", g.state().slug(),
                        Redactor.redact(g.evidence()), early));
                behind |= !g.met();
            }
        }
    }

    static void json(List<JobReadiness> readiness, Writer w) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("schemaVersion", 1);
        ArrayNode jobs = root.putArray("jobs");
        for (JobReadiness r : readiness) {
            ObjectNode j = jobs.addObject();
            j.put("job", r.job().key());
            j.put("name", r.job().name());
            j.put("state", r.stateSlug());
            if (r.job().anyJob() != null) {
                j.put("scanId", r.job().anyJob().id());
            }
            if (r.latest() != null) {
                ObjectNode v = j.putObject("latestValidation");
                v.put("runId", r.latest().runId());
                v.put("status", r.latest().status());
                v.put("finishedAt", r.latest().finishedAt());
            }
            ArrayNode gates = j.putArray("gates");
            for (Gate g : r.gates()) {
                gates.addObject().put("state", g.state().slug()).put("met", g.met()).put("evidence", Redactor.redact(g.evidence()));
            }
        }
        // As a string: Jackson would close a writer it is given, and the output mixin owns this one.
        w.write(mapper.writeValueAsString(root) + "\n");
    }

}
