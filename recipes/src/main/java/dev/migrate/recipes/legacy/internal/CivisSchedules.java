package dev.migrate.recipes.legacy.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.TreeSet;

/** Civis Platform's schedule fields as a five-field cron expression (the Civis schedule zone applies). */
public final class CivisSchedules {
    private CivisSchedules() {
    }

    /**
     * Civis: days of the week (0 = Sunday), hours, minutes, or runs per hour spread from minute 0, and days of
     * the month; an empty day list means every day.
     */
    public static String cron(JsonNode schedule) {
        TreeSet<Integer> minutes = ints(schedule.path("scheduledMinutes"));
        int perHour = schedule.path("scheduledRunsPerHour").asInt(0);
        if (perHour > 0 && 60 % perHour == 0) {
            minutes = new TreeSet<>();
            for (int m = 0; m < 60; m += 60 / perHour) {
                minutes.add(m);
            }
        }
        TreeSet<Integer> hours = ints(schedule.path("scheduledHours"));
        if (minutes.isEmpty() || hours.isEmpty()) {
            return null;
        }
        TreeSet<Integer> days = ints(schedule.path("scheduledDays"));
        TreeSet<Integer> monthDays = ints(schedule.path("scheduledDaysOfMonth"));
        String dow = days.isEmpty() || days.size() == 7 ? "*" : join(days);
        String dom = monthDays.isEmpty() ? "*" : join(monthDays);
        return join(minutes) + " " + join(hours) + " " + dom + " * " + dow;
    }

    private static TreeSet<Integer> ints(JsonNode array) {
        TreeSet<Integer> out = new TreeSet<>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
    }

    private static String join(TreeSet<Integer> values) {
        return String.join(",", values.stream().map(String::valueOf).toList());
    }

}
