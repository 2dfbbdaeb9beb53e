package dev.migrate.validators.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.validators.RunOverrides;
import dev.migrate.validators.Validator;
import dev.migrate.validators.config.ConfigLoader;
import dev.migrate.validators.engine.EngineSettings;
import dev.migrate.validators.result.Check;
import dev.migrate.validators.result.ValidationReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a reader sees of a one-row difference in real CSV files: "1 row differs", not "1 rows", and a key whose
 * value ends in a space printed quoted in every text output, so that it is not mistaken for the key without it.
 */
class SampleTextTest {
    @TempDir
    Path tmp;

    private ValidationReport run() throws Exception {
        Files.createDirectories(tmp.resolve("old"));
        Files.createDirectories(tmp.resolve("new"));
        Files.writeString(tmp.resolve("old/t.csv"), "code,city\n\"a \",Paris\nb,Rome\n");
        Files.writeString(tmp.resolve("new/t.csv"), "code,city\n\"a \",Paris \nb,Rome\n");
        Path cfg = Files.writeString(tmp.resolve("v.yaml"), """
                connections:
                  o: {type: directory, path: old}
                  n: {type: directory, path: new}
                jobs:
                  - name: j
                    legacy: {connection: o}
                    new: {connection: n}
                    datasets: [{name: t, files: t.csv, key: code}]
                """);
        return new Validator(new EngineSettings(1, "256MB", null, 10)).run(ConfigLoader.load(cfg), RunOverrides.NONE);
    }

    private static String render(ResultSink sink, ValidationReport report) {
        StringWriter w = new StringWriter();
        sink.write(report, new PrintWriter(w));
        return w.toString();
    }

    @Test
    void oneDifferingRowIsOneRowAndItsKeyShowsItsSpace() throws Exception {
        ValidationReport report = run();
        assertThat(report.jobs().get(0).checks()).filteredOn(c -> c.check() == Check.ROW_DIFF).singleElement()
                .satisfies(c -> assertThat(c.message()).startsWith("1 row differs (city: 1 ("));
        assertThat(render(new TerminalSink(), report)).contains("differs {code='a '}  city: Paris -> 'Paris '");
        assertThat(render(new MarkdownSink(), report)).contains("| differs | {code='a '} | city |");
        assertThat(render(new JUnitSink(), report)).contains("differs {code=&apos;a &apos;}");
    }
}
