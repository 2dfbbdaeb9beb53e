package dev.migrate.analyzers.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CronDialectsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0 0/5 14,18 * * ?   | 0-59/5 14,18 * * *",
        "0 0/2 8-17 * * ?    | 0-59/2 8-17 * * *",
        "0 30 8/4 * * ?      | 30 8-23/4 * * *",
        "0 0 6 1/10 * ?      | 0 6 1-31/10 * *",
        "0 15 10 ? * 6       | 15 10 * * 5",
    })
    void quartzStepsFromAValueRunToTheEndOfTheField(String quartz, String unix) {
        assertThat(CronDialects.quartzToUnix(quartz)).isEqualTo(unix);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0 0/5 14,18 * * ?   | 0-59/5 14,18 * * *",
        "0 */5 * * * MON-FRI | */5 * * * 1-5",
        "@daily              | 0 0 * * *",
        "@HOURLY             | 0 * * * *",
        "@weekly             | 0 0 * * 0",
        "@annually           | 0 0 1 1 *",
    })
    void springStepsAndMacrosBecomeUnixCron(String spring, String unix) {
        assertThat(CronDialects.springToUnix(spring)).isEqualTo(unix);
    }

    // croniter reads L (whole day-of-month) and D#N (whole day-of-week) as Quartz and Spring do; they were refused
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0 0 12 L * ?        | 0 12 L * *",
        "0 15 10 L 2 ?       | 15 10 L 2 *",
        "0 0 12 ? * WED#3    | 0 12 * * 3#3",
        "0 30 9 ? * 2#1      | 30 9 * * 1#1",
        "0 30 9 ? * 1#2      | 30 9 * * 0#2",
        "0 0 6 ? JAN,JUL 7#5 | 0 6 * 1,7 6#5",
    })
    void quartzLastDayAndNthWeekdayAreKeptForCroniter(String quartz, String unix) {
        assertThat(CronDialects.quartzToUnix(quartz)).isEqualTo(unix);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0 0 12 L * ?        | 0 12 L * *",
        "0 30 9 * * 1#1      | 30 9 * * 1#1",
        "0 30 9 ? * 7#2      | 30 9 * * 0#2",
        "0 30 9 ? * FRI#3    | 30 9 * * 5#3",
    })
    void springLastDayAndNthWeekdayAreKeptForCroniter(String spring, String unix) {
        assertThat(CronDialects.springToUnix(spring)).isEqualTo(unix);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 0 0 LW * ?", "0 0 9 15W * ?", "0 0 9 L-3 * ?", "0 0 9 ? * L",
        "0 0 9 L * MON-FRI", "0 0 9 15 * 5#3"})
    void springSpecialDaysCroniterReadsOtherwiseAreAScheduleErrorNotACrash(String spring) {
        assertThatThrownBy(() -> CronDialects.springToUnix(spring))
                .isExactlyInstanceOf(ScheduleSyntaxException.class)
                .hasMessageContaining("Prefect's cron (croniter) cannot say the same");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 0 0 LW * ?", "0 0 9 15W * ?", "0 0 9 L-3 * ?", "0 0 9 ? * L"})
    void quartzSpecialDaysCroniterReadsOtherwiseStayUntranslatable(String quartz) {
        assertThatThrownBy(() -> CronDialects.quartzToUnix(quartz))
                .isExactlyInstanceOf(ScheduleSyntaxException.class)
                .hasMessageContaining("cannot say the same");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 5/0 * * * ?", "0 0 25 * * ?"})
    void invalidSpringCronIsAScheduleError(String spring) {
        assertThatThrownBy(() -> CronDialects.springToUnix(spring)).isInstanceOf(ScheduleSyntaxException.class);
    }
}
