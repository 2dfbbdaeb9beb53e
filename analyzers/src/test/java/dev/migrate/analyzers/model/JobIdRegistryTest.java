package dev.migrate.analyzers.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class JobIdRegistryTest {
    private static String claim(JobIdRegistry r, String discriminator) {
        return r.claim(JobKind.CRON, "etc/crontab", "nightly", discriminator);
    }

    @Test
    void aJobSeenOnceKeepsThePlainId() {
        JobIdRegistry r = new JobIdRegistry();
        assertThat(claim(r, "0 2 * * * a")).isEqualTo(JobIds.of(JobKind.CRON, "etc/crontab", "nightly", "0 2 * * * a"));
        assertThat(claim(r, "0 3 * * * b")).isEqualTo(JobIds.of(JobKind.CRON, "etc/crontab", "nightly", "0 3 * * * b"));
    }

    @Test
    void repeatsGetIdsOfTheirOwnInTheFormOfEveryOtherId() {
        JobIdRegistry r = new JobIdRegistry();
        List<String> ids = IntStream.range(0, 4).mapToObj(i -> claim(r, "0 2 * * * a")).toList();
        String first = JobIds.of(JobKind.CRON, "etc/crontab", "nightly", "0 2 * * * a");
        assertThat(ids).doesNotHaveDuplicates().first().isEqualTo(first);
        assertThat(ids).allSatisfy(id -> assertThat(id).matches("cron-nightly-[0-9a-f]{8}"));
        assertThat(ids.get(1)).isEqualTo(JobIds.repeat(JobKind.CRON, "etc/crontab", "nightly", first, 2));
        assertThat(ids.get(3)).isEqualTo(JobIds.repeat(JobKind.CRON, "etc/crontab", "nightly", first, 4));
    }

    @Test
    void theSameClaimsInTheSameOrderGiveTheSameIds() {
        List<String> discriminators = List.of("a", "b", "a", "c", "a", "b");
        JobIdRegistry one = new JobIdRegistry();
        JobIdRegistry two = new JobIdRegistry();
        assertThat(discriminators.stream().map(d -> claim(one, d)).toList())
                .isEqualTo(discriminators.stream().map(d -> claim(two, d)).toList())
                .doesNotHaveDuplicates();
    }

    @Test
    void registriesOfTwoFilesDoNotShareCounts() {
        JobIdRegistry a = new JobIdRegistry();
        claim(a, "x");
        assertThat(claim(new JobIdRegistry(), "x")).isEqualTo(claim(new JobIdRegistry(), "x"));
    }

    @Test
    void aPlainIdEqualToAnIdAlreadyGivenIsNotGivenTwice() {
        JobIdRegistry r = new JobIdRegistry();
        String first = claim(r, "x");
        String second = claim(r, "x");
        // A job whose own parts happen to hash to the second id (the repeat's parts) must not get it again.
        String clash = r.claim(JobKind.CRON, "etc/crontab", "nightly", first + "\0" + 2);
        assertThat(clash).isNotEqualTo(second).isNotEqualTo(first).matches("cron-nightly-[0-9a-f]{8}");
    }

    /** One mechanism: a detector that built ids itself would bring back ids that two jobs of a file share. */
    @Test
    void detectorsTakeTheirIdsFromTheRegistryOnly() throws IOException {
        Path sources = Path.of(System.getProperty("migrate.repo.root", ".."),
                "analyzers/src/main/java/dev/migrate/analyzers/sources");
        Assumptions.assumeTrue(Files.isDirectory(sources), "SKIPPED: no sources at " + sources);
        try (var files = Files.walk(sources)) {
            List<String> bypassing = files.filter(f -> f.toString().endsWith(".java")).filter(f -> {
                try {
                    return Files.readString(f).contains("JobIds.of(");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).map(f -> sources.relativize(f).toString()).toList();
            assertThat(bypassing).as("detectors calling JobIds.of instead of their file's JobIdRegistry").isEmpty();
        }
    }
}
