package dev.migrate.analyzers.sources.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.scan.ScanListener;
import dev.migrate.analyzers.scan.ScanOptions;
import dev.migrate.analyzers.scan.Scanner;
import dev.migrate.analyzers.sources.TreeFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Spring or Quartz schedule that names no zone is shown, in its JAV001 or JAV010 finding, in the zone its JVM really
 * runs in ({@code (0 30 2 * * *) (Europe/Paris)}), as the Python schedulers' findings show a service's TZ: the zone the
 * application's code or command line sets, else the TZ the systemd service that runs the jar sets, which the JVM reads
 * at start when no user.timezone is given.
 */
class JvmServiceZoneTest {
    private static final String JOBS = """
            package com.acme.jobs;
            import org.springframework.scheduling.annotation.Scheduled;
            class Jobs {
                @Scheduled(cron = "0 30 2 * * *")
                void nightly() {}
                @Scheduled(cron = "0 0 6 * * MON", zone = "America/New_York")
                void weekly() {}
            }
            """;
    private static final String TRIGGERS = """
            package com.acme.jobs;
            import org.quartz.*;
            class Triggers {
                Trigger export() {
                    return TriggerBuilder.newTrigger().withIdentity("exportTrigger", "finance")
                            .withSchedule(CronScheduleBuilder.cronSchedule("0 15 3 ? * MON-FRI")).build();
                }
            }
            """;
    private static final String UNIT = "etc/systemd/system/billing.service";
    /** A JVM unit is a scheduler service, to which the scan links the application's jobs, when it says it schedules. */
    private static final String HEAD = "[Unit]\nDescription=Billing (Spring Boot, scheduled jobs)\n\n[Service]\n";

    @TempDir
    Path tree;

    private Inventory scan(String unit, String... more) throws IOException {
        List<String> files = new ArrayList<>(List.of("opt/billing/src/main/java/com/acme/jobs/Jobs.java", JOBS,
                "opt/billing/src/main/java/com/acme/jobs/Triggers.java", TRIGGERS, UNIT, unit));
        files.addAll(List.of(more));
        TreeFiles.write(tree, files.toArray(String[]::new));
        return Scanner.standard(ScanOptions.defaults()).scan(tree, "t", ScanListener.NONE);
    }

    private static String message(Inventory inv, String code, String name) {
        Job j = job(inv, name);
        return inv.findings().stream().filter(f -> f.code().equals(code) && j.id().equals(f.jobId()))
                .map(Finding::message).findFirst().orElseThrow();
    }

    private static Job job(Inventory inv, String name) {
        return inv.jobs().stream().filter(x -> x.name().contains(name)).findFirst().orElseThrow();
    }

    private static String unit(String... lines) {
        return HEAD + String.join("\n", lines) + "\nExecStart=/usr/bin/java -jar /opt/billing/target/billing.jar\n"
                + "Restart=on-failure\n";
    }

    @Test
    void theTzTheServiceSetsIsTheJvmsZoneAndIsShownAfterTheSchedule() throws IOException {
        Inventory inv = scan(unit("Environment=\"JAVA_OPTS=-Xmx1g\" TZ=Europe/Paris"));
        assertThat(job(inv, "nightly").schedules().get(0).timezone()).isEqualTo("Europe/Paris");
        assertThat(message(inv, "JAV001", "nightly")).contains("(0 30 2 * * *) (Europe/Paris); it runs in Europe/Paris,"
                        + " the TZ its systemd service sets (" + UNIT + ":5: Environment=TZ=Europe/Paris)")
                .doesNotContain("assumed").doesNotContain("JAVA_OPTS");
        assertThat(message(inv, "JAV010", "export")).contains("(0 15 3 ? * MON-FRI) (Europe/Paris); it runs in Europe/Paris");
        // must not change: a zone the method names is its own, whatever the JVM's
        assertThat(message(inv, "JAV001", "weekly")).endsWith("(0 0 6 * * MON) (America/New_York)")
                .doesNotContain("Paris").doesNotContain("it runs in");
    }

    @Test
    void anEnvironmentFilesTzIsReadAsSystemdAppliesIt() throws IOException {
        Inventory inv = scan(unit("Environment=TZ=Asia/Tokyo", "EnvironmentFile=-/etc/billing/billing.env"),
                "etc/billing/billing.env", "DB_PASSWORD=hunter2\nTZ=\"Europe/Paris\"\n");
        assertThat(message(inv, "JAV001", "nightly")).contains("(0 30 2 * * *) (Europe/Paris); it runs in Europe/Paris")
                .contains("etc/billing/billing.env:2").doesNotContain("hunter2").doesNotContain("Tokyo");
    }

    // the JVM reads TZ only when user.timezone is unset: code, or the unit's own -Duser.timezone, wins over it
    @Test
    void userTimezoneWinsOverTz() throws IOException {
        String app = """
                package com.acme;
                import java.util.TimeZone;
                public class App {
                    public static void main(String[] args) {
                        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
                    }
                }
                """;
        Inventory inv = scan(unit("Environment=TZ=Europe/Paris"), "opt/billing/src/main/java/com/acme/App.java", app);
        assertThat(message(inv, "JAV001", "nightly")).contains("(0 30 2 * * *) (UTC); it runs in UTC, the JVM default"
                + " time zone set at opt/billing/src/main/java/com/acme/App.java:5").doesNotContain("Paris");
        Inventory flag = scan(HEAD + "Environment=TZ=Europe/Paris\nRestart=on-failure\n"
                + "ExecStart=/usr/bin/java -Duser.timezone=Asia/Tokyo -jar /opt/billing/target/billing.jar\n",
                "opt/billing/src/main/java/com/acme/App.java", "class App {}\n");
        assertThat(message(flag, "JAV001", "nightly")).contains("(0 30 2 * * *) (Asia/Tokyo); it runs in Asia/Tokyo, the"
                + " JVM default time zone set at " + UNIT + ":7").doesNotContain("Paris");
    }

    // must not change: no TZ, a zoneinfo path or a POSIX rule (no zone ID the JVM knows) leave the host's zone, assumed
    @Test
    void withoutATzTheJvmKnowsNoZoneIsShown() throws IOException {
        for (String env : List.of("User=billing", "Environment=TZ=/usr/share/zoneinfo/Europe/Paris",
                "Environment=TZ=CET-1CEST,M3.5.0,M10.5.0/3")) {
            Inventory inv = scan(unit(env));
            assertThat(job(inv, "nightly").attributes()).doesNotContainKey("zone.from");
            assertThat(message(inv, "JAV001", "nightly")).contains("(0 30 2 * * *) (UTC, assumed")
                    .doesNotContain("Europe/Paris").doesNotContain("it runs in");
        }
        assertThat(dev.migrate.analyzers.sources.systemd.ServiceTz.jvmZoneName(":posix/Europe/Paris"))
                .contains("Europe/Paris");
    }

    /** A unit whose command is {@code exec}, with {@code lines} before it. */
    private static String unitRunning(String exec, String... lines) {
        return HEAD + String.join("\n", lines) + "\nExecStart=" + exec + "\nRestart=on-failure\n";
    }

    // JAVA_TOOL_OPTIONS is read by the JVM itself: its -Duser.timezone wins over TZ, and only that word is cited
    @Test
    void javaToolOptionsSetTheZoneAndWinOverTz() throws IOException {
        Inventory inv = scan(unit("Environment=TZ=Asia/Tokyo",
                "Environment=\"JAVA_TOOL_OPTIONS=-Xmx1g -Duser.timezone=Europe/Paris -Dspring.datasource.password=hunter2\""));
        assertThat(job(inv, "nightly").schedules().get(0).timezone()).isEqualTo("Europe/Paris");
        assertThat(job(inv, "nightly").attributes().get("zone.from")).isEqualTo(
                "JAVA_TOOL_OPTIONS=... -Duser.timezone=Europe/Paris ... at " + UNIT + ":6");
        assertThat(message(inv, "JAV001", "nightly")).contains("(0 30 2 * * *) (Europe/Paris); it runs in Europe/Paris, the"
                + " -Duser.timezone its systemd service gives the JVM (" + UNIT + ":6: JAVA_TOOL_OPTIONS=... -Duser.timezone="
                + "Europe/Paris ...)").doesNotContain("hunter2").doesNotContain("Xmx1g").doesNotContain("Tokyo");
        assertThat(message(inv, "JAV010", "export")).contains("(Europe/Paris); it runs in Europe/Paris");
    }

    // JAVA_OPTS is nobody's but the shell's: it counts where the command expands it, and not otherwise
    @Test
    void javaOptsCountOnlyWhereTheCommandExpandsThem() throws IOException {
        String env = "Environment=\"JAVA_OPTS=-Duser.timezone=Europe/Paris -Dapi.key=s3cret\" TZ=Asia/Tokyo";
        Inventory expanded = scan(unitRunning("/usr/bin/java ${JAVA_OPTS} -jar /opt/billing/target/billing.jar", env));
        assertThat(message(expanded, "JAV001", "nightly")).contains("it runs in Europe/Paris, the -Duser.timezone its"
                + " systemd service gives the JVM (" + UNIT + ":5: JAVA_OPTS=... -Duser.timezone=Europe/Paris ...)")
                .doesNotContain("s3cret");
        // must not change: set, never passed; the TZ the JVM reads is the zone
        Inventory unused = scan(unit(env));
        assertThat(message(unused, "JAV001", "nightly")).contains("it runs in Asia/Tokyo, the TZ its systemd service sets")
                .doesNotContain("Paris").doesNotContain("s3cret");
        // after the archive, it is the application's argument, not the JVM's
        Inventory appArgs = scan(unitRunning("/usr/bin/java -jar /opt/billing/target/billing.jar $JAVA_OPTS", env));
        assertThat(message(appArgs, "JAV001", "nightly")).contains("it runs in Asia/Tokyo").doesNotContain("Paris");
    }

    // the launcher puts JDK_JAVA_OPTIONS before the command line's options, the JVM reads JAVA_TOOL_OPTIONS before both:
    // the later one wins, and an empty Environment= clears what came before
    @Test
    void theOptionReadLastWins() throws IOException {
        Inventory launcher = scan(unit("Environment=JDK_JAVA_OPTIONS=-Duser.timezone=Europe/Berlin",
                "Environment=JAVA_TOOL_OPTIONS=-Duser.timezone=Europe/Paris"));
        assertThat(message(launcher, "JAV001", "nightly")).contains("it runs in Europe/Berlin").doesNotContain("Paris");
        Inventory flag = scan(unitRunning("/usr/bin/java -Duser.timezone=Asia/Tokyo -jar /opt/billing/target/billing.jar",
                "Environment=JAVA_TOOL_OPTIONS=-Duser.timezone=Europe/Paris"));
        assertThat(message(flag, "JAV001", "nightly")).contains("it runs in Asia/Tokyo, the JVM default time zone set at "
                + UNIT + ":6").doesNotContain("Paris");
        Inventory cleared = scan(unit("Environment=JAVA_TOOL_OPTIONS=-Duser.timezone=Europe/Paris", "Environment=",
                "Environment=TZ=Asia/Tokyo"));
        assertThat(message(cleared, "JAV001", "nightly")).contains("it runs in Asia/Tokyo").doesNotContain("Paris");
    }
}
