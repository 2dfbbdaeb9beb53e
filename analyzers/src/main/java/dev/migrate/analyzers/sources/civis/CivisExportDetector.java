package dev.migrate.analyzers.sources.civis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrate.analyzers.model.Detector;
import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.Overlap;
import dev.migrate.analyzers.model.Prefilter;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.rules.Findings;
import dev.migrate.analyzers.schedule.CronText;
import dev.migrate.analyzers.sources.JobBuilder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Civis Platform scripts from a JSON export of the scripts API ({@code {"timeZone": ..., "scripts": [...]}}, each
 * script with a {@code schedule} of {@code scheduledDays}/{@code Hours}/{@code Minutes}/{@code RunsPerHour}/
 * {@code DaysOfMonth}). A script whose {@code scheduled} is false is listed as disabled with the schedule it
 * would have. Civis numbers weekdays from Sunday = 0, like cron.
 */
public final class CivisExportDetector implements Detector {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "civis";
    }

    @Override
    public Prefilter prefilter() {
        return Prefilter.keywords("scheduledHours");
    }

    @Override
    public boolean accepts(ScanFile file) {
        return file.path().endsWith(".json");
    }

    @Override
    public void detect(ScanFile file, InventorySink sink) {
        JsonNode root;
        try {
            root = JSON.readTree(file.text());
        } catch (IOException e) {
            sink.finding(Findings.of("CFG003", "Civis export is not valid JSON: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()),
                    SourceRef.file(file.path()), null));
            return;
        }
        JsonNode scripts = root == null ? null : root.get("scripts");
        if (scripts == null || !scripts.isArray()) {
            return;
        }
        String zone = root.path("timeZone").isTextual() ? root.get("timeZone").asText() : null;
        int searchFrom = 0;
        for (JsonNode script : scripts) {
            String name = script.path("name").asText(null);
            if (name == null) {
                continue;
            }
            int at = nameOffset(file.text(), name, searchFrom);
            searchFrom = Math.max(searchFrom, at + 1);
            SourceRef where = at < 0 ? SourceRef.file(file.path()) : SourceRef.at(file.path(), file.lineOf(at),
                    at - file.text().lastIndexOf('\n', at - 1));
            job(file, script, name, zone, where, sink);
        }
    }

    /** Where {@code "name": "<name>"} is written, so the job points at its script's line. */
    private static int nameOffset(String text, String name, int from) {
        Matcher m = Pattern.compile("\"name\"\\s*:\\s*\"" + Pattern.quote(JSON.valueToTree(name).toString()
                .replaceAll("^\"|\"$", "")) + "\"").matcher(text);
        return m.find(from) ? m.start() : -1;
    }

    private void job(ScanFile file, JsonNode script, String name, String zone, SourceRef where, InventorySink sink) {
        JsonNode s = script.path("schedule");
        String id = script.path("id").asText(name);
        JobBuilder job = new JobBuilder(file, JobKind.CIVIS_SCRIPT, name, where, id).overlap(Overlap.UNKNOWN)
                .command(script.hasNonNull("dockerCommand") ? script.get("dockerCommand").asText()
                        : script.hasNonNull("sqlPath") ? script.get("sqlPath").asText() : null)
                .user(script.path("author").path("username").asText(null))
                .attr("civis.id", id).attr("civis.type", script.path("type").asText(null));
        if (!s.path("scheduled").asBoolean(false)) {
            job.attr("disabled", "true");
        }
        String cron = cron(s);
        if (cron != null) {
            job.schedule(new ScheduleSpec(ScheduleSpec.Form.CRON_UNIX, cron, zone, where));
        }
        sink.job(job.build());
        sink.finding(Findings.of("CIV001", "Civis script " + name + (cron == null ? " has no schedule"
                : (s.path("scheduled").asBoolean(false) ? " runs " : " would run (schedule off) ") + cron)
                + " on Civis Platform", where, job.id()));
    }

    /** The Civis schedule as five-field cron, or null when it names no hour. */
    static String cron(JsonNode s) {
        List<Integer> hours = ints(s.path("scheduledHours"));
        if (hours.isEmpty()) {
            return null;
        }
        List<Integer> minutes = ints(s.path("scheduledMinutes"));
        int perHour = s.path("scheduledRunsPerHour").asInt(0);
        if (minutes.isEmpty() && perHour > 0) {
            for (int m = 0; m < 60; m += 60 / perHour) {
                minutes.add(m);
            }
        }
        if (minutes.isEmpty()) {
            minutes.add(0);
        }
        List<Integer> days = ints(s.path("scheduledDays"));
        List<Integer> monthDays = ints(s.path("scheduledDaysOfMonth"));
        String dow = days.isEmpty() || days.size() == 7 ? "*" : CronText.ranges(days);
        String dom = monthDays.isEmpty() ? "*" : CronText.ranges(monthDays);
        return CronText.ranges(minutes) + " " + CronText.ranges(hours) + " " + dom + " * " + dow;
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(n -> out.add(n.asInt()));
        }
        out.sort(null);
        return out;
    }
}
