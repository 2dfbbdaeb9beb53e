package dev.migrate.recipes.prefectcli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.recipes.internal.Segment;
import dev.migrate.recipes.internal.ShellSegments;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoolTypeConflictsTest {
    private static ShellSegments.Result translate(String text, ShellSegments.Rewrite rewrite) {
        List<Segment> lines = new java.util.ArrayList<>();
        int start = 0;
        for (String line : text.split("\n", -1)) {
            lines.add(new Segment(start, start + line.length()));
            start += line.length() + 1;
        }
        return ShellSegments.translate(text, lines, new HashSet<>(), s -> true, CliOptions.DEFAULT, rewrite, true);
    }

    // the translation hands the pools it creates over as data, each with its type
    @Test
    void translationsNameThePoolsTheyCreate() {
        assertThat(PrefectCommandRewriter.rewrite("prefect deployment build f.py:f -n a -q q -ib kubernetes-job/prod -a",
                CliOptions.DEFAULT).creates()).containsExactly(new CreatedPool("prod", "kubernetes"));
        assertThat(PrefectCommandRewriter.rewrite("prefect agent start -q etl", CliOptions.DEFAULT).creates())
                .containsExactly(new CreatedPool("process-pool", "process"));
        assertThat(PrefectCommandRewriter.rewrite("prefect work-queue create etl", CliOptions.DEFAULT).creates())
                .containsExactly(new CreatedPool("process-pool", "process"));
        // a command that creates nothing hands nothing over
        assertThat(PrefectCommandRewriter.rewrite("prefect deployment run etl/nightly", CliOptions.DEFAULT).creates()).isEmpty();
    }

    @Test
    void aPoolCreatedWithTwoTypesIsNotedAtItsFirstCommand() {
        ShellSegments.Result r = translate("""
                prefect deployment build a.py:a -n a -q q -ib kubernetes-job/prod -a
                prefect deployment build b.py:b -n b -q q -ib docker-container/prod -a
                """, (where, text, o) -> PrefectCommandRewriter.rewrite(text, o));
        assertThat(r.notes()).filteredOn(n -> n.message().startsWith("work pool `prod` is chosen")).singleElement()
                .satisfies(n -> {
                    assertThat(n.offset()).isZero();
                    assertThat(n.manual()).isTrue();
                    assertThat(n.message()).contains("(types kubernetes, docker)");
                });
    }

    // the check reads the pools as data: a note worded otherwise (no `prefect work-pool create ...` in it) still counts
    @Test
    void notesWordedOtherwiseStillShowTheConflict() {
        ShellSegments.Result r = translate("first\nsecond", (where, text, o) -> new ShellRewrite(text + " translated",
                List.of("the pool is for you to make"), true, false,
                List.of(new CreatedPool("prod", text.equals("first") ? "process" : "docker"))));
        assertThat(r.notes()).extracting(ShellSegments.Note::message).contains("work pool `prod` is chosen for "
                + "deployments of different infrastructure (types process, docker), but a pool has one type: give each "
                + "type its own pool (--pool NAME)");
        // and a note that happens to quote such a command, creating nothing, does not
        ShellSegments.Result quoted = translate("first\nsecond", (where, text, o) -> new ShellRewrite(text, List.of(
                "prefect work-pool create prod --type " + (text.equals("first") ? "process" : "docker")), false, false));
        assertThat(quoted.notes()).noneMatch(n -> n.message().contains("is chosen for deployments"));
    }

    @Test
    void aPoolOfOneTypeIsNoConflict() {
        assertThat(PoolTypeConflicts.of(List.of(new PoolTypeConflicts.Created<>(new CreatedPool("etl", "docker"), 1),
                new PoolTypeConflicts.Created<>(new CreatedPool("etl", "docker"), 2)))).isEmpty();
    }
}
