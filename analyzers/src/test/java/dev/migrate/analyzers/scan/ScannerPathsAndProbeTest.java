package dev.migrate.analyzers.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The scanner's per-file shortcuts give what the slower general forms gave: relative paths, the binary probe. */
class ScannerPathsAndProbeTest {
    @Test
    void relativePathsOfWalkedFilesAreWhatRelativizeGives() {
        List<String[]> cases = List.of(
                new String[] {"tree", "tree/etc/crontab"},
                new String[] {".", "./etc/crontab"},
                new String[] {"./tree", "./tree/a b/c.yaml"},
                new String[] {"../x/..", "../x/../y/prefect.yaml"},
                new String[] {"/", "/etc/crontab"},
                new String[] {"/tmp/scan", "/tmp/scan/données/flow.py"},
                new String[] {"/tmp/scan", "/tmp/scan/.gitlab-ci.yml"});
        for (String[] c : cases) {
            Path root = Path.of(c[0]);
            Path file = Path.of(c[1]);
            assertThat(Scanner.relative(root, file)).as(c[1]).isEqualTo(root.relativize(file).toString());
        }
        // a root that is the file itself (a scan of one file names it by its name), and the empty path as root
        assertThat(Scanner.relative(Path.of("/tmp/x.cron"), Path.of("/tmp/x.cron"))).isEqualTo("x.cron");
        assertThat(Scanner.relative(Path.of(""), Path.of("etc/crontab"))).isEqualTo("etc/crontab");
        // a sibling whose name starts with the root's is not under it: relativize's answer, not a cut name
        assertThat(Scanner.relative(Path.of("/tmp/scan"), Path.of("/tmp/scan2/a"))).isEqualTo("../scan2/a");
    }

    @Test
    void theBinaryProbeFindsANulAtEveryPlaceOfTheProbeAndNoneAfterIt() {
        for (int length : new int[] {0, 1, 7, 8, 9, 15, 16, 17, 100, Scanner.BINARY_PROBE - 1, Scanner.BINARY_PROBE,
                Scanner.BINARY_PROBE + 9}) {
            byte[] text = new byte[length + 3];
            java.util.Arrays.fill(text, (byte) 'a');
            assertThat(Scanner.isBinary(text, length)).as("text of %d bytes", length).isFalse();
            for (int at = 0; at < length; at++) {
                byte[] data = text.clone();
                data[at] = 0;
                assertThat(Scanner.isBinary(data, length)).as("NUL at %d of %d", at, length)
                        .isEqualTo(at < Scanner.BINARY_PROBE);
            }
            // a NUL after the file's own length (the reused buffer's stale bytes) does not count
            byte[] stale = text.clone();
            stale[length] = 0;
            assertThat(Scanner.isBinary(stale, length)).as("stale NUL after %d bytes", length).isFalse();
        }
    }

    @Test
    void theBinaryProbeAgreesWithAByteByByteSearchOnRandomBytes() {
        Random rnd = new Random(11);
        for (int t = 0; t < 3000; t++) {
            byte[] data = new byte[rnd.nextInt(300)];
            for (int i = 0; i < data.length; i++) {
                // bytes next to zero in value (0x01, 0x80, 0xff) are where a word-at-a-time test could go wrong
                int pick = rnd.nextInt(10);
                data[i] = (byte) (pick == 0 ? 0 : pick == 1 ? 1 : pick == 2 ? 0x80 : pick == 3 ? 0xff : rnd.nextInt(256));
                if (data[i] == 0 && rnd.nextInt(4) != 0) {
                    data[i] = (byte) 0x81;
                }
            }
            int length = data.length == 0 ? 0 : rnd.nextInt(data.length + 1);
            boolean nul = false;
            for (int i = 0; i < length; i++) {
                nul |= data[i] == 0;
            }
            assertThat(Scanner.isBinary(data, length)).isEqualTo(nul);
        }
    }
}
