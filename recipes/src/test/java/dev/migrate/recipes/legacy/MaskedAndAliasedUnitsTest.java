package dev.migrate.recipes.legacy;

import static dev.migrate.recipes.legacy.LegacyTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migrate.recipes.engine.RewriteEngine;
import dev.migrate.recipes.engine.RewriteResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host dump's {@code systemctl mask etl.timer} is a link etc/systemd/system/etl.timer -> /dev/null: systemd runs no
 * job from the package's etl.timer, so no flow is made for it. An alias link (etl.service -> etl-v2.service) names the
 * service the timer starts. Before, the engine passed links by name only: the masked timer became a flow and the alias's
 * timer got no command. The links are read as text, never followed nor edited.
 */
class MaskedAndAliasedUnitsTest {
    @TempDir
    Path dir;

    private void write(String rel, String text) throws Exception {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private void link(String rel, String target) throws Exception {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        try {
            Files.createSymbolicLink(p, Path.of(target));
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "the file system refuses symbolic links: " + e);
        }
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
    void aTimerMaskedByALinkToDevNullGetsNoFlow() throws Exception {
        write("usr/lib/systemd/system/etl.timer", "[Timer]\nOnCalendar=*-*-* 02:00:00\n");
        write("usr/lib/systemd/system/etl.service", "[Service]\nExecStart=/opt/etl/run.sh\n");
        link("etc/systemd/system/etl.timer", "/dev/null");
        write("etc/systemd/system/db.timer", "[Timer]\nOnCalendar=*-*-* 03:00:00\n");
        write("etc/systemd/system/db.service", "[Service]\nExecStart=/usr/bin/vacuumdb --all\n");
        RewriteResult dual = run(dir, "dual-run");
        RewriteEngine.apply(dir, dual);
        assertThat(flows().values()).singleElement().satisfies(f -> assertThat(f).contains("COMMAND = '/usr/bin/vacuumdb --all'\n")
                .doesNotContain("/opt/etl/run.sh"));
        assertThat(read(dir, "prefect/prefect.yaml")).doesNotContain("etl");
        assertThat(Files.readSymbolicLink(dir.resolve("etc/systemd/system/etl.timer"))).isEqualTo(Path.of("/dev/null"));
        assertThat(read(dir, "usr/lib/systemd/system/etl.timer")).isEqualTo("[Timer]\nOnCalendar=*-*-* 02:00:00\n");
        assertThat(run(dir, "dual-run").changes()).isEmpty();
    }

    @Test
    void aTimerWhoseServiceIsAnAliasRunsTheAliasedService() throws Exception {
        write("etc/systemd/system/etl.timer", "[Timer]\nOnCalendar=*-*-* 02:00:00\n");
        write("usr/lib/systemd/system/etl.service", "[Service]\nExecStart=/opt/etl/run.sh\n");
        write("usr/lib/systemd/system/etl-v2.service", "[Service]\nExecStart=/opt/etl/run-v2.sh\n");
        link("etc/systemd/system/etl.service", "/usr/lib/systemd/system/etl-v2.service");
        RewriteEngine.apply(dir, run(dir, "dual-run"));
        assertThat(flows().values()).singleElement().satisfies(f -> assertThat(f).contains("COMMAND = '/opt/etl/run-v2.sh'\n"));
        assertCompiles(dir);
        assertThat(run(dir, "dual-run").changes()).isEmpty();
    }

    /** Must not change: a link outside systemd's directories is not read, and the unit of a repository stays a flow. */
    @Test
    void aLinkToDevNullOutsideTheLoadPathMasksNothing() throws Exception {
        write("deploy/etl.timer", "[Timer]\nOnCalendar=*-*-* 02:00:00\n");
        write("deploy/etl.service", "[Service]\nExecStart=/opt/etl/run.sh\n");
        link("deploy/old/etl.timer", "/dev/null");
        RewriteEngine.apply(dir, run(dir, "dual-run"));
        assertThat(flows().values()).singleElement().satisfies(f -> assertThat(f).contains("COMMAND = '/opt/etl/run.sh'\n"));
    }
}
