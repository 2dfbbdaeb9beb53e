package dev.migrate.analyzers.sources.cron;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmbeddedCrontabsTest {
    @Test
    void findsHereDocumentBodies() {
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
                """;
        var bodies = EmbeddedCrontabs.find(script);
        assertThat(bodies).hasSize(2);
        assertThat(bodies.get(0)).isEqualTo(new EmbeddedCrontabs.Body("0 1 * * * /a\n", 3, null));
        assertThat(bodies.get(1)).isEqualTo(new EmbeddedCrontabs.Body("*/5 * * * * /b\n", 8, "etl"));
    }

    @Test
    void unterminatedBodyRunsToTheEnd() {
        assertThat(EmbeddedCrontabs.find("crontab - <<\"X\"\n0 0 * * * /z\n"))
                .containsExactly(new EmbeddedCrontabs.Body("0 0 * * * /z\n\n", 2, null));
    }
}
