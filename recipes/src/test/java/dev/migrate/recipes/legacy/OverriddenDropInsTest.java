package dev.migrate.recipes.legacy;

import static dev.migrate.recipes.legacy.LegacyTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.recipes.engine.RewriteEngine;
import dev.migrate.recipes.engine.RewriteResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flow runs the service as systemd reads it: of same-named drop-ins in /etc and /usr/lib only the /etc one applies,
 * and a unit copied to /etc hides the package's. Before, the package's override.conf was applied too (its Nice=19 and
 * environment ended up in the flow), and the package's timer was a second deployment.
 */
class OverriddenDropInsTest {
    @TempDir
    Path dir;

    private void write(String rel, String text) throws Exception {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private Map<String, String> flows() throws Exception {
        Map<String, String> out = new java.util.TreeMap<>();
        snapshot(dir).forEach((k, v) -> {
            if (k.startsWith("prefect/flows/")) {
                out.put(k, v);
            }
        });
        return out;
    }

    @Test
    void onlyTheDropInOfHighestPrecedenceIsApplied() throws Exception {
        write("usr/lib/systemd/system/etl.timer", "[Timer]\nOnCalendar=*-*-* 02:00:00\n");
        write("usr/lib/systemd/system/etl.service", "[Service]\nExecStart=/opt/etl/run.sh\n");
        write("usr/lib/systemd/system/etl.service.d/override.conf", "[Service]\nNice=19\nEnvironment=MODE=vendor\n");
        write("etc/systemd/system/etl.service.d/override.conf", "[Service]\nNice=5\n");
        RewriteResult dual = run(dir, "dual-run");
        RewriteEngine.apply(dir, dual);
        assertThat(flows().values()).singleElement().satisfies(f -> assertThat(f)
                .contains("COMMAND = 'nice -n 5 /opt/etl/run.sh'\n").doesNotContain("19"));
        assertThat(read(dir, "prefect/prefect.yaml")).doesNotContain("MODE");
    }

    @Test
    void aUnitCopiedToEtcIsTheOnlyDeployment() throws Exception {
        write("usr/lib/systemd/system/etl.timer", "[Timer]\nOnCalendar=*-*-* 02:00:00\n");
        write("usr/lib/systemd/system/etl.service", "[Service]\nExecStart=/opt/etl/run.sh\n");
        write("etc/systemd/system/etl.timer", "[Timer]\nOnCalendar=*-*-* 04:10:00\n");
        RewriteEngine.apply(dir, run(dir, "dual-run"));
        assertThat(flows()).hasSize(1);
        assertThat(read(dir, "prefect/prefect.yaml")).contains("cron: 25 4 * * *").doesNotContain("cron: 15 2 * * *");
        RewriteEngine.apply(dir, run(dir, "cutover"));
        RewriteEngine.apply(dir, run(dir, "cleanup"));
        // the package's files stay: its package owns them; the copy in /etc becomes the empty file that masks the unit
        // (before, it was deleted, and a later scan found the package's timer, at its own time, as a job to migrate)
        assertThat(read(dir, "etc/systemd/system/etl.timer")).isEmpty();
        assertThat(dir.resolve("usr/lib/systemd/system/etl.timer")).exists();
        assertThat(read(dir, "prefect/prefect.yaml")).doesNotContain("cron: 15 2 * * *");
        assertThat(run(dir, "cleanup").changes()).isEmpty();
    }

    /** Must not change: drop-ins of different names apply together, whichever directory holds them. */
    @Test
    void dropInsOfDifferentNamesAllApply() throws Exception {
        write("usr/lib/systemd/system/etl.timer", "[Timer]\nOnCalendar=*-*-* 02:00:00\n");
        write("usr/lib/systemd/system/etl.service", "[Service]\nExecStart=/opt/etl/run.sh\n");
        write("usr/lib/systemd/system/etl.service.d/10-env.conf", "[Service]\nEnvironment=MODE=vendor\n");
        write("etc/systemd/system/etl.service.d/20-nice.conf", "[Service]\nNice=5\n");
        RewriteEngine.apply(dir, run(dir, "dual-run"));
        assertThat(flows().values()).singleElement().satisfies(f -> assertThat(f).contains("COMMAND = 'nice -n 5 /opt/etl/run.sh'\n"));
        assertThat(read(dir, "prefect/prefect.yaml")).contains("MODE: vendor");
    }
}
