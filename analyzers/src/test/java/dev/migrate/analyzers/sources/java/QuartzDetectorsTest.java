package dev.migrate.analyzers.sources.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.sources.DetectorHarness;
import org.junit.jupiter.api.Test;

class QuartzDetectorsTest {
    @Test
    void javaCronAndSimpleTriggers() {
        String src = """
                import static org.quartz.CronScheduleBuilder.cronSchedule;
                import static org.quartz.JobBuilder.newJob;
                import static org.quartz.SimpleScheduleBuilder.*;
                import static org.quartz.TriggerBuilder.newTrigger;
                import java.util.TimeZone;
                import org.quartz.*;

                public class Setup {
                    @DisallowConcurrentExecution
                    static class Export implements Job { public void execute(JobExecutionContext c) {} }

                    void cron(Scheduler s) throws SchedulerException {
                        JobDetail job = newJob(Export.class).withIdentity("export").build();
                        s.scheduleJob(job, newTrigger().withIdentity("export-nightly", "ops")
                                .withSchedule(cronSchedule("0 0 3 ? * SUN").inTimeZone(TimeZone.getTimeZone("UTC")))
                                .build());
                    }

                    void simple(Scheduler s) throws SchedulerException {
                        s.scheduleJob(newTrigger().withIdentity("ping")
                                .withSchedule(repeatMinutelyForever(5)).forJob("pinger").build());
                        s.scheduleJob(newTrigger().withIdentity("burst")
                                .withSchedule(simpleSchedule().withIntervalInSeconds(20).withRepeatCount(3)
                                        .withMisfireHandlingInstructionNextWithRemainingCount()).build());
                    }
                }
                """;
        assertThat(DetectorHarness.run(new QuartzJavaDetector(), "ops/src/main/java/Setup.java", src)).isEqualTo("""
                job quartz-export-nightly-be529463 quartz 'export-nightly' at ops/src/main/java/Setup.java:15:31
                  schedule CRON_QUARTZ '0 0 3 ? * SUN' tz=UTC at ops/src/main/java/Setup.java:15:31
                  command Export
                  overlap SKIP
                  attrs {jobClass=Export, trigger=export-nightly}
                job quartz-pinger-153eb2c1 quartz 'pinger' at ops/src/main/java/Setup.java:21:31
                  schedule INTERVAL 'PT5M' at ops/src/main/java/Setup.java:21:31
                  overlap UNKNOWN
                  attrs {trigger=ping}
                job quartz-burst-c165f663 quartz 'burst' at ops/src/main/java/Setup.java:23:31
                  schedule INTERVAL 'PT20S' at ops/src/main/java/Setup.java:23:31
                  overlap UNKNOWN
                  attrs {misfire=NextWithRemainingCount, repeatCount=3, trigger=burst}
                ops/src/main/java/Setup.java:15:31 JAV010 Quartz cron trigger export-nightly (0 0 3 ? * SUN) (UTC) [quartz-export-nightly-be529463]
                ops/src/main/java/Setup.java:21:31 JAV011 Quartz simple trigger pinger (every PT5M) [quartz-pinger-153eb2c1]
                ops/src/main/java/Setup.java:23:31 JAV011 Quartz simple trigger burst (every PT20S) [quartz-burst-c165f663]
                """);
    }

    /** CronScheduleBuilder's daily, weekly and monthly shortcuts were no trigger at all: the jobs were missed. */
    @Test
    void javaCronShortcutsAreTheCronTheyBuild() {
        String src = """
                import static org.quartz.CronScheduleBuilder.*;
                import static org.quartz.TriggerBuilder.newTrigger;
                import org.quartz.*;

                public class Shortcuts {
                    void plan(Scheduler s, int hour) throws SchedulerException {
                        s.scheduleJob(newTrigger().withIdentity("daily").withSchedule(dailyAtHourAndMinute(10, 42)).build());
                        s.scheduleJob(newTrigger().withIdentity("weekly")
                                .withSchedule(weeklyOnDayAndHourAndMinute(DateBuilder.MONDAY, 6, 5)).build());
                        s.scheduleJob(newTrigger().withIdentity("monthly").withSchedule(monthlyOnDayAndHourAndMinute(1, 0, 30)).build());
                        s.scheduleJob(newTrigger().withIdentity("computed").withSchedule(dailyAtHourAndMinute(hour, 0)).build());
                    }
                }
                """;
        String out = DetectorHarness.run(new QuartzJavaDetector(), "app/src/main/java/Shortcuts.java", src);
        assertThat(out).contains("schedule CRON_QUARTZ '0 42 10 ? * *'", "schedule CRON_QUARTZ '0 5 6 ? * 2'",
                "schedule CRON_QUARTZ '0 30 0 1 * ?'", "schedule UNKNOWN 'dailyAtHourAndMinute(hour, 0)'");
        assertThat(dev.migrate.analyzers.schedule.CronDialects.quartzToUnix("0 5 6 ? * 2")).isEqualTo("5 6 * * 1");
    }

    @Test
    void xmlJobSchedulingData() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <job-scheduling-data xmlns="http://www.quartz-scheduler.org/xml/JobSchedulingData" version="2.0">
                  <schedule>
                    <job>
                      <name>purge</name>
                      <job-class>com.acme.PurgeJob</job-class>
                    </job>
                    <trigger>
                      <cron>
                        <name>purge-nightly</name>
                        <job-name>purge</job-name>
                        <cron-expression>0 30 23 * * ?</cron-expression>
                      </cron>
                    </trigger>
                    <trigger>
                      <simple>
                        <name>purge-often</name>
                        <job-name>purge</job-name>
                        <repeat-count>-1</repeat-count>
                        <repeat-interval>60000</repeat-interval>
                      </simple>
                    </trigger>
                  </schedule>
                </job-scheduling-data>
                """;
        assertThat(DetectorHarness.run(new QuartzXmlDetector(), "conf/quartz_data.xml", xml)).isEqualTo("""
                job quartz-default-purge-a7a2ca66 quartz 'DEFAULT.purge' at conf/quartz_data.xml:12:9
                  schedule CRON_QUARTZ '0 30 23 * * ?' at conf/quartz_data.xml:12:9
                  command com.acme.PurgeJob
                  overlap UNKNOWN
                  attrs {jobClass=com.acme.PurgeJob, trigger=DEFAULT.purge-nightly}
                job quartz-default-purge-399440cd quartz 'DEFAULT.purge' at conf/quartz_data.xml:20:9
                  schedule INTERVAL 'PT1M' at conf/quartz_data.xml:20:9
                  command com.acme.PurgeJob
                  overlap UNKNOWN
                  attrs {jobClass=com.acme.PurgeJob, repeatCount=-1, trigger=DEFAULT.purge-often}
                conf/quartz_data.xml:12:9 JAV010 Quartz cron trigger DEFAULT.purge-nightly (0 30 23 * * ?) [quartz-default-purge-a7a2ca66]
                conf/quartz_data.xml:20:9 JAV011 Quartz simple trigger DEFAULT.purge-often (every PT1M) [quartz-default-purge-399440cd]
                """);
    }

    @Test
    void xmlCalendarIntervalTriggerUsesItsUnit() {
        String xml = """
                <job-scheduling-data><schedule><trigger><calendar-interval>
                  <name>monthly-close</name><job-name>close</job-name>
                  <repeat-interval>1</repeat-interval><repeat-interval-unit>MONTH</repeat-interval-unit>
                </calendar-interval></trigger></schedule></job-scheduling-data>
                """;
        assertThat(DetectorHarness.run(new QuartzXmlDetector(), "quartz_data.xml", xml))
                .contains("job quartz-default-close-", "'DEFAULT.close' at quartz_data.xml:3:3",
                        "schedule INTERVAL 'P1M' at quartz_data.xml:3:3", "JAV011 Quartz simple trigger DEFAULT.monthly-close (every P1M)");
    }

    @Test
    void xmlWithExternalEntityIsNotResolved() {
        String xml = """
                <?xml version="1.0"?>
                <!DOCTYPE job-scheduling-data [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <job-scheduling-data><schedule><trigger><cron><name>&x;</name>
                <cron-expression>0 0 1 * * ?</cron-expression></cron></trigger></schedule></job-scheduling-data>
                """;
        String out = DetectorHarness.run(new QuartzXmlDetector(), "q.xml", xml);
        assertThat(out).doesNotContain("root:").contains("JAV010");
    }

    @Test
    void malformedXmlIsAFinding() {
        assertThat(DetectorHarness.run(new QuartzXmlDetector(), "q.xml", "<job-scheduling-data><schedule>"))
                .contains("CFG003 XML syntax error");
    }

    @Test
    void mustNotReport() {
        assertThat(DetectorHarness.run(new QuartzJavaDetector(), "A.java",
                "import org.quartz.*; class A { String s = \"cronSchedule\"; }")).isEmpty();
        assertThat(DetectorHarness.run(new QuartzXmlDetector(), "pom.xml", "<project><job-scheduling-data/></project>"))
                .isEmpty();
    }
}
