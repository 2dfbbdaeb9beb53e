package dev.migrate.analyzers.schedule;

import com.cronutils.mapper.CronMapper;
import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import java.util.Locale;
import java.util.Map;

/** Converts Spring and Quartz cron text to Unix cron through cron-utils' mappers. */
public final class CronDialects {
    private static final CronParser QUARTZ = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));
    private static final CronParser SPRING = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.SPRING));
    /** Spring's macros (since Spring 5.3), which cron-utils does not read, as the Unix cron they stand for. */
    private static final Map<String, String> SPRING_MACROS = Map.of("@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *",
            "@monthly", "0 0 1 * *", "@weekly", "0 0 * * 0", "@daily", "0 0 * * *", "@midnight", "0 0 * * *",
            "@hourly", "0 * * * *");
    /** The largest value of each Unix cron field, for the open end of a Quartz step such as {@code 0/5}. */
    private static final int[] UNIX_FIELD_MAX = {59, 23, 31, 12, 6};

    private CronDialects() {
    }

    /**
     * The Unix equivalent of a Quartz expression; throws {@link ScheduleSyntaxException} when it is invalid or
     * uses something five-field cron cannot say (seconds other than 0, years, L, W, #).
     */
    public static String quartzToUnix(String quartz) {
        Cron cron = parse(QUARTZ, quartz, "Quartz");
        return toUnix(cron, quartz);
    }

    public static String springToUnix(String spring) {
        String macro = SPRING_MACROS.get(spring.strip().toLowerCase(Locale.ROOT));
        if (macro != null) {
            return macro;
        }
        String[] fields = spring.strip().split("\\s+");
        if (fields.length == 6) {
            // cron-utils reads some of these and then fails to map them (an IllegalArgumentException it does not
            // document), others it rejects as invalid characters: one message for all, as for Quartz
            rejectSpecialDays(fields[3] + " " + fields[5], spring);
        }
        Cron cron = parse(SPRING, spring, "Spring");
        Cron quartz;
        try {
            quartz = CronMapper.fromSpringToQuartz().map(cron);
        } catch (IllegalArgumentException e) {
            throw new ScheduleSyntaxException("cannot express Spring cron '" + spring + "' as Unix cron: " + e.getMessage(), 0);
        }
        return toUnix(quartz, spring);
    }

    private static Cron parse(CronParser parser, String text, String dialect) {
        try {
            return parser.parse(text.strip()).validate();
        } catch (IllegalArgumentException e) {
            throw new ScheduleSyntaxException("invalid " + dialect + " cron '" + text + "': " + e.getMessage(), 0);
        }
    }

    private static String toUnix(Cron quartz, String original) {
        String[] fields = quartz.asString().split("\\s+");
        if (!fields[0].equals("0")) {
            throw new ScheduleSyntaxException("'" + original + "' fires on seconds (" + fields[0]
                    + "); Unix cron has minute resolution", 0);
        }
        if (fields.length > 6 && !fields[6].equals("*")) {
            throw new ScheduleSyntaxException("'" + original + "' restricts years (" + fields[6]
                    + "); Unix cron cannot", 0);
        }
        rejectSpecialDays(fields[3] + " " + fields[5], original);
        String unix;
        try {
            unix = CronMapper.fromQuartzToUnix().map(quartz).asString();
        } catch (IllegalArgumentException e) {
            throw new ScheduleSyntaxException("cannot express '" + original + "' as Unix cron: " + e.getMessage(), 0);
        }
        return openEndedSteps(unix.replace('?', '*'));
    }

    private static void rejectSpecialDays(String days, String original) {
        if (days.toUpperCase(Locale.ROOT).matches(".*[LW#].*")) {
            throw new ScheduleSyntaxException("'" + original + "' uses L, W or # in its day fields; Unix cron cannot", 0);
        }
    }

    /**
     * Quartz and Spring read {@code 0/5} as "from 0, every 5, to the end of the field"; Vixie cron wants a range
     * before a step, so it becomes {@code 0-59/5} (cron-utils' mapper copies the text unchanged).
     */
    private static String openEndedSteps(String unix) {
        String[] fields = unix.split(" ");
        for (int i = 0; i < fields.length && i < UNIX_FIELD_MAX.length; i++) {
            StringBuilder field = new StringBuilder();
            for (String part : fields[i].split(",", -1)) {
                if (field.length() > 0) {
                    field.append(',');
                }
                field.append(part.matches("\\d+/\\d+") ? part.replace("/", "-" + UNIX_FIELD_MAX[i] + "/") : part);
            }
            fields[i] = field.toString();
        }
        return String.join(" ", fields);
    }
}
