package dev.migrate.rewriters.systemd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.rewriters.text.RandomText;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UnitFileTest {
    private static final String SERVICE = """
            # /etc/systemd/system/etl.service
            [Unit]
            Description=Nightly ETL
            After=network-online.target db-ready.service

            [Service]
            Type=oneshot
            User = etl
            Environment="DB_HOST=db.internal" "DB_PASSWORD=s3cret word" MODE=full
            ExecStart=/usr/bin/python3 /opt/etl/main.py \\
                --since yesterday \\
            ; an inline comment inside the continuation
                --verbose
            ExecStart=
            ExecStart=/usr/bin/python3 /opt/etl/other.py
            not an assignment
            """;

    @Test
    void printsByteForByte() {
        assertThat(UnitFile.parse(SERVICE).print()).isEqualTo(SERVICE);
        String crlf = SERVICE.replace("\n", "\r\n");
        assertThat(UnitFile.parse(crlf).print()).isEqualTo(crlf);
        String noFinal = SERVICE.substring(0, SERVICE.length() - 1);
        assertThat(UnitFile.parse(noFinal).print()).isEqualTo(noFinal);
    }

    @Test
    void readsValuesAndPositions() {
        UnitFile f = UnitFile.parse(SERVICE);
        assertThat(f.sections()).containsExactly("Unit", "Service");
        assertThat(f.value("Service", "User")).contains("etl");
        assertThat(f.value("Unit", "After")).contains("network-online.target db-ready.service");
        // The empty ExecStart= resets the list, as systemd does.
        assertThat(f.values("Service", "ExecStart")).containsExactly("/usr/bin/python3 /opt/etl/other.py");
        int continued = f.indexesOf("Service", "ExecStart").get(0);
        assertThat(((UnitLine.Assignment) f.lines().get(continued)).value())
                .isEqualTo("/usr/bin/python3 /opt/etl/main.py      --since yesterday      --verbose");
        assertThat(f.lineNumber(continued)).isEqualTo(10);
        assertThat(f.lineNumber(continued + 1)).isEqualTo(14);
        assertThat(f.lines().get(f.lines().size() - 1)).isInstanceOf(UnitLine.Unparsed.class);
        assertThat(EnvironmentWords.parse(f.value("Service", "Environment").orElseThrow()))
                .containsExactly(Map.entry("DB_HOST", "db.internal"), Map.entry("DB_PASSWORD", "s3cret word"),
                        Map.entry("MODE", "full"));
    }

    @Test
    void withValueRewritesInPlace() {
        UnitFile f = UnitFile.parse(SERVICE).withValue("Service", "User", "prefect");
        assertThat(f.print()).isEqualTo(SERVICE.replace("User = etl", "User = prefect"));
    }

    @Test
    void withValueAddsToSectionAndKeepsLineEndings() {
        String text = "[Unit]\r\nDescription=x\r\n\r\n[Service]\r\nType=oneshot";
        UnitFile f = UnitFile.parse(text);
        assertThat(f.withValue("Unit", "After", "db.service").print())
                .isEqualTo("[Unit]\r\nDescription=x\r\nAfter=db.service\r\n\r\n[Service]\r\nType=oneshot");
        assertThat(f.withValue("Service", "User", "etl").print())
                .isEqualTo("[Unit]\r\nDescription=x\r\n\r\n[Service]\r\nType=oneshot\r\nUser=etl");
        assertThat(f.withValue("Install", "WantedBy", "timers.target").print())
                .isEqualTo(text + "\r\n\r\n[Install]\r\nWantedBy=timers.target\r\n");
    }

    @Test
    void withoutKeyRemovesAllAssignments() {
        UnitFile f = UnitFile.parse(SERVICE).withoutKey("Service", "ExecStart");
        assertThat(f.values("Service", "ExecStart")).isEmpty();
        assertThat(f.print()).doesNotContain("ExecStart").contains("not an assignment");
    }

    @Test
    void rejectsLineBreaksInValues() {
        UnitFile f = UnitFile.parse(SERVICE);
        assertThatThrownBy(() -> f.withValue("Service", "User", "a\nb"))
                .hasMessage("a unit file value cannot contain a line break: User");
    }

    @Test
    void roundTripsGeneratedInputs() {
        Random random = new Random(7);
        for (int i = 0; i < 3000; i++) {
            String text = RandomText.generate(random, 40);
            assertThat(UnitFile.parse(text).print()).as("input %s", text).isEqualTo(text);
        }
    }
}
