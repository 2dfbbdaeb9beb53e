package dev.migrate.analyzers.sources.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.scan.ScanListener;
import dev.migrate.analyzers.scan.ScanOptions;
import dev.migrate.analyzers.scan.Scanner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Before, PF292 and BHV006 were raised for a Prefect server in a compose file or a Helm chart, never for the one a
 * systemd unit runs (vps-prefect2's prefect-server.service): the scan said nothing about pausing the schedules before
 * the upgrade, and the cutover plan's steps pointed at the unit with no rule place.
 */
class PrefectServerUnitsTest {
    @TempDir
    Path root;

    private void write(String rel, String text) throws Exception {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private Inventory scan() throws Exception {
        return Scanner.standard(ScanOptions.defaults()).scan(root, "root", ScanListener.NONE);
    }

    private static String at(Finding f) {
        return f.where().path() + ":" + f.where().line() + ":" + f.where().column() + " " + f.code();
    }

    @Test
    void aServerUnitOnAPrefect2PinGetsBothFindingsAtItsExecStart() throws Exception {
        write("etc/systemd/system/prefect-server.service", """
                [Unit]
                Description=Prefect server
                [Service]
                User=prefect
                ExecStart=/srv/venv/bin/prefect server start --host 0.0.0.0
                Restart=always
                """);
        write("requirements.txt", "prefect==2.16.9\n");
        Inventory inv = scan();
        assertThat(inv.findings()).filteredOn(f -> f.code().equals("PF292") || f.code().equals("BHV006"))
                .extracting(PrefectServerUnitsTest::at)
                .containsExactly("etc/systemd/system/prefect-server.service:5:11 BHV006",
                        "etc/systemd/system/prefect-server.service:5:11 PF292");
        assertThat(inv.findings()).filteredOn(f -> f.code().equals("BHV006")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("prefect==2.16.9").contains("pause every deployment schedule"));
    }

    @Test
    void orionStartIsPrefect2WhateverTheRequirementsSay() throws Exception {
        write("deploy/orion.service", """
                [Service]
                ExecStart=/srv/venv/bin/prefect orion start
                Restart=always
                """);
        Inventory inv = scan();
        assertThat(inv.findings()).filteredOn(f -> f.code().equals("BHV006")).singleElement()
                .satisfies(f -> assertThat(at(f)).isEqualTo("deploy/orion.service:2:11 BHV006"))
                .satisfies(f -> assertThat(f.message()).contains("`prefect orion start` exists only in Prefect 2"));
    }

    @Test
    void aServerUnitWithNothingSayingPrefect2GetsNoBhv006() throws Exception {
        write("etc/systemd/system/prefect-server.service", """
                [Service]
                ExecStart=/srv/venv/bin/prefect server start
                Restart=always
                """);
        write("requirements.txt", "prefect==3.1.2\n");
        Inventory inv = scan();
        assertThat(inv.findings()).extracting(Finding::code).contains("PF292").doesNotContain("BHV006");
    }
}
