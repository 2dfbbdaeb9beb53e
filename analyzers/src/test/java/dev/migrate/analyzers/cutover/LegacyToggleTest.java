package dev.migrate.analyzers.cutover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LegacyToggleTest {
    @TempDir
    Path tmp;

    @Test
    void disableThenRestoreGivesTheSameBytesWithCrlfLatin1AndNoFinalNewline() throws Exception {
        byte[] before = ("# caf\u00e9 jobs\r\n30 2 * * * etl /opt/load.sh\r\n15 3 * * * etl /opt/marts.sh")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Path f = tmp.resolve("crontab");
        Files.write(f, before);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));

        assertThat(LegacyToggle.disable(f, 3, "marts", "2026-11-20T00:00:00Z")).isTrue();
        String text = Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(text).isEqualTo("# caf\u00e9 jobs\r\n30 2 * * * etl /opt/load.sh\r\n"
                + "# migrate: disabled marts 2026-11-20T00:00:00Z # 15 3 * * * etl /opt/marts.sh");
        assertThat(LegacyToggle.disable(f, 3, "marts", "2026-11-21T00:00:00Z")).as("twice is a no-op").isFalse();
        assertThat(Files.getPosixFilePermissions(f)).isEqualTo(PosixFilePermissions.fromString("rw-r-----"));

        assertThat(LegacyToggle.markers(tmp)).containsExactly(new DisableMarker("crontab", 3, "marts",
                "2026-11-20T00:00:00Z", "15 3 * * * etl /opt/marts.sh"));
        assertThat(LegacyToggle.restore(f, "other-job")).isZero();
        assertThat(LegacyToggle.restore(f, "marts")).isEqualTo(1);
        assertThat(Files.readAllBytes(f)).isEqualTo(before);
    }

    @Test
    void aLineThatIsNotThereIsAClearError() throws Exception {
        Path f = tmp.resolve("crontab");
        Files.writeString(f, "0 1 * * * a\n");
        assertThatThrownBy(() -> LegacyToggle.disable(f, 5, "a", "2026-01-01"))
                .isInstanceOf(CutoverException.class).hasMessageContaining("crontab:5: no such line (the file has 1)");
    }

    @Test
    void onlyExactMarkersCountAndTheirTimeIsRead() {
        assertThat(DisableMarker.parse("f", 1, "# migrate: disabled job 2026-11-20 # 0 1 * * * a")).get()
                .extracting(DisableMarker::disabledAt).hasToString("2026-11-20T00:00:00Z");
        assertThat(DisableMarker.parse("f", 1, "# migrate: disabled job")).isEmpty();
        assertThat(DisableMarker.parse("f", 1, "#0 1 * * * a")).isEmpty();
    }
}
