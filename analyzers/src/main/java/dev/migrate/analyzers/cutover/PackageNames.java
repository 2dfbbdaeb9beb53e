package dev.migrate.analyzers.cutover;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The module a pip package is imported as. Most are the normalised package name; the exceptions
 * (psycopg2-binary is imported as psycopg2, PyYAML as yaml) are data in {@code cutover/import-names.csv}.
 */
final class PackageNames {
    private static final Map<String, String> EXCEPTIONS = load();

    private PackageNames() {
    }

    static String importName(String pipPackage) {
        String norm = pipPackage.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
        String known = EXCEPTIONS.get(norm);
        return known != null ? known : norm.replace('-', '_');
    }

    private static Map<String, String> load() {
        try (InputStream in = PackageNames.class.getResourceAsStream("/dev/migrate/analyzers/cutover/import-names.csv")) {
            Map<String, String> out = new HashMap<>();
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(l -> {
                        String[] kv = l.split(",");
                        out.put(kv[0].strip(), kv[1].strip());
                    });
            return Map.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
