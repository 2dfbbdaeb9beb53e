package dev.migrate.recipes.legacy;

import static dev.migrate.recipes.legacy.LegacyTestSupport.AS_OF;
import static dev.migrate.recipes.legacy.LegacyTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostZone option is the only source of the zone a legacy schedule without one is read in: UTC when not given,
 * whatever the JVM the recipe runs in says (migrate rewrite fills the option in from its --host-zone).
 */
class HostZoneOptionTest {
    private static final String PROPERTY = "migrate.hostZone";

    @TempDir
    Path project;

    @BeforeEach
    void crontab() throws IOException {
        Files.createDirectories(project.resolve("etc/cron.d"));
        Files.writeString(project.resolve("etc/cron.d/etl"), "SHELL=/bin/bash\n30 2 * * *  etl  /opt/etl/bin/load.sh\n");
    }

    private String patch(String hostZone) {
        return run(project, new MoveLegacySchedulersToPrefect3("dual-run", 15, null, null, AS_OF, hostZone)).patch();
    }

    @Test
    void theOptionNamesTheZone() {
        assertThat(patch("Asia/Kolkata")).contains("+    timezone: Asia/Kolkata");
        assertThat(patch(null)).contains("+    timezone: UTC").doesNotContain("Asia/Kolkata");
    }

    @Test
    void aJvmPropertyDoesNotChangeTheResult() {
        String without = patch(null);
        String before = System.getProperty(PROPERTY);
        System.setProperty(PROPERTY, "Asia/Kolkata");
        String with;
        try {
            with = patch(null);
        } finally {
            if (before == null) {
                System.clearProperty(PROPERTY);
            } else {
                System.setProperty(PROPERTY, before);
            }
        }
        assertThat(with).isEqualTo(without).contains("+    timezone: UTC");
    }
}
