package dev.migrate.analyzers.scan;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Test estates under src/test/resources/estates. */
public final class Estates {
    private Estates() {
    }

    public static Path path(String name) {
        try {
            return Path.of(Estates.class.getResource("/estates/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Inventory scan(String name) throws java.io.IOException {
        return Scanner.standard(ScanOptions.defaults()).scan(path(name), name, ScanListener.NONE);
    }
}
