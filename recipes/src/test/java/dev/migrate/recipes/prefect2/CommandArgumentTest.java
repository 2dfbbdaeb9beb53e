package dev.migrate.recipes.prefect2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrate.recipes.internal.CommandJobVariable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The one string a 2.x block's list of command words becomes, checked against CPython: Prefect 3 workers split the
 * job variable with {@code shlex.split} (posix), and read a string equal to {@code shlex.join} of its words the same
 * on every platform ({@code prefect.utilities.processutils.command_from_string}). So the string the recipes write,
 * read as the Python literal they write it as, must split back into the words and be what shlex.join makes of them.
 */
class CommandArgumentTest {
    private static final List<List<String>> COMMANDS = List.of(
            List.of("python", "-m", "app", "--day", "x y"),
            List.of("sh", "-c", "echo \"it's $HOME\" && run > /tmp/out.log"),
            List.of("python", "flow.py", ""),
            List.of("--opt=val,1:2@3%4+5/6.7-8_9", "a'b", "'", "\""),
            List.of("tab\there", "new\nline", "back\\slash", "*.py", "~", "!x", "#c", "a;b", "(x)", "`id`"),
            List.of("ünïcode", "naïve space", "€"));

    private static final String CHECK = String.join("\n",
            "import ast, json, shlex, sys",
            "bad = 0",
            "for line in sys.stdin.read().splitlines():",
            "    case = json.loads(line)",
            "    for quote in ('dq', 'sq'):",
            "        joined = ast.literal_eval(case[quote])",
            "        if shlex.split(joined) != case['words'] or shlex.join(case['words']) != joined:",
            "            bad += 1",
            "            print(case, joined)",
            "print('failed', bad)");

    @Test
    void joinedCommandsSplitBackIntoTheirWordsInCPython() throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("python3", "-B", "-c", CHECK).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeThat(false).as("python3 is not on PATH; skipping the shlex round trip").isTrue();
            return;
        }
        ObjectMapper json = new ObjectMapper();
        try (OutputStream in = process.getOutputStream()) {
            for (List<String> words : COMMANDS) {
                String joined = CommandJobVariable.join(words);
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("words", words);
                c.put("dq", CommandArgument.pythonString(joined, '"'));
                c.put("sq", CommandArgument.pythonString(joined, '\''));
                in.write((json.writeValueAsString(c) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("python3 finished").isTrue();
        assertThat(out.strip()).as("shlex.split of the joined commands").isEqualTo("failed 0");
    }

    @Test
    void wordsAreQuotedOnlyWhenShlexWouldQuoteThem() {
        assertThat(CommandJobVariable.join(List.of("python", "-m", "app", "--day", "x y")))
                .isEqualTo("python -m app --day 'x y'");
        assertThat(CommandJobVariable.join(List.of("echo", "it's", ""))).isEqualTo("echo 'it'\"'\"'s' ''");
    }

    // the file's quote unless the text holds it and not the other (as repr() chooses)
    @Test
    void theLiteralKeepsTheFilesQuoteWhereItCan() {
        assertThat(CommandArgument.pythonString("python -m app --day 'x y'", '"'))
                .isEqualTo("\"python -m app --day 'x y'\"");
        assertThat(CommandArgument.pythonString("python -m app --day 'x y'", '\''))
                .isEqualTo("\"python -m app --day 'x y'\"");
        assertThat(CommandArgument.pythonString("a\"b'c", '"')).isEqualTo("\"a\\\"b'c\"");
    }
}
