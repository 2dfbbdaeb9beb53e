package dev.migrate.rewriters.crontab;

import dev.migrate.rewriters.text.Lines;
import dev.migrate.rewriters.text.PhysicalLine;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns crontab text into lines. It never fails: a line cron would reject becomes
 * {@link CrontabLine.Unparsed} with the reason, so that callers can report it and carry on.
 */
final class CrontabParser {
    /** cron's own test: a name, optional blanks, '=' ; a schedule word never has '=' before its first blank. */
    private static final Pattern ENV = Pattern.compile("([^\\s=#]+)([ \\t]*)=([ \\t]*)(.*)");
    /** A word that can be a cron time field: digits, names, '*', ranges, steps and lists. */
    private static final Pattern TIME_WORD = Pattern.compile("[0-9*][0-9A-Za-z*/,\\-]*|[A-Za-z]{3}([-,][A-Za-z0-9]{1,3})*");
    private static final Pattern MACRO = Pattern.compile(
            "@(reboot|yearly|annually|monthly|weekly|daily|midnight|hourly)", Pattern.CASE_INSENSITIVE);

    private final CrontabFormat format;

    CrontabParser(CrontabFormat format) {
        this.format = format;
    }

    List<CrontabLine> parse(String text) {
        List<CrontabLine> out = new ArrayList<>();
        for (PhysicalLine line : Lines.split(text)) {
            out.add(parseLine(line.content(), line.eol()));
        }
        return out;
    }

    CrontabLine parseLine(String content, String eol) {
        int indentLen = Lines.indentLength(content);
        String indent = content.substring(0, indentLen);
        String rest = content.substring(indentLen);
        if (rest.isEmpty()) {
            return new CrontabLine.Blank(content, eol);
        }
        if (rest.startsWith("#")) {
            int hashes = 0;
            while (hashes < rest.length() && rest.charAt(hashes) == '#') {
                hashes++;
            }
            Object inner = parseEntry(rest.substring(hashes), eol);
            if (inner instanceof CrontabLine.Entry e && looksLikeSchedule(e)) {
                return new CrontabLine.DisabledEntry(indent, rest.substring(0, hashes), e);
            }
            return new CrontabLine.Comment(indent, rest, eol);
        }
        Matcher env = ENV.matcher(rest);
        if (env.matches()) {
            return new CrontabLine.EnvSetting(indent, env.group(1), env.group(2), env.group(3), env.group(4), eol);
        }
        Object parsed = parseEntry(content, eol);
        if (parsed instanceof CrontabLine.Entry e) {
            return e;
        }
        return new CrontabLine.Unparsed(content, eol, (String) parsed);
    }

    /** An {@link CrontabLine.Entry}, or a String saying what is missing. */
    private Object parseEntry(String content, String eol) {
        int pos = Lines.indentLength(content);
        String indent = content.substring(0, pos);
        if (pos == content.length()) {
            return "empty line";
        }
        int end = content.indexOf(' ', pos);
        int tab = content.indexOf('\t', pos);
        String first = content.substring(pos, minPositive(end, tab, content.length()));
        int wanted = format.fieldsFor(first) + (format.hasUser() ? 1 : 0);
        List<Word> words = new ArrayList<>();
        while (words.size() < wanted) {
            if (pos >= content.length()) {
                return expectation(words.size());
            }
            int wordEnd = pos;
            while (wordEnd < content.length() && content.charAt(wordEnd) != ' ' && content.charAt(wordEnd) != '\t') {
                wordEnd++;
            }
            int blankEnd = wordEnd;
            while (blankEnd < content.length() && (content.charAt(blankEnd) == ' ' || content.charAt(blankEnd) == '\t')) {
                blankEnd++;
            }
            words.add(new Word(content.substring(pos, wordEnd), content.substring(wordEnd, blankEnd)));
            pos = blankEnd;
        }
        if (pos >= content.length()) {
            return format.hasUser() ? missingUser(words) : "no command after the schedule";
        }
        return new CrontabLine.Entry(format, indent, words, content.substring(pos), eol);
    }

    /**
     * A system crontab line with one word after its schedule: most often a line copied from a user crontab into
     * /etc/cron.d or /etc/crontab, whose command cron would take for the user and then find no command. Says so, and
     * how the line reads with a user, rather than only that the command is missing.
     */
    private static String missingUser(List<Word> words) {
        String read = words.get(words.size() - 1).text();
        StringBuilder schedule = new StringBuilder();
        for (int i = 0; i < words.size() - 1; i++) {
            schedule.append(words.get(i).text()).append(' ');
        }
        return "no command after the user field: the user column seems missing (" + read + " is read as the user); "
                + "a system crontab (/etc/crontab, /etc/cron.d) names the user that runs the job after the schedule: "
                + "write it before the command, as in `" + schedule + "root " + read + "`";
    }

    private String expectation(int got) {
        String what = switch (format) {
            case USER -> "5 time fields (or an @ macro) and a command";
            case SYSTEM -> "5 time fields (or an @ macro), a user and a command";
            case ANACRON -> "a period, a delay, a job identifier and a command";
        };
        return "expected " + what + ", found only " + got + " word" + (got == 1 ? "" : "s");
    }

    /** Keeps prose comments ("# 5 things to do") from being read as disabled jobs. */
    private boolean looksLikeSchedule(CrontabLine.Entry e) {
        List<Word> schedule = e.scheduleWords();
        if (format == CrontabFormat.ANACRON) {
            String period = schedule.get(0).text();
            return (period.matches("[0-9]+") || MACRO.matcher(period).matches())
                    && schedule.get(1).text().matches("[0-9]+");
        }
        if (schedule.size() == 1) {
            return MACRO.matcher(schedule.get(0).text()).matches();
        }
        if (!schedule.get(0).text().matches("[0-9*][0-9*/,\\-]*")) {
            return false;
        }
        // Template headers such as "# *  *  *  *  * user-name command to be executed" describe, not disable.
        if (schedule.stream().allMatch(w -> w.text().equals("*")) && e.command().matches("(?i).*\\bcommand\\b.*")) {
            return false;
        }
        return schedule.stream().allMatch(w -> TIME_WORD.matcher(w.text()).matches());
    }

    private static int minPositive(int a, int b, int fallback) {
        int m = fallback;
        if (a >= 0) {
            m = Math.min(m, a);
        }
        if (b >= 0) {
            m = Math.min(m, b);
        }
        return m;
    }
}
