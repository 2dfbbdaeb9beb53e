package dev.migrate.analyzers.sources.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Applicability;
import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.sources.DetectorHarness;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * PF101's applicability comes from the CLI tables the rewrite reads ({@link PrefectCliTables}): a Prefect 1 command
 * the tables give only a note for a person ({@code manual:}) is a manual finding, one they translate an unsafe fix.
 */
class Prefect1ManualCommandsScanTest {
    private static Map<Integer, Finding> pf101ByLine(String path, String text) {
        DetectorHarness h = new DetectorHarness();
        PrefectCliLineDetector d = new PrefectCliLineDetector();
        d.detect(new ScanFile(path, text), h);
        d.finish(h);
        return h.findings().stream().filter(f -> f.code().equals("PF101"))
                .collect(Collectors.toMap(f -> f.where().line(), f -> f, (a, b) -> a));
    }

    @Test
    void commandsTheTablesOnlyNoteAreManualAndSayWhy() {
        Map<Integer, Finding> found = pf101ByLine("scripts/setup.sh", """
                #!/bin/sh
                prefect backend server
                prefect create project orders
                prefect server create-tenant --name default
                prefect server config > docker-compose.yml
                prefect agent kubernetes install --rbac
                prefect agent start nomad
                """);
        assertThat(found.keySet()).containsExactlyInAnyOrder(2, 3, 4, 5, 6, 7);
        found.values().forEach(f -> assertThat(f.applicability()).as(f.message()).isEqualTo(Applicability.MANUAL));
        assertThat(found.get(2).message()).contains("no rewrite: Prefect 3 has no backends");
        assertThat(found.get(7).message()).contains("no rewrite: Prefect 3 has no Nomad worker");
    }

    @Test
    void commandsTheTablesTranslateStayUnsafeFixes() {
        Map<Integer, Finding> found = pf101ByLine("scripts/setup.sh", """
                #!/bin/sh
                prefect register --project orders -p flows/
                prefect agent docker start -l orders
                prefect agent start kubernetes --token T
                prefect run --name orders --project orders
                """);
        assertThat(found.keySet()).containsExactlyInAnyOrder(2, 3, 4, 5);
        found.values().forEach(f -> assertThat(f.applicability()).as(f.message()).isEqualTo(Applicability.UNSAFE_FIX));
        assertThat(found.values()).noneMatch(f -> f.message().contains("no rewrite"));
    }

    @Test
    void theTablesMatchTheLongestPathAndHonourOptionsOfAnotherRelease() {
        assertThat(PrefectCliTables.manualNote(List.of("agent", "start", "nomad"))).isPresent();
        // a 2.x option makes `agent start nomad` a 2.x agent serving queue nomad: translated
        assertThat(PrefectCliTables.manualNote(List.of("agent", "start", "nomad", "-q", "etl"))).isEmpty();
        assertThat(PrefectCliTables.manualNote(List.of("agent", "local", "start"))).isEmpty();
        assertThat(PrefectCliTables.manualNote(List.of("no-such-command"))).isEmpty();
    }

    @Test
    void dockerfilesAreReadUnderTheNamesTheRecipesRewrite() {
        for (String name : List.of("Dockerfile", "Dockerfile.agent", "agent.Dockerfile", "agent.dockerfile",
                "Containerfile", "Containerfile.agent", "agent.Containerfile", "agent.containerfile")) {
            assertThat(PrefectCliLineDetector.isDockerfile(name)).as(name).isTrue();
            assertThat(pf101ByLine("images/" + name, "FROM python:3.11\nCMD prefect agent docker start -l etl\n"))
                    .as(name).containsOnlyKeys(2);
        }
        for (String name : List.of("Dockerfile-agent", "dockerfile", "Dockerfiles.md", ".dockerfile", "agent.Dockerfile.md")) {
            assertThat(PrefectCliLineDetector.isDockerfile(name)).as(name).isFalse();
        }
    }
}
