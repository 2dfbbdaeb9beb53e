package dev.migrate.recipes.internal;

import dev.migrate.analyzers.rules.PrefectApi;
import dev.migrate.recipes.PrefectTarget;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which setting names the targeted Prefect 3 release reads. Known are 3.8.3's (the analyzers' catalogue, canonical
 * names and the aliases it keeps) and 3.0.0's (a resource); a name 3.0.0 read and 3.8.3 does not was removed somewhere
 * in between ({@code PREFECT_API_SERVICES_FLOW_RUN_NOTIFICATIONS_ENABLED} went with flow run notifications in 3.4), so
 * for 3.1-3.7 only 3.8.3's names count as read: a rename never lands on a name its target may ignore.
 */
final class TargetSettings {
    private static final String RESOURCE = "/dev/migrate/recipes/prefect-3.0.0-settings.txt";
    private static final Set<String> READ_BY_3_0_0 = load();

    private TargetSettings() {
    }

    static boolean reads(String name, PrefectTarget target) {
        return PrefectApi.get().canonicalSetting3(name).isPresent() || target.minor() == 0 && READ_BY_3_0_0.contains(name);
    }

    private static Set<String> load() {
        try (InputStream in = TargetSettings.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
