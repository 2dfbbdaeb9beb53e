package dev.migrate.analyzers.schedule;

import com.cronutils.mapper.CronMapper;
import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;

/** Converts Spring and Quartz cron text to Unix cron through cron-utils' mappers. */
public final class CronDialects {
    private static final CronParser QUARTZ = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));
    private static final CronParser SPRING = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.SPRING));

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
        Cron cron = parse(SPRING, spring, "Spring");
        return toUnix(CronMapper.fromSpringToQuartz().map(cron), spring);
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
        String days = fields[3] + " " + fields[5];
        if (days.matches(".*[LW#].*")) {
            throw new ScheduleSyntaxException("'" + original + "' uses L, W or # in its day fields; Unix cron cannot", 0);
        }
        String unix;
        try {
            unix = CronMapper.fromQuartzToUnix().map(quartz).asString();
        } catch (IllegalArgumentException e) {
            throw new ScheduleSyntaxException("cannot express '" + original + "' as Unix cron: " + e.getMessage(), 0);
        }
        return unix.replace('?', '*');
    }
}
