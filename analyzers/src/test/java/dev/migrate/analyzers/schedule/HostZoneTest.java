package dev.migrate.analyzers.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostZoneTest {
    @TempDir
    Path root;

    @Test
    void debiansTimezoneFileNamesTheZone() throws Exception {
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/timezone"), "# set by tzdata\n\nEurope/Paris\n");
        assertThat(HostZone.detect(root)).contains(new HostZone(ZoneId.of("Europe/Paris"), "etc/timezone:3"));
    }

    @Test
    void theLocaltimeLinkIsReadNotFollowed() throws Exception {
        Files.createDirectories(root.resolve("etc"));
        // the target does not exist on this machine: only the link's text counts
        Files.createSymbolicLink(root.resolve("etc/localtime"), Path.of("../usr/share/zoneinfo/America/New_York"));
        assertThat(HostZone.detect(root)).contains(
                new HostZone(ZoneId.of("America/New_York"), "etc/localtime -> ../usr/share/zoneinfo/America/New_York"));
        Files.delete(root.resolve("etc/localtime"));
        Files.createSymbolicLink(root.resolve("etc/localtime"), Path.of("/usr/share/zoneinfo/posix/Asia/Tokyo"));
        assertThat(HostZone.detect(root)).map(HostZone::zone).contains(ZoneId.of("Asia/Tokyo"));
    }

    @Test
    void rhel6ClockFileNamesTheZone() throws Exception {
        Files.createDirectories(root.resolve("etc/sysconfig"));
        Files.writeString(root.resolve("etc/sysconfig/clock"), "UTC=false\nZONE=\"Australia/Sydney\"\n");
        assertThat(HostZone.detect(root)).contains(new HostZone(ZoneId.of("Australia/Sydney"), "etc/sysconfig/clock:2"));
    }

    @Test
    void timezoneFileWinsOverTheLink() throws Exception {
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/timezone"), "Europe/Berlin\n");
        Files.createSymbolicLink(root.resolve("etc/localtime"), Path.of("../usr/share/zoneinfo/Europe/Paris"));
        assertThat(HostZone.detect(root)).map(HostZone::zone).contains(ZoneId.of("Europe/Berlin"));
    }

    @Test
    void nothingKnownDeclaresNoZone() throws Exception {
        assertThat(HostZone.detect(root)).isEmpty(); // no etc/
        Files.createDirectories(root.resolve("etc/sysconfig"));
        Files.writeString(root.resolve("etc/timezone"), "Mars/Olympus_Mons\n");
        Files.write(root.resolve("etc/localtime"), new byte[] {'T', 'Z', 'i', 'f', '2'}); // a copied zone file
        Files.writeString(root.resolve("etc/sysconfig/clock"), "UTC=true\n");
        assertThat(HostZone.detect(root)).isEmpty();
    }
}
