package dev.migrate.rewriters.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Real unit files written by others (the distribution's), as a round-trip corpus we did not write. */
class HostUnitFilesRoundTripTest {
    @Test
    void everyInstalledUnitFilePrintsBackUnchanged() throws IOException {
        Path dir = Path.of("/lib/systemd/system");
        Assumptions.assumeTrue(Files.isDirectory(dir), "SKIPPED: no /lib/systemd/system on this machine");
        List<Path> units;
        try (Stream<Path> s = Files.list(dir)) {
            units = s.filter(p -> p.toString().matches(".*\\.(service|timer|socket|target|mount|path)$"))
                    .filter(Files::isRegularFile).sorted().toList();
        }
        Assumptions.assumeTrue(!units.isEmpty(), "SKIPPED: no unit files in /lib/systemd/system");
        for (Path p : units) {
            String text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
            UnitFile unit = UnitFile.parse(text);
            assertThat(unit.print()).as(p.toString()).isEqualTo(text);
            assertThat(unit.lines()).as(p.toString()).noneMatch(UnitLine.Unparsed.class::isInstance);
        }
    }
}
