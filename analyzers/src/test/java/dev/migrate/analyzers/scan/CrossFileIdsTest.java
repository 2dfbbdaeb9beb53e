package dev.migrate.analyzers.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobIds;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.rules.Findings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrossFileIdsTest {
    private static Job job(String id, String path, int line, List<String> dependsOn) {
        return new Job(id, JobKind.PREFECT_AGENT, "agent", SourceRef.at(path, line, 1), List.of(), null, null, Map.of(),
                null, null, dependsOn, Map.of());
    }

    @Test
    void theJobOfTheLaterFileIsRenamedWithItsFindingsAndDependents() {
        String shared = "prefect-agent-agent-0badc0de";
        // Handed over in thread order: the later file first.
        List<Job> jobs = new ArrayList<>(List.of(job(shared, "b/compose.yml", 4, List.of()),
                job("prefect-server-server-12345678", "b/compose.yml", 9, List.of(shared)),
                job(shared, "a/compose.yml", 4, List.of())));
        List<Finding> findings = new ArrayList<>(List.of(
                Findings.of("PF203", "agent", SourceRef.at("b/compose.yml", 5, 1), shared),
                Findings.of("PF203", "agent", SourceRef.at("a/compose.yml", 5, 1), shared),
                Findings.of("PF292", "server", SourceRef.at("b/compose.yml", 9, 1), "prefect-server-server-12345678")));
        CrossFileIds.distinct(jobs, findings);
        String renamed = JobIds.repeat(JobKind.PREFECT_AGENT, "b/compose.yml", "agent", shared, 2);
        assertThat(jobs).extracting(Job::id).containsExactly(renamed, "prefect-server-server-12345678", shared);
        assertThat(jobs.get(1).dependsOn()).containsExactly(renamed);
        assertThat(findings).extracting(Finding::jobId).containsExactly(renamed, shared, "prefect-server-server-12345678");
    }

    @Test
    void distinctIdsAreLeftAlone() {
        List<Job> jobs = new ArrayList<>(List.of(job("prefect-agent-a-00000001", "a.yml", 1, List.of()),
                job("prefect-agent-a-00000002", "b.yml", 1, List.of())));
        List<Job> before = List.copyOf(jobs);
        CrossFileIds.distinct(jobs, new ArrayList<>());
        assertThat(jobs).isEqualTo(before);
    }
}
