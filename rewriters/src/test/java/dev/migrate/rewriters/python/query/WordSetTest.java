package dev.migrate.rewriters.python.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.rewriters.python.PythonParser;
import dev.migrate.rewriters.python.tree.Node;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WordSetTest {
    @Test
    void findsEachWordAsStringContainsWould() {
        WordSet set = WordSet.of("prefect", ".submit", "async def", "prefect.blocks.system", "é", "ab", "aab");
        String text = "from prefect.blocks import x\nasync  def f(): y.submit(1)\ncafé aab";
        long bits = set.find(text.toCharArray());
        // prefect yes, .submit yes, "async def" no (two spaces), the longer prefect word no, é yes, ab yes, aab yes
        assertEquals(0b1110011L, bits);
    }

    @Test
    void wordsWhoseFirstCharactersShareATableCellAreToldApart() {
        // "ab" and "bC" fall in one cell of the pairs table (97*31+98 == 98*31+67); "é" and "i" in one of the singles
        WordSet set = WordSet.of("ab", "bCx", "é", "中文");
        assertEquals(0b0001L, set.find("bC ab i".toCharArray()));
        assertEquals(0b0110L, set.find("bCx é".toCharArray()));
        assertEquals(0b1000L, set.find("x中文".toCharArray()));
        assertEquals(0L, set.find("中".toCharArray()));
    }

    @Test
    void wordsAtTheVeryEndAndOverlappingStartsAreFound() {
        WordSet set = WordSet.of("aaab", "b");
        assertEquals(0b11L, set.find("aaaab".toCharArray()));
        assertEquals(0b00L, set.find("aaa".toCharArray()));
        assertEquals(0L, set.find(new char[0]));
    }

    @Test
    void agreesWithStringContainsOnRandomTexts() {
        Random random = new Random(20261123);
        String alphabet = "ab.(_ \n";
        for (int round = 0; round < 2000; round++) {
            String[] words = new String[1 + random.nextInt(6)];
            for (int i = 0; i < words.length; i++) {
                words[i] = random(random, alphabet, 1 + random.nextInt(4)) + i; // the digit keeps words distinct
            }
            String text = random(random, alphabet + "0123456", random.nextInt(60));
            long expected = 0;
            for (int i = 0; i < words.length; i++) {
                if (text.contains(words[i])) {
                    expected |= 1L << i;
                }
            }
            assertEquals(expected, WordSet.of(words).find(text.toCharArray()), text + " " + String.join("|", words));
        }
    }

    @Test
    void holdsSixtyFourWordsAndRefusesMore() {
        String[] words = new String[64];
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            words[i] = "w" + i + ";";
            text.append(words[i]);
        }
        assertEquals(-1L, WordSet.of(words).find(text.toString().toCharArray()));
        assertThrows(IllegalArgumentException.class, () -> WordSet.of(words).with("another"));
        assertThrows(IllegalArgumentException.class, () -> WordSet.of("a", "a"));
        assertThrows(IllegalArgumentException.class, () -> WordSet.of(""));
    }

    @Test
    void growingKeepsTheOldBitsAndSkipsWordsAlreadyHeld() {
        WordSet set = WordSet.of("x", "y").with("y", "z");
        assertEquals(3, set.size());
        assertEquals(2, set.indexOf("z"));
        assertEquals(0b101L, set.find("x z".toCharArray()));
    }

    @Test
    void aScanStopsAtTheFirstWantedWordAndSkipsDecidedOnes() {
        WordSet set = WordSet.of("a1", "b2", "c3");
        char[] text = "b2 a1 c3".toCharArray();
        assertEquals(new WordSet.Scan(0b011L, false), set.scan(text, 0b001L, 0));
        assertEquals(new WordSet.Scan(0b100L, false), set.scan(text, 0b100L, 0b011L));
        assertEquals(new WordSet.Scan(0b111L, true), set.scan(text, 0, 0));
        assertEquals(new WordSet.Scan(0b010L, true), set.scan("b2".toCharArray(), 0b001L, 0));
    }

    @Test
    void aTreeIndexAnswersFromThePrintedTreeAndKeepsWhatItLearnt() {
        Node root = PythonParser.parse("from prefect import flow\n").module();
        WordSet set = WordSet.of("prefect", "Deployment", "flow");
        assertTrue(TreeIndex.of(root).mentions(set, 0b001L));
        assertFalse(TreeIndex.of(root).mentions(set, 0b010L));
        assertTrue(TreeIndex.of(root).mentions(set, 0b110L));
        assertFalse(TreeIndex.of(root).mentions(WordSet.of("Deployment"), 0b1L));
    }

    @Test
    void aTreeIndexAgreesWithStringContainsOverAnyOrderOfQuestions() {
        Random random = new Random(7);
        String[] words = {"ab", "b.", "a(", "(b", "_a", "ba_"};
        WordSet set = WordSet.of(words);
        for (int round = 0; round < 500; round++) {
            String text = "x = '" + random(random, "ab.(_", random.nextInt(30)) + "'\n";
            Node root = PythonParser.parse(text).module();
            for (int q = 0; q < 6; q++) {
                long wanted = 1 + random.nextInt(63);
                boolean expected = false;
                for (int i = 0; i < words.length; i++) {
                    expected |= (wanted & (1L << i)) != 0 && text.contains(words[i]);
                }
                assertEquals(expected, TreeIndex.of(root).mentions(set, wanted), text + " " + wanted);
            }
        }
    }

    private static String random(Random random, String alphabet, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
