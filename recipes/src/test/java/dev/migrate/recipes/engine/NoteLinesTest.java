package dev.migrate.recipes.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.PrefectTarget;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A note's line is a line of the rewritten file, whichever recipe wrote it and whatever ran after it. */
class NoteLinesTest {
    @TempDir
    Path project;

    private static MigrationNotes.Row row(int line) {
        return new MigrationNotes.Row("f.py", line, "r", true, "m", "BHV001");
    }

    @Test
    void linesMoveWithTheLinesAddedAndRemovedAboveThemAndALineInsideAChangeGoesToItsLikestLine() {
        NoteLines lines = new NoteLines();
        lines.rewritten("f.py", "import a\nimport b\n\nx = 1\ny = new(\n    2)\nz = 3\n".toCharArray());
        String old = "import a\n\nx = 1\ny = old(2)\nz = 3\n";
        assertThat(lines.place(row(1), () -> old).line()).isEqualTo(1);
        assertThat(lines.place(row(3), () -> old).line()).isEqualTo(4);   // one import added above
        assertThat(lines.place(row(4), () -> old).line()).isEqualTo(5);   // the changed line: the first of its likest
        assertThat(lines.place(row(5), () -> old).line()).isEqualTo(7);   // after a change that grew by a line
        assertThat(lines.place(row(0), () -> old).line()).isZero();       // the whole file stays the whole file
        assertThat(lines.place(row(3), () -> "import a\nimport b\n\nx = 1\ny = new(\n    2)\nz = 3\n").line()).isEqualTo(3);
        assertThat(lines.place(row(3), null).line()).isEqualTo(3); // a text nobody said: as written
    }

    @Test
    void aRewrittenStatementIsFoundInItsBlockPastAMovedImportAndAnAddedTodo() {
        NoteLines lines = new NoteLines();
        lines.rewritten("f.py", String.join("\n", "from pathlib import Path", "", "from flows import etl", "",
                "# TODO(migrate PF211): no work pool", "deployment = etl.from_source(source=str(Path(__file__).parent)).to_deployment(",
                "    name=\"nightly\",", ")", "").toCharArray());
        String old = String.join("\n", "from flows import etl", "from prefect.deployments import Deployment", "",
                "deployment = Deployment.build_from_flow(", "    flow=etl,", "    name=\"nightly\",", ")", "");
        assertThat(lines.place(row(4), () -> old).line()).isEqualTo(6);
        assertThat(lines.place(row(6), () -> old).line()).isEqualTo(7);
        assertThat(lines.place(row(1), () -> old).line()).isEqualTo(3);
    }

    // a deploy script of similar commands rewritten together: notes of the 2nd and 5th went to the 1st (same words,
    // the first of equals won), and a note on an apply that became a comment skipped the comment
    @Test
    void inABlockOfSimilarLinesEachKeepsItsPlaceAndACommandCommentedOutIsItsLine() {
        NoteLines lines = new NoteLines();
        lines.rewritten("f.py", String.join("\n", "set -e", "prefect deploy --pool default a.py:f --name a",
                "# prefect deployment apply f-deployment.yaml", "prefect deploy --pool q b.py:g --name b",
                "# TODO(migrate PF201): apply b", "prefect deploy --pool default \\", "    c.py:h", "").toCharArray());
        String old = String.join("\n", "set -e", "prefect deployment build a.py:f -n a", "prefect deployment apply f-deployment.yaml",
                "prefect deployment build b.py:g -n b -q q -a", "prefect deployment build \\", "    c.py:h", "");
        assertThat(lines.place(row(3), () -> old).line()).isEqualTo(3);
        assertThat(lines.place(row(4), () -> old).line()).isEqualTo(4);
        assertThat(lines.place(row(5), () -> old).line()).isEqualTo(6);
        assertThat(lines.place(row(2), () -> old).line()).isEqualTo(2);
    }

    // an agent script rewritten line for line: the note of `--work-queue default --api ...` went to the next line,
    // whose `--work-queue a --work-queue b` shared more words with it than its own rewrite did
    @Test
    void aBlockRewrittenLineForLineKeepsEachNoteOnItsOwnLine() {
        NoteLines lines = new NoteLines();
        lines.rewritten("f.py", String.join("\n", "#!/bin/bash", "prefect worker start --pool default --type process",
                "prefect worker start --pool p --work-queue a --work-queue b --type process", "echo done", "").toCharArray());
        String old = String.join("\n", "#!/bin/bash", "prefect agent start --work-queue default --api http://x:4200/api",
                "prefect agent start -p p -q a -q b", "echo done", "");
        assertThat(lines.place(row(2), () -> old).line()).isEqualTo(2);
        assertThat(lines.place(row(3), () -> old).line()).isEqualTo(3);
        assertThat(lines.place(row(4), () -> old).line()).isEqualTo(4);
    }

    @Test
    void everyKindOfLineEndCountsAsTheParserCountsIt() {
        for (String end : new String[] {"\n", "\r\n", "\r"}) {
            NoteLines lines = new NoteLines();
            lines.rewritten("f.py", String.join(end, "import a", "import b", "x = 1", "y = 2", "").toCharArray());
            assertThat(lines.place(row(3), () -> String.join(end, "import a", "x = 1", "y = 2", "")).line()).as(end).isEqualTo(4);
        }
    }

    @Test
    void aNoteWrittenBeforeLaterRecipesAddedImportsPointsAtItsStatementInTheResult() throws Exception {
        Path flow = project.resolve("etl.py");
        Files.writeString(flow, """
                from prefect import flow, task
                from prefect.task_runners import ConcurrentTaskRunner
                from prefect.variables import Variable


                @task
                def notify(msg):
                    print(msg)


                @flow(task_runner=ConcurrentTaskRunner())
                def etl():
                    table = Variable.get("table").value
                    audit = notify.submit("started " + table)
                    return table
                """, StandardCharsets.UTF_8);
        RewriteResult result = new RewriteEngine(RecipeCatalog.load().activate(List.of(RecipeCatalog.DEFAULT_RECIPE)),
                PrefectTarget.defaultTarget(), true).run(project);
        List<String> after = List.of(new String(result.changes().get(0).after(), StandardCharsets.UTF_8).split("\n", -1));
        // a later recipe added `from prefect.futures import wait` above: the Variable note still names its line
        assertThat(after).contains("from prefect.futures import wait");
        assertThat(result.notes()).filteredOn(n -> "BHV003".equals(n.code())).singleElement()
                .satisfies(n -> assertThat(after.get(n.line() - 1)).contains("Variable.get(\"table\")"));
    }

    @Test
    void aShellNoteBelowACommandFoldedOntoOneLinePointsAtItsCommandInTheResult() throws Exception {
        Files.writeString(project.resolve("start.sh"), String.join("\n", "#!/bin/bash",
                "prefect deployment build main.py:etl \\", "    -n etl \\", "    -q etl-queue \\", "    --apply",
                "prefect agent start -q 'etl-queue'", ""), StandardCharsets.UTF_8);
        RewriteResult result = new RewriteEngine(RecipeCatalog.load().activate(List.of(RecipeCatalog.DEFAULT_RECIPE)),
                PrefectTarget.defaultTarget(), true).run(project);
        List<String> after = List.of(new String(result.changes().get(0).after(), StandardCharsets.UTF_8).split("\n", -1));
        assertThat(result.notes()).filteredOn(n -> "PF203".equals(n.code())).isNotEmpty()
                .allSatisfy(n -> assertThat(after.get(n.line() - 1)).contains("prefect worker start"));
    }
}
