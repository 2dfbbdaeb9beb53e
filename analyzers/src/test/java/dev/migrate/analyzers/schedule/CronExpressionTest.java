package dev.migrate.analyzers.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CronExpressionTest {
    @Test
    void readsListsRangesStepsAndNames() {
        CronExpression e = CronExpression.parse("0,30 9-17/2 * jan-mar MON-fri");
        assertThat(e.matches(CronField.MINUTE, 30)).isTrue();
        assertThat(e.matches(CronField.HOUR, 11)).isTrue();
        assertThat(e.matches(CronField.HOUR, 10)).isFalse();
        assertThat(e.matches(CronField.MONTH, 3)).isTrue();
        assertThat(e.matches(CronField.MONTH, 4)).isFalse();
        assertThat(e.matches(CronField.DAY_OF_WEEK, 5)).isTrue();
        assertThat(e.matches(CronField.DAY_OF_WEEK, 6)).isFalse();
    }

    @Test
    void sundayIsZeroOrSeven() {
        assertThat(CronExpression.parse("0 0 * * 7").matches(CronField.DAY_OF_WEEK, 0)).isTrue();
        assertThat(CronExpression.parse("0 0 * * 0-7").full(CronField.DAY_OF_WEEK)).isTrue();
    }

    @Test
    void macrosExpand() {
        assertThat(CronExpression.parse("@daily").text()).isEqualTo("0 0 * * *");
        assertThat(CronExpression.parse("@Weekly").text()).isEqualTo("0 0 * * 0");
    }

    @Test
    void starredAndFullAreDifferentFacts() {
        CronExpression e = CronExpression.parse("0 0 */2 * 1-7");
        assertThat(e.starred(CronField.DAY_OF_MONTH)).isTrue();
        assertThat(e.full(CronField.DAY_OF_MONTH)).isFalse();
        assertThat(e.starred(CronField.DAY_OF_WEEK)).isFalse();
        assertThat(e.full(CronField.DAY_OF_WEEK)).isTrue();
        assertThat(CronExpression.parse("*/5 3 * * *").wildcardTime()).isTrue();
        assertThat(CronExpression.parse("5 3 * * *").wildcardTime()).isFalse();
    }

    @Test
    void errorsNameTheFieldAndColumn() {
        assertError("61 * * * *", "61 is out of range for the minute field (0-59)", 0);
        assertError("0  25 * * *", "25 is out of range for the hour field (0-23)", 3);
        assertError("0 0 * * 1,Fri,xyz", "'xyz' is not a valid day-of-week value", 14);
        assertError("5/15 * * * *", "a step (/15) needs a range or * before it in the minute field: write 5-59/15", 0);
        assertError("*/0 * * * *", "bad step '0' in the minute field: it must be a positive number", 2);
        assertError("0 0 * *", "expected 5 cron fields (minute hour day-of-month month day-of-week), found 4", 0);
        assertError("0 5-1 * * *", "range 5-1 in the hour field runs backwards", 2);
        assertError("@fortnightly", "unknown cron macro @fortnightly; use @yearly, @monthly, @weekly, @daily, @hourly or @reboot", 0);
        assertError("0 0 1,,2 * *", "empty list item in the day-of-month field", 6);
    }

    private static void assertError(String expr, String message, int column) {
        assertThatThrownBy(() -> CronExpression.parse(expr)).isInstanceOfSatisfying(ScheduleSyntaxException.class, e -> {
            assertThat(e.getMessage()).isEqualTo(message);
            assertThat(e.column()).as("column").isEqualTo(column);
        });
    }
}
