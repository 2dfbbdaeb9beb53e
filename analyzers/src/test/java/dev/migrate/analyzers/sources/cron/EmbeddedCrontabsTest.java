package dev.migrate.analyzers.sources.cron;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.rewriters.crontab.CrontabFormat;
import org.junit.jupiter.api.Test;

class EmbeddedCrontabsTest {
    @Test
    void findsHereDocumentsFedToCrontab() {
        String script = """
                #!/bin/sh
                crontab <<EOF
                0 1 * * * /a
                EOF
                # crontab <<NOPE
                if true; then
                \tcrontab -u etl - <<-'END'
                \t*/5 * * * * /b
                \tEND
                fi
                cat <<JOBS | crontab -
                7 7 * * * /c
                JOBS
                """;
        assertThat(EmbeddedCrontabs.find(script)).containsExactly(
                new EmbeddedCrontabs.Body("0 1 * * * /a\n", 3, 0, null, CrontabFormat.USER, "shell here-document"),
                new EmbeddedCrontabs.Body("*/5 * * * * /b\n", 8, 0, "etl", CrontabFormat.USER, "shell here-document"),
                new EmbeddedCrontabs.Body("7 7 * * * /c\n", 12, 0, null, CrontabFormat.USER, "shell here-document"));
    }

    // `sudo bash -c "crontab - <<EOF ... EOF"`: the delimiter line is EOF and the quote that ends the -c script; the
    // body ran on to the end of the script
    @Test
    void aHereDocumentInsideAQuotedShellScriptEndsAtItsDelimiterAndQuote() {
        String script = """
                sudo bash -c "crontab -u etl - <<EOF
                0 1 * * * /a
                EOF"
                sudo systemctl restart cron
                """;
        assertThat(EmbeddedCrontabs.find(script)).containsExactly(
                new EmbeddedCrontabs.Body("0 1 * * * /a\n", 2, 0, "etl", CrontabFormat.USER, "shell here-document"));
    }

    @Test
    void hereDocumentsWrittenToSystemCrontabsCarryAUserField() {
        String script = """
                cat > /etc/cron.d/ingest <<CRON
                */20 * * * * root python /app/ingest.py
                CRON
                tee -a /etc/crontab >/dev/null << 'EOF'
                0 4 * * * www-data /srv/purge.sh
                EOF
                cat <<EOF > /var/spool/cron/crontabs/etl
                0 5 * * * /srv/etl.sh
                EOF
                """;
        assertThat(EmbeddedCrontabs.find(script)).containsExactly(
                new EmbeddedCrontabs.Body("*/20 * * * * root python /app/ingest.py\n", 2, 0, null, CrontabFormat.SYSTEM,
                        "shell here-document"),
                new EmbeddedCrontabs.Body("0 4 * * * www-data /srv/purge.sh\n", 5, 0, null, CrontabFormat.SYSTEM,
                        "shell here-document"),
                new EmbeddedCrontabs.Body("0 5 * * * /srv/etl.sh\n", 8, 0, "etl", CrontabFormat.USER, "shell here-document"));
    }

    @Test
    void findsLinesEchoedIntoCrontabOrACronDFile() {
        String script = """
                (crontab -l 2>/dev/null; echo "0 2 * * * /srv/run.sh \\"nightly\\"") | crontab -
                echo '30 6 * * 1 /srv/report.sh' | crontab -u reports -
                RUN echo "*/5 * * * * root /app/poll.sh" > /etc/cron.d/poll && chmod 0644 /etc/cron.d/poll
                printf '%s\\n' "0 1 * * * /skipped" | crontab -
                echo "0 3 * * * /not/installed"
                crontab -l > /tmp/backup <<EOF
                """;
        assertThat(EmbeddedCrontabs.find(script)).containsExactly(
                new EmbeddedCrontabs.Body("0 2 * * * /srv/run.sh \"nightly\"\n", 1, 31, null, CrontabFormat.USER, "shell echo"),
                new EmbeddedCrontabs.Body("30 6 * * 1 /srv/report.sh\n", 2, 6, "reports", CrontabFormat.USER, "shell echo"),
                new EmbeddedCrontabs.Body("*/5 * * * * root /app/poll.sh\n", 3, 10, null, CrontabFormat.SYSTEM, "shell echo"));
    }

    /** Alpine images write root's jobs into /etc/crontabs/root, busybox crond's table (seen in backup images). */
    @Test
    void linesWrittenToAlpinesCrontabsAreTheUsersCrontab() {
        String script = """
                RUN echo '*/10 * * * * /app/healthcheck.sh' >> /etc/crontabs/root
                cat >/etc/crontabs/backup <<EOF
                SHELL=/bin/bash
                0 3 * * * /app/backup.sh
                EOF
                """;
        assertThat(EmbeddedCrontabs.find(script)).containsExactly(
                new EmbeddedCrontabs.Body("*/10 * * * * /app/healthcheck.sh\n", 1, 10, "root", CrontabFormat.USER, "shell echo"),
                new EmbeddedCrontabs.Body("SHELL=/bin/bash\n0 3 * * * /app/backup.sh\n", 3, 0, "backup", CrontabFormat.USER,
                        "shell here-document"));
        // must not change: echoing into another file under /etc is no crontab
        assertThat(EmbeddedCrontabs.find("RUN echo '0 1 * * * x' >> /etc/motd\n")).isEmpty();
    }

    @Test
    void hereDocumentsForOtherFilesAreNotCrontabs() {
        assertThat(EmbeddedCrontabs.find("cat <<EOF > notes.txt\n0 1 * * * not cron\nEOF\n")).isEmpty();
        assertThat(EmbeddedCrontabs.find("cat > /etc/cron.daily/x <<EOF\n#!/bin/sh\nEOF\n")).isEmpty();
    }

    @Test
    void unterminatedBodyRunsToTheEnd() {
        assertThat(EmbeddedCrontabs.find("crontab - <<\"X\"\n0 0 * * * /z\n")).containsExactly(
                new EmbeddedCrontabs.Body("0 0 * * * /z\n\n", 2, 0, null, CrontabFormat.USER, "shell here-document"));
    }
}
