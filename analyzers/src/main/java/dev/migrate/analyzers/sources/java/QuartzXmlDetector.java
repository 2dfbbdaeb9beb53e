package dev.migrate.analyzers.sources.java;

import dev.migrate.analyzers.model.Detector;
import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.Prefilter;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.rules.Findings;
import dev.migrate.analyzers.schedule.ShownSchedules;
import dev.migrate.analyzers.sources.JobBuilder;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Quartz XML job definitions ({@code job_scheduling_data} / {@code quartz_data.xml}): each {@code <cron>} or
 * {@code <simple>} trigger is a job, joined to its {@code <job>} by name and group. Read with SAX, with
 * external entities and DTDs disabled, so a scanned file can never make us fetch or read anything else.
 */
public final class QuartzXmlDetector implements Detector {
    @Override
    public String name() {
        return "quartz-xml";
    }

    @Override
    public Prefilter prefilter() {
        return Prefilter.keywords("job-scheduling-data", "job_scheduling_data");
    }

    @Override
    public boolean accepts(ScanFile file) {
        return file.fileName().endsWith(".xml");
    }

    /** An element with its child texts, where it starts, and where each child element starts ({line, column}). */
    record Element(String tag, Map<String, String> fields, int line, int column, Map<String, int[]> at) {
        SourceRef where(String path, String child) {
            int[] p = at.getOrDefault(child, new int[] {line, column});
            return SourceRef.at(path, p[0], p[1]);
        }
    }

    @Override
    public void detect(ScanFile file, InventorySink sink) {
        Collector c = new Collector(file.text());
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.newSAXParser().parse(new InputSource(new StringReader(file.text())), c);
        } catch (SAXParseException e) {
            sink.finding(Findings.of("CFG003", "XML syntax error: " + e.getMessage() + "; triggers in this file are "
                    + "not in the inventory", SourceRef.at(file.path(), Math.max(0, e.getLineNumber()),
                    Math.max(0, e.getColumnNumber())), null));
            return;
        } catch (SAXException | ParserConfigurationException | IOException e) {
            sink.finding(Findings.of("CFG003", "XML could not be read: " + e.getMessage(), SourceRef.file(file.path()), null));
            return;
        }
        Map<String, Element> jobs = new HashMap<>();
        c.jobs.forEach(j -> jobs.put(j.fields().getOrDefault("group", "DEFAULT") + "." + j.fields().get("name"), j));
        for (Element t : c.triggers) {
            trigger(file, t, jobs.get(t.fields().getOrDefault("job-group", "DEFAULT") + "." + t.fields().get("job-name")), sink);
        }
    }

    private void trigger(ScanFile file, Element t, Element jobDef, InventorySink sink) {
        String name = t.fields().getOrDefault("name", "trigger");
        String group = t.fields().getOrDefault("group", "DEFAULT");
        // The job is defined by its schedule; it is named after the Quartz job it fires (group.name).
        SourceRef where = t.where(file.path(), t.tag().equals("cron") ? "cron-expression" : "repeat-interval");
        String jobName = t.fields().get("job-name");
        String shown = jobName == null ? group + "." + name : t.fields().getOrDefault("job-group", "DEFAULT") + "." + jobName;
        JobBuilder job = new JobBuilder(file, JobKind.QUARTZ, shown, where, "xml " + group + "." + name);
        String tz = t.fields().get("time-zone");
        if (t.tag().equals("cron")) {
            String expr = t.fields().getOrDefault("cron-expression", "?");
            ScheduleSpec spec = new ScheduleSpec(ScheduleSpec.Form.CRON_QUARTZ, expr, tz, where);
            job.schedule(spec);
            sink.finding(Findings.of("JAV010", "Quartz cron trigger " + group + "." + name + " " + ShownSchedules.of(spec),
                    where, job.id()));
            if (SpringSchedules.hasSubMinuteSeconds(expr)) {
                sink.finding(Findings.of("JAV005", "Quartz cron \"" + expr + "\" "
                        + SpringSchedules.subMinuteSeconds(expr, true), where, job.id()));
            }
        } else {
            String iso = interval(t);
            job.schedule(new ScheduleSpec(iso == null ? ScheduleSpec.Form.UNKNOWN : ScheduleSpec.Form.INTERVAL,
                    iso == null ? "?" : iso, tz, where));
            job.attr("repeatCount", t.fields().get("repeat-count"));
            sink.finding(Findings.of("JAV011", "Quartz simple trigger " + group + "." + name + " (every " + iso + ")",
                    where, job.id()));
        }
        job.attr("trigger", group + "." + name)
                .attr("misfire", t.fields().get("misfire-instruction"));
        if (jobDef != null) {
            job.command(jobDef.fields().get("job-class")).attr("jobClass", jobDef.fields().get("job-class"))
                    .attr("durability", jobDef.fields().get("durability"));
        }
        sink.job(job.build());
    }

    /**
     * A simple trigger's repeat-interval is in milliseconds; a calendar-interval trigger's is counted in its
     * repeat-interval-unit (DAY, WEEK, MONTH...), written as an ISO-8601 period such as {@code P1M}.
     */
    static String interval(Element t) {
        String n = t.fields().get("repeat-interval");
        if (n == null || !n.strip().matches("\\d+")) {
            return n;
        }
        long v = Long.parseLong(n.strip());
        if (t.tag().equals("simple")) {
            return Duration.ofMillis(v).toString();
        }
        return switch (t.fields().getOrDefault("repeat-interval-unit", "DAY")) {
            case "MILLISECOND" -> Duration.ofMillis(v).toString();
            case "SECOND" -> Duration.ofSeconds(v).toString();
            case "MINUTE" -> Duration.ofMinutes(v).toString();
            case "HOUR" -> Duration.ofHours(v).toString();
            case "WEEK" -> "P" + v + "W";
            case "MONTH" -> "P" + v + "M";
            case "YEAR" -> "P" + v + "Y";
            default -> "P" + v + "D";
        };
    }

    /** Collects {@code <job>} and trigger elements with their direct child texts. */
    private static final class Collector extends DefaultHandler {
        final List<Element> jobs = new ArrayList<>();
        final List<Element> triggers = new ArrayList<>();
        private Locator locator;
        private Element current;
        private final StringBuilder text = new StringBuilder();
        private final String source;
        private final int[] lineStarts;

        Collector(String source) {
            this.source = source;
            lineStarts = starts(source);
        }

        private static int[] starts(String s) {
            int n = 1;
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) == '\n') {
                    n++;
                }
            }
            int[] st = new int[n];
            int k = 1;
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) == '\n') {
                    st[k++] = i + 1;
                }
            }
            return st;
        }

        /** SAX reports where a start tag ends; findings point at its '<'. Returns {line, column}, 1-based. */
        private int[] tagStart(int line, int column) {
            int offset = Math.min(source.length(), lineStarts[Math.max(0, Math.min(line, lineStarts.length) - 1)] + column - 1);
            int lt = source.lastIndexOf('<', Math.max(0, offset - 1));
            if (lt < 0) {
                return new int[] {line, column};
            }
            int l = java.util.Arrays.binarySearch(lineStarts, lt);
            l = l >= 0 ? l : -l - 2;
            return new int[] {l + 1, lt - lineStarts[l] + 1};
        }

        @Override
        public void setDocumentLocator(Locator l) {
            locator = l;
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes attributes) {
            String tag = local.isEmpty() ? qName : local;
            if (tag.equals("job") || tag.equals("cron") || tag.equals("simple") || tag.equals("calendar-interval")) {
                int[] at = tagStart(locator.getLineNumber(), locator.getColumnNumber());
                current = new Element(tag, new HashMap<>(), at[0], at[1], new HashMap<>());
                (tag.equals("job") ? jobs : triggers).add(current);
            } else if (current != null) {
                current.at().putIfAbsent(tag, tagStart(locator.getLineNumber(), locator.getColumnNumber()));
            }
            text.setLength(0);
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            text.append(ch, start, length);
        }

        @Override
        public void endElement(String uri, String local, String qName) {
            String tag = local.isEmpty() ? qName : local;
            if (current != null && tag.equals(current.tag())) {
                current = null;
            } else if (current != null) {
                current.fields().putIfAbsent(tag, text.toString().strip());
            }
            text.setLength(0);
        }

        @Override
        public org.xml.sax.InputSource resolveEntity(String publicId, String systemId) {
            return new InputSource(new StringReader(""));
        }
    }
}
