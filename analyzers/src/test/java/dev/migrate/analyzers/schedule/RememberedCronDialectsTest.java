package dev.migrate.analyzers.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The memo of Spring and Quartz translations answers what a fresh reading answers, errors included (their message and
 * column, which become the finding's file:line:col), the first time, from the memo, and from many threads at once.
 */
class RememberedCronDialectsTest {
    /** Real Spring crons: valid ones, macros, special days, seconds, and ones that are malformed or untranslatable. */
    private static final List<String> SPRING = List.of(
            "0 0 * * * *", "0 */15 9-17 * * MON-FRI", "0 0/5 14,18 * * ?", "0 30 2 * * SUN", "0 0 0 1 1 *",
            "@daily", "@HOURLY", "@weekly", "@monthly", "@yearly", "@midnight", "  0 0 6 * * *  ",
            "0 0 12 L * ?", "0 0 12 L * *", "0 0 9 ? * MON#2", "0 0 9 * * 1#1", "0 0 9 * * 7#5",
            "0 0 12 LW * ?", "0 0 12 15W * ?", "0 0 12 L-3 * ?", "0 0 12 ? * 5L", "0 0 12 1 * 1#2",
            "*/10 * * * * *", "15 0 * * * *", "0 0 25 * * *", "0 61 * * * *", "0 0 0 32 * *", "0 0 0 * 13 *",
            "bogus", "", "0 0 * * *", "0 0 0 1 1 * 2025", "@every", "0 0 12 ? * MON-FRI/2", "0 0 8-18/2 * * *");
    /** Real Quartz crons, with years, seconds, L, W, # and malformed ones. */
    private static final List<String> QUARTZ = List.of(
            "0 0 12 * * ?", "0 15 10 ? * *", "0 15 10 * * ? *", "0 15 10 * * ? 2005", "0 15 10 ? * 6L",
            "0 15 10 ? * MON-FRI", "0 0 12 1/5 * ?", "0 11 11 11 11 ?", "0 0/5 14,18 * * ?", "0 10,44 14 ? 3 WED",
            "0 15 10 L * ?", "0 15 10 L-2 * ?", "0 15 10 15W * ?", "0 15 10 LW * ?", "0 15 10 ? * 6#3",
            "0 15 10 ? * 8#1", "1 0 12 * * ?", "0/15 * * * * ?", "0 0 12 * * *", "0 0 12 ? * ?", "x y z",
            "", "0 0 24 * * ?", "0 0 12 ? * 2#1", "0 0 6 1/10 * ?", "0 30 8/4 * * ?", "0 0 12 ? * SUN#6");

    @Test
    void springMemoAgreesWithAFreshReading() {
        agree(SPRING, CronDialects::readSpring, CronDialects::springToUnix);
    }

    @Test
    void quartzMemoAgreesWithAFreshReading() {
        agree(QUARTZ, CronDialects::readQuartz, CronDialects::quartzToUnix);
    }

    @Test
    void theTablesHoldBothTranslationsAndErrors() {
        // the comparison below is only worth something if each table exercises both outcomes
        for (List<String> table : List.of(SPRING, QUARTZ)) {
            UnaryOperator<String> read = table == SPRING ? CronDialects::readSpring : CronDialects::readQuartz;
            List<String> answers = table.stream().map(t -> answer(read, t)).toList();
            assertThat(answers).anyMatch(a -> a.startsWith("ok "));
            assertThat(answers).anyMatch(a -> a.startsWith("error "));
        }
    }

    @Test
    void manyThreadsGetTheSameAnswers() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            texts.addAll(SPRING);
        }
        List<String> fresh = texts.stream().map(t -> answer(CronDialects::readSpring, t)).toList();
        List<String> remembered = texts.parallelStream().map(t -> answer(CronDialects::springToUnix, t)).toList();
        assertThat(remembered).isEqualTo(fresh);
    }

    private static void agree(List<String> texts, UnaryOperator<String> fresh, UnaryOperator<String> remembered) {
        for (String text : texts) {
            String expected = answer(fresh, text);
            assertThat(answer(remembered, text)).as("first reading of '%s'", text).isEqualTo(expected);
            assertThat(answer(remembered, text)).as("remembered reading of '%s'", text).isEqualTo(expected);
        }
    }

    /** The translation, or the error's class, column and message, as one comparable line. */
    private static String answer(UnaryOperator<String> read, String text) {
        try {
            return "ok " + read.apply(text);
        } catch (ScheduleSyntaxException e) {
            return "error " + e.getClass().getSimpleName() + " col " + e.column() + ": " + e.getMessage();
        }
    }
}
