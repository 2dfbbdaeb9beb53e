package dev.migrate.analyzers.cutover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LegacyToggleTest {
    @TempDir
    Path tmp;

    @Test
    void disableThenRestoreGivesTheSameTextWithCrlfLatin1AndNoFinalNewline() throws Exception {
        byte[] bytes = ("# caf\u00e9 jobs\r\n30 2 * * * etl /opt/load.sh\r\n15 3 * * * etl /opt/marts.sh")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Path f = tmp.resolve("crontab");
        Files.write(f, bytes);
        String before = LegacyToggle.read(f);

        String disabled = LegacyToggle.disable(before, "crontab", 3, "marts", "2026-11-20T00:00:00Z");
        assertThat(disabled).isEqualTo("# caf\u00e9 jobs\r\n30 2 * * * etl /opt/load.sh\r\n"
                + "# migrate: disabled marts 2026-11-20T00:00:00Z # 15 3 * * * etl /opt/marts.sh");
        assertThat(LegacyToggle.disable(disabled, "crontab", 3, "marts", "2026-11-21T00:00:00Z"))
                .as("twice is a no-op").isEqualTo(disabled);

        Files.writeString(f, disabled, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(LegacyToggle.markers(tmp)).containsExactly(new DisableMarker("crontab", 3, "marts",
                "2026-11-20T00:00:00Z", "15 3 * * * etl /opt/marts.sh"));
        assertThat(LegacyToggle.restore(disabled, "other-job")).isEqualTo(disabled);
        assertThat(LegacyToggle.restore(disabled, "marts").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo(bytes);
    }

    @Test
    void aLineThatIsNotThereIsAClearError() {
        assertThatThrownBy(() -> LegacyToggle.disable("0 1 * * * a\n", "etc/crontab", 5, "a", "2026-01-01"))
                .isInstanceOf(CutoverException.class).hasMessageContaining("etc/crontab:5: no such line (the file has 1)");
    }

    @Test
    void onlyExactMarkersCountAndTheirTimeIsRead() {
        assertThat(DisableMarker.parse("f", 1, "# migrate: disabled job 2026-11-20 # 0 1 * * * a")).get()
                .extracting(DisableMarker::disabledAt).hasToString("2026-11-20T00:00:00Z");
        assertThat(DisableMarker.parse("f", 1, "# migrate: disabled job")).isEmpty();
        assertThat(DisableMarker.parse("f", 1, "#0 1 * * * a")).isEmpty();
    }
}
