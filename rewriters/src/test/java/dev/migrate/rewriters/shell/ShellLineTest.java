package dev.migrate.rewriters.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShellLineTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "prefect agent start -q iceberg-offload",
        "sh -c \"pip install psycopg2 && prefect worker start --pool 'a b' --type process\"",
        "PREFECT_API_URL=http://x:4200/api prefect deployment build flows/a.py:main -n n -q q -a # deploy",
        "cd /opt && ./run.sh 2>&1 >> /var/log/run.log; echo $(date +%F) `hostname` ${HOME}",
        "echo 'unterminated",
        "a \\\n  b \\\r\n c",
        "cat <<EOF | crontab -\n0 * * * * x\nEOF\n",
        "",
    })
    void printsInputBackUnchanged(String text) {
        ShellLine line = ShellLine.parse(text);
        assertThat(line.print()).isEqualTo(text);
        StringBuilder joined = new StringBuilder();
        line.tokens().forEach(t -> joined.append(t.raw()));
        assertThat(joined.toString()).isEqualTo(text);
    }

    @Test
    void splitsListsAndPipelinesIntoCommandsWithQuoteRemoval() {
        ShellLine line = ShellLine.parse("FOO=1 BAR='x y' prefect agent start -q \"main queue\" && echo done | tee log");
        List<SimpleCommand> cmds = line.commands();
        assertThat(cmds).hasSize(3);
        assertThat(cmds.get(0).argv()).containsExactly("prefect", "agent", "start", "-q", "main queue");
        assertThat(cmds.get(0).assignments()).extracting(ShellToken::value).containsExactly("FOO=1", "BAR=x y");
        assertThat(cmds.get(1).argv()).containsExactly("echo", "done");
        assertThat(cmds.get(2).argv()).containsExactly("tee", "log");
    }

    @Test
    void redirectionTargetsAreNotArguments() {
        SimpleCommand c = ShellLine.parse("backup.sh --full > /tmp/out 2>&1").commands().get(0);
        assertThat(c.argv()).containsExactly("backup.sh", "--full");
    }

    @Test
    void commandSubstitutionStaysInsideItsWord() {
        SimpleCommand c = ShellLine.parse("pg_dump db > /backup/prefect_$(date +%Y%m%d).sql").commands().get(0);
        assertThat(c.argv()).containsExactly("pg_dump", "db");
    }

    @Test
    void replaceKeepsOtherBytes() {
        String text = "  prefect agent start -q q1   # keep me";
        ShellLine line = ShellLine.parse(text);
        SimpleCommand c = line.commands().get(0);
        ShellLine edited = line.replace(c.start(), c.end(), "prefect worker start --pool q1");
        assertThat(edited.print()).isEqualTo("  prefect worker start --pool q1   # keep me");
    }

    @Test
    void quoteOnlyWhenNeeded() {
        assertThat(ShellLine.quote("iceberg-offload")).isEqualTo("iceberg-offload");
        assertThat(ShellLine.quote("a b")).isEqualTo("'a b'");
        assertThat(ShellLine.quote("it's")).isEqualTo("'it'\\''s'");
    }

    @Test
    void neverLosesBytesOnRandomInput() {
        Random random = new Random(42);
        String alphabet = "ab -'\"\\$(){}`;&|<>#\n\r\t12=";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(30);
            for (int k = 0; k < len; k++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = sb.toString();
            ShellLine line = ShellLine.parse(text);
            StringBuilder joined = new StringBuilder();
            line.tokens().forEach(t -> joined.append(t.raw()));
            assertThat(joined.toString()).as("tokens of %s", text).isEqualTo(text);
            line.commands(); // must not throw
        }
    }
}
