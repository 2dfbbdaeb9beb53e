package dev.migrate.analyzers.sources;

import dev.migrate.analyzers.model.Detector;
import dev.migrate.analyzers.model.ScanFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Runs detectors over the small legacy host under test resources, as the scanner would. */
public final class HostEstate {
    private HostEstate() {
    }

    public static List<ScanFile> files() {
        try {
            Path root = Path.of(HostEstate.class.getResource("host").toURI());
            try (Stream<Path> walk = Files.walk(root)) {
                return walk.filter(Files::isRegularFile).sorted().map(p -> {
                    try {
                        return new ScanFile(root.relativize(p).toString().replace('\\', '/'),
                                Files.readString(p, StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static RecordingSink scan(Detector detector) {
        return scan(files(), detector);
    }

    /** Offers every file to every detector, then lets each finish, as the scanner does. */
    public static RecordingSink scan(List<ScanFile> files, Detector... detectors) {
        RecordingSink sink = new RecordingSink();
        for (Detector d : detectors) {
            for (ScanFile f : files) {
                if (d.accepts(f)) {
                    d.detect(f, sink);
                }
            }
            d.finish(sink);
        }
        return sink;
    }
}
