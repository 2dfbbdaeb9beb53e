package dev.migrate.rewriters.crontab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.rewriters.text.RandomText;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CrontabFileTest {
    private static final String USER_CRONTAB = """
            # m h  dom mon dow   command
            MAILTO=ops@example.com
            SHELL = /bin/bash
            CRON_TZ="Europe/Berlin"

            */5 * * * *	/opt/etl/run.sh --fast  >> /var/log/etl.log 2>&1
            0 2 * * 1-5 flock -n /tmp/report.lock /opt/report.sh
            @reboot /opt/warmup.sh
            # 30 3 * * * /opt/old-backup.sh
            # just a note about 5 things
            0 0 1 * * printf '\\%s' x % line one%line two
            61 * * *
            """;

    @Test
    void printsUserCrontabByteForByte() {
        CrontabFile f = CrontabFile.parse(USER_CRONTAB, CrontabFormat.USER);
        assertThat(f.print()).isEqualTo(USER_CRONTAB);
        assertThat(f.lines()).extracting(l -> l.getClass().getSimpleName()).containsExactly(
                "Comment", "EnvSetting", "EnvSetting", "EnvSetting", "Blank", "Entry", "Entry", "Entry",
                "DisabledEntry", "Comment", "Entry", "Unparsed");
    }

    @Test
    void exposesEntryParts() {
        CrontabFile f = CrontabFile.parse(USER_CRONTAB, CrontabFormat.USER);
        CrontabLine.Entry e = (CrontabLine.Entry) f.lines().get(5);
        assertThat(e.schedule()).isEqualTo("*/5 * * * *");
        assertThat(e.commandText()).isEqualTo("/opt/etl/run.sh --fast  >> /var/log/etl.log 2>&1");
        assertThat(e.commandColumn()).isEqualTo(12);
        assertThat(e.user()).isNull();
        CrontabLine.EnvSetting tz = (CrontabLine.EnvSetting) f.lines().get(3);
        assertThat(tz.name()).isEqualTo("CRON_TZ");
        assertThat(tz.value()).isEqualTo("Europe/Berlin");
        CrontabLine.Entry macro = (CrontabLine.Entry) f.lines().get(7);
        assertThat(macro.schedule()).isEqualTo("@reboot");
        CrontabLine.DisabledEntry off = (CrontabLine.DisabledEntry) f.lines().get(8);
        assertThat(off.entry().schedule()).isEqualTo("30 3 * * *");
        assertThat(off.entryOffset()).isEqualTo(1);
        assertThat(((CrontabLine.Unparsed) f.lines().get(11)).problem())
                .isEqualTo("expected 5 time fields (or an @ macro) and a command, found only 4 words");
    }

    @Test
    void percentSplitsCommandAndStdin() {
        CrontabLine.Entry e = (CrontabLine.Entry) CrontabFile.parse(USER_CRONTAB, CrontabFormat.USER).lines().get(10);
        assertThat(e.shellCommand()).isEqualTo("printf '%s' x ");
        assertThat(e.stdin()).isEqualTo(" line one\nline two");
        assertThat(PercentSplit.of("date +\\%F").stdin()).isNull();
        assertThat(PercentSplit.of("date +\\%F").command()).isEqualTo("date +%F");
    }

    @Test
    void systemCrontabHasUserField() {
        String text = "17 * * * * root cd / && run-parts --report /etc/cron.hourly\r\n@daily  backup /usr/bin/backup\r\n";
        CrontabFile f = CrontabFile.parse(text, CrontabFormat.SYSTEM);
        assertThat(f.print()).isEqualTo(text);
        CrontabLine.Entry first = (CrontabLine.Entry) f.lines().get(0);
        assertThat(first.user()).isEqualTo("root");
        assertThat(first.eol()).isEqualTo("\r\n");
        assertThat(((CrontabLine.Entry) f.lines().get(1)).user()).isEqualTo("backup");
    }

    @Test
    void systemCrontabLineWithoutUserSaysTheUserColumnSeemsMissing() {
        // a user-crontab line copied into /etc/cron.d: its command lands in the user column
        String text = "30 2 * * * /opt/etl/nightly.sh\n@daily backup\n";
        CrontabFile f = CrontabFile.parse(text, CrontabFormat.SYSTEM);
        assertThat(f.print()).isEqualTo(text);
        assertThat(((CrontabLine.Unparsed) f.lines().get(0)).problem()).isEqualTo("no command after the user field: the "
                + "user column seems missing (/opt/etl/nightly.sh is read as the user); a system crontab (/etc/crontab, "
                + "/etc/cron.d) names the user that runs the job after the schedule: write it before the command, as in "
                + "`30 2 * * * root /opt/etl/nightly.sh`");
        assertThat(((CrontabLine.Unparsed) f.lines().get(1)).problem()).contains("as in `@daily root backup`");
    }

    @Test
    void userCrontabLineWithoutCommandKeepsItsMessage() {
        assertThat(((CrontabLine.Unparsed) CrontabFile.parse("@daily\n", CrontabFormat.USER).lines().get(0)).problem())
                .isEqualTo("no command after the schedule");
    }

    @Test
    void anacrontabEntries() {
        String text = "1\t5\tcron.daily\trun-parts --report /etc/cron.daily\n@monthly 15 cron.monthly run-parts /etc/cron.monthly";
        CrontabFile f = CrontabFile.parse(text, CrontabFormat.ANACRON);
        assertThat(f.print()).isEqualTo(text);
        assertThat(((CrontabLine.Entry) f.lines().get(1)).schedule()).isEqualTo("@monthly 15 cron.monthly");
    }

    @Test
    void disablesAndReenablesAnEntry() {
        String text = "SHELL=/bin/sh\r\n  0 2 * * * /opt/report.sh\r\n";
        CrontabFile f = CrontabFile.parse(text, CrontabFormat.USER);
        CrontabFile off = f.withEntryDisabled(1, "cron-report-1a2b3c4d", LocalDate.of(2026, 11, 21));
        assertThat(off.print()).isEqualTo(
                "SHELL=/bin/sh\r\n  # migrate: disabled cron-report-1a2b3c4d 2026-11-21\r\n  # 0 2 * * * /opt/report.sh\r\n");
        CrontabFile reparsed = CrontabFile.parse(off.print(), CrontabFormat.USER);
        assertThat(reparsed.lines().get(2)).isInstanceOf(CrontabLine.DisabledEntry.class);
        int marker = reparsed.markerIndexOf("cron-report-1a2b3c4d");
        assertThat(marker).isEqualTo(1);
        assertThat(reparsed.withEntryEnabled(marker).print()).isEqualTo(text);
        assertThat(off.withEntryEnabled(1).print()).isEqualTo(text);
    }

    @Test
    void disablingRequiresAnActiveEntry() {
        CrontabFile f = CrontabFile.parse("# note\n", CrontabFormat.USER);
        assertThatThrownBy(() -> f.withEntryDisabled(0, "x", LocalDate.of(2026, 1, 1)))
                .hasMessage("line 1 is not an active crontab entry");
        assertThat(f.withEntryEnabled(0)).isSameAs(f);
    }

    @Test
    void editsCommandKeepingTrailingBlanks() {
        CrontabFile f = CrontabFile.parse("0 1 * * * old  \n", CrontabFormat.USER);
        CrontabLine.Entry e = (CrontabLine.Entry) f.lines().get(0);
        assertThat(f.withLine(0, e.withCommand("new").withField(1, "3")).print()).isEqualTo("0 3 * * * new  \n");
    }

    @Test
    void visitorSeesEveryLine() {
        CrontabFile f = CrontabFile.parse(USER_CRONTAB, CrontabFormat.USER);
        List<String> kinds = f.accept(new CrontabVisitor<>() {
            public String visitBlank(CrontabLine.Blank b) { return "b"; }
            public String visitComment(CrontabLine.Comment c) { return "c"; }
            public String visitEnv(CrontabLine.EnvSetting e) { return "v"; }
            public String visitEntry(CrontabLine.Entry e) { return "e"; }
            public String visitDisabledEntry(CrontabLine.DisabledEntry d) { return "d"; }
            public String visitUnparsed(CrontabLine.Unparsed u) { return "u"; }
        });
        assertThat(String.join("", kinds)).isEqualTo("cvvvbeeedceu");
    }

    @Test
    void roundTripsGeneratedInputs() {
        Random random = new Random(20261121);
        for (int i = 0; i < 3000; i++) {
            String text = RandomText.generate(random, 40);
            for (CrontabFormat format : CrontabFormat.values()) {
                assertThat(CrontabFile.parse(text, format).print()).as("input %s", text).isEqualTo(text);
            }
        }
    }
}
