package dev.migrate.rewriters.python.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.PythonParser;
import dev.migrate.rewriters.python.PythonStyle;
import dev.migrate.rewriters.python.edit.Snippets;
import dev.migrate.rewriters.python.edit.StatementEdits;
import dev.migrate.rewriters.python.edit.TreeEdits;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Space;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * An edited tree's words are counted from the version it was edited from, over the changed window of text only.
 * Under chains of edits of generated Prefect modules and of the samples' Python files, every version's answer must
 * be the one counting its whole text gives (and, with assertions on as in tests, the index itself compares each
 * recount with a full count).
 */
class TreeIndexWordsTest {
    /** Words like the recipes' own: names, dotted calls, phrases with spaces, one character, overlapping ones. */
    private static final List<String> WORD_LIST = List.of("prefect", ".submit", ".map", "Deployment",
            "build_from_flow", "task_runner", "async def", "@flow", "@task", "Variable", ".value", "infrastructure",
            "import", "(", "ee", "eee", "renamed_", "wrapped(", "# note", "storage");
    /** A set keeps its words in the order given: word {@code i} is bit {@code i}. */
    private static final WordSet WORDS = WordSet.of(WORD_LIST.toArray(String[]::new));
    private static final List<String> SHORT_WORDS = List.of("pre", "e", "ee", "(p", ".", "fect", "prefect", "x(");

    @Test
    void recountOfOneChangedWindowAgreesWithAFullCount() {
        Random random = new Random(20261124);
        String alphabet = "ep.(_ \nfrect";
        WordSet set = WordSet.of(SHORT_WORDS.toArray(String[]::new));
        for (int round = 0; round < 5000; round++) {
            String text = random(random, alphabet, random.nextInt(80));
            int from = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
            int to = from + random.nextInt(text.length() - from + 1);
            String inserted = random(random, alphabet, random.nextInt(8));
            String edited = text.substring(0, from) + inserted + text.substring(to);
            int[] before = set.count(text.toCharArray());
            assertArrayEquals(naiveCounts(set, text), before, text);
            // one changed window: the text before it and after it kept
            int[] kept = {0, 0, from, to, from + inserted.length(), text.length() - to};
            int[] after = set.recount(before, text.toCharArray(), edited.toCharArray(), kept, 2);
            assertArrayEquals(naiveCounts(set, edited), after, text + " -> " + edited);
        }
    }

    @Test
    void recountOverKeptRangesAgreesWithAFullCount() {
        Random random = new Random(28);
        String alphabet = "ep.(_ \nfrectx";
        WordSet set = WordSet.of(SHORT_WORDS.toArray(String[]::new));
        for (int round = 0; round < 5000; round++) {
            String text = random(random, alphabet, random.nextInt(120));
            // cut the text in pieces; each is kept (a shared range), replaced or dropped
            StringBuilder edited = new StringBuilder();
            int[] kept = new int[3 * 64];
            int keptCount = 0;
            for (int at = 0; at < text.length(); ) {
                int end = Math.min(text.length(), at + 1 + random.nextInt(20));
                int choice = random.nextInt(3);
                if (choice == 0) {
                    kept[3 * keptCount] = at;
                    kept[3 * keptCount + 1] = edited.length();
                    kept[3 * keptCount + 2] = end - at;
                    keptCount++;
                    edited.append(text, at, end);
                } else if (choice == 1) {
                    edited.append(random(random, alphabet, random.nextInt(6)));
                }
                at = end;
            }
            int[] after = set.recount(set.count(text.toCharArray()), text.toCharArray(), edited.toString().toCharArray(),
                    kept, keptCount);
            assertArrayEquals(naiveCounts(set, edited.toString()), after, text + " -> " + edited);
        }
    }

    @Test
    void editedGeneratedModulesAnswerAsTheirWholeText() {
        Random random = new Random(6);
        int recounted = 0;
        for (int n = 0; n < 60; n++) {
            recounted += editAndCheck(PythonParser.parse(Path.of("gen" + n + ".py"), generated(random)), random);
        }
        assertThat(recounted).as("versions whose words were recounted").isGreaterThan(150);
    }

    @Test
    void editedSampleFilesAnswerAsTheirWholeText() throws IOException {
        Path samples = Path.of(System.getProperty("migrate.repo.root", "..")).resolve("samples");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(samples)) {
            files = walk.filter(p -> p.toString().endsWith(".py")).sorted().toList();
        }
        assertThat(files).as("Python files under samples/").hasSizeGreaterThan(10);
        Random random = new Random(28);
        int recounted = 0;
        for (Path file : files) {
            PythonFile parsed = PythonParser.parse(file);
            if (!parsed.hasSyntaxErrors()) {
                recounted += editAndCheck(parsed, random);
            }
        }
        assertThat(recounted).as("versions whose words were recounted").isGreaterThan(100);
    }

    /** Edits a file a dozen times, checking the versions queried; how many of them were recounted. */
    private static int editAndCheck(PythonFile file, Random random) {
        Node root = file.module();
        agreesWithItsText(root);
        int recounted = 0;
        for (int edit = 0; edit < 12; edit++) {
            Node edited = randomEdit(root, random, file.style(), edit);
            if (edited == root) {
                continue;
            }
            root = edited;
            if (random.nextInt(3) == 0) {
                continue; // left unqueried: the next version counts its words across it
            }
            agreesWithItsText(root);
            recounted += TreeIndex.of(root).wordsRecounted() ? 1 : 0;
        }
        return recounted;
    }

    private static void agreesWithItsText(Node root) {
        String text = root.print();
        TreeIndex index = TreeIndex.of(root);
        for (int w = 0; w < WORDS.size(); w++) {
            assertThat(index.mentions(WORDS, 1L << w)).as("word %d in:\n%s", w, text)
                    .isEqualTo(text.contains(WORD_LIST.get(w)));
        }
    }

    /** Renames, wraps, inserts, removes and comments, so words both appear and disappear. */
    private static Node randomEdit(Node root, Random r, PythonStyle style, int i) {
        TreeIndex index = TreeIndex.of(root);
        List<Node> names = index.find(NodeKind.NAME);
        List<Node> lines = index.find(NodeKind.SIMPLE_LINE);
        List<Node> calls = index.find(NodeKind.CALL);
        try {
            switch (r.nextInt(5)) {
                case 0:
                    if (!names.isEmpty()) {
                        String to = List.of("renamed_" + i, "x", "prefect", "ee", "Variable").get(r.nextInt(5));
                        return TreeEdits.replace(root, names.get(r.nextInt(names.size())), Snippets.expression(to, style));
                    }
                    return root;
                case 1:
                    if (!lines.isEmpty()) {
                        Node stmt = lines.get(r.nextInt(lines.size())).nodes().get(0);
                        return StatementEdits.insertAfter(root, stmt, "y_" + i + " = load.submit(storage)", style);
                    }
                    return root;
                case 2:
                    if (!lines.isEmpty()) {
                        return StatementEdits.remove(root, lines.get(r.nextInt(lines.size())).nodes().get(0), style);
                    }
                    return root;
                case 3:
                    if (!calls.isEmpty()) {
                        Node call = calls.get(r.nextInt(calls.size()));
                        return TreeEdits.replace(root, call, Snippets.expression("wrapped(" + call.text() + ")", style));
                    }
                    return root;
                default:
                    if (!lines.isEmpty()) {
                        Node line = lines.get(r.nextInt(lines.size()));
                        return TreeEdits.replaceKeepingPrefix(root, line,
                                line.withPrefix(Space.of(
                                        line.prefix().text() + "# note " + i + "\n")));
                    }
                    return root;
            }
        } catch (IllegalArgumentException refused) {
            return root; // a statement that takes no neighbour or cannot go (`if x: y`): no edit
        }
    }

    /** A Prefect 2 module of random shape, as the rewrite bench generates them. */
    private static String generated(Random r) {
        StringBuilder out = new StringBuilder("from prefect import flow, task\n");
        if (r.nextBoolean()) {
            out.append("from prefect.deployments import Deployment\nfrom prefect.infrastructure import Process\n");
        }
        out.append("from prefect.task_runners import ConcurrentTaskRunner\n\n");
        int tasks = 1 + r.nextInt(4);
        for (int t = 0; t < tasks; t++) {
            out.append("\n@task(retries=").append(r.nextInt(4)).append(")\ndef step_").append(t)
                    .append("(x):\n    value = Variable.get('v").append(t).append("').value\n    return x + len(value)\n\n");
        }
        out.append("\n@flow(task_runner=ConcurrentTaskRunner())\n").append(r.nextBoolean() ? "async def" : "def")
                .append(" pipeline(n: int = 3):\n");
        for (int t = 0; t < tasks; t++) {
            out.append("    f").append(t).append(" = step_").append(t).append(r.nextBoolean() ? ".submit(n)\n" : ".map([n, n])\n");
        }
        out.append("    return f0\n");
        if (r.nextBoolean()) {
            out.append("\n\nif __name__ == \"__main__\":\n    d = Deployment.build_from_flow(flow=pipeline, name=\"eee\", "
                    + "infrastructure=Process())\n    d.apply()\n");
        }
        return out.toString();
    }

    private static int[] naiveCounts(WordSet set, String text) {
        int[] counts = new int[set.size()];
        for (int w = 0; w < set.size(); w++) {
            String word = SHORT_WORDS.get(w);
            for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
                counts[w]++;
            }
        }
        return counts;
    }

    private static String random(Random random, String alphabet, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
