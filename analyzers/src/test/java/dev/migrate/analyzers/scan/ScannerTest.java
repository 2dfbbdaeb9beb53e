package dev.migrate.analyzers.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Detector;
import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.Prefilter;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.report.ReportFormat;
import dev.migrate.analyzers.report.Reports;
import dev.migrate.analyzers.rules.RuleRegistry;
import dev.migrate.analyzers.sources.JobBuilder;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScannerTest {
    @TempDir
    Path tmp;

    /** Finds one job per line "JOB name" in *.jobs files; throws on "BOOM". */
    static final class LineDetector implements Detector {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public String name() {
            return "lines";
        }

        @Override
        public Prefilter prefilter() {
            return Prefilter.keywords("JOB ", "BOOM");
        }

        @Override
        public boolean accepts(ScanFile file) {
            return file.fileName().endsWith(".jobs");
        }

        @Override
        public void detect(ScanFile file, InventorySink sink) {
            calls.incrementAndGet();
            if (file.text().contains("BOOM")) {
                throw new IllegalStateException("kaboom");
            }
            String[] lines = file.text().split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].startsWith("JOB ")) {
                    String name = lines[i].substring(4);
                    sink.job(new JobBuilder(file, JobKind.CRON, name, SourceRef.at(file.path(), i + 1, 1), name).build());
                }
            }
        }
    }

    private Inventory scan(Path root, Detector d, long maxBytes) throws IOException {
        return new Scanner(List.<java.util.function.Supplier<Detector>>of(() -> d), List.of(), new ScanOptions(maxBytes, 2)).scan(root, "root", ScanListener.NONE);
    }

    @Test
    void prefilterKeepsDetectorsAwayFromIrrelevantFiles() throws IOException {
        Files.writeString(tmp.resolve("a.jobs"), "JOB one\nJOB two\n");
        Files.writeString(tmp.resolve("b.jobs"), "nothing to see\n");
        Files.createDirectories(tmp.resolve("sub"));
        Files.writeString(tmp.resolve("sub/c.jobs"), "x\nJOB three\n");
        LineDetector d = new LineDetector();
        Inventory inv = scan(tmp, d, 1000);
        assertThat(inv.jobs()).extracting(j -> j.name() + "@" + j.source()).containsExactly("one@a.jobs:1:1",
                "two@a.jobs:2:1", "three@sub/c.jobs:2:1");
        assertThat(d.calls.get()).isEqualTo(2);
        assertThat(inv.stats().filesSeen()).isEqualTo(3);
        assertThat(inv.stats().filesParsed()).isEqualTo(2);
    }

    @Test
    void binaryHugeAndFailingFilesAreNotedAndTheScanGoesOn() throws IOException {
        Files.write(tmp.resolve("blob.jobs"), new byte[] {'J', 'O', 'B', ' ', 'x', 0, 1, 2});
        Files.writeString(tmp.resolve("huge.jobs"), "JOB big\n" + "#".repeat(5000));
        Files.writeString(tmp.resolve("boom.jobs"), "BOOM\n");
        Files.writeString(tmp.resolve("ok.jobs"), "JOB fine\n");
        Inventory inv = scan(tmp, new LineDetector(), 1000);
        assertThat(inv.jobs()).extracting(j -> j.name()).containsExactly("fine");
        assertThat(inv.notes()).extracting(n -> n.path() + " " + n.reason()).containsExactly(
                "blob.jobs BINARY", "boom.jobs DETECTOR_ERROR", "huge.jobs TOO_LARGE");
        assertThat(inv.notes().get(1).detail()).contains("lines", "kaboom");
        assertThat(inv.notes().get(2).detail()).contains("5008 bytes", "1000-byte limit");
    }

    @Test
    void installedPackagesAreNotTheProjectsJobs() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("repo"));
        Files.writeString(root.resolve("own.jobs"), "JOB own\n");
        Path venv = Files.createDirectories(root.resolve("py311/lib/python3.11/site-packages/rich"));
        Files.writeString(root.resolve("py311/pyvenv.cfg"), "home = /usr/bin\n");
        Files.writeString(root.resolve("py311/bin.jobs"), "JOB venv\n");
        Files.writeString(venv.resolve("loop.jobs"), "JOB installed\n");
        Path conda = Files.createDirectories(root.resolve("envs/etl/lib/python3.11/site-packages/pkg"));
        Files.writeString(conda.resolve("x.jobs"), "JOB conda\n");
        Files.createDirectories(root.resolve("usr/lib/python3/dist-packages"));
        Files.writeString(root.resolve("usr/lib/python3/dist-packages/y.jobs"), "JOB system\n");
        Files.createDirectories(root.resolve("tools"));
        Files.writeString(root.resolve("tools/site.jobs"), "JOB tool\n"); // a name alone is not a marker
        assertThat(scan(root, new LineDetector(), 1000).jobs()).extracting(j -> j.name()).containsExactlyInAnyOrder("own", "tool");
        // asked for by name, such a directory is scanned
        assertThat(scan(root.resolve("usr/lib/python3/dist-packages"), new LineDetector(), 1000).jobs())
                .extracting(j -> j.name()).containsExactly("system");
    }

    @Test
    void symlinksOutOfTheRootAreNeverFollowed() throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.jobs"), "JOB outside\n");
        Path root = Files.createDirectories(tmp.resolve("root"));
        Files.writeString(root.resolve("in.jobs"), "JOB inside\n");
        Files.createSymbolicLink(root.resolve("link.jobs"), outside.resolve("secret.jobs"));
        Files.createSymbolicLink(root.resolve("linkdir"), outside);
        Files.createSymbolicLink(root.resolve("same.jobs"), root.resolve("in.jobs"));
        Files.createSymbolicLink(root.resolve("gone.jobs"), root.resolve("deleted.jobs"));
        Inventory inv = scan(root, new LineDetector(), 1000);
        assertThat(inv.jobs()).extracting(j -> j.name()).containsExactly("inside");
        assertThat(inv.notes()).extracting(n -> n.path() + " " + n.reason()).containsExactly(
                "gone.jobs UNREADABLE", "link.jobs SYMLINK_OUTSIDE_ROOT", "linkdir SYMLINK_OUTSIDE_ROOT");
    }

    /** A host dump's password hashes are never opened: not counted, not handed to any detector. */
    @Test
    void aHostDumpsShadowFilesAreNeverRead() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("dump"));
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/shadow"), "JOB shadow\n");
        Files.writeString(root.resolve("etc/gshadow-"), "JOB gshadow\n");
        Files.writeString(root.resolve("etc/passwd"), "JOB passwd\n");
        Files.writeString(root.resolve("shadow"), "JOB notes\n"); // not a host's etc/: read as any file
        Files.writeString(root.resolve("etc/x.jobs"), "JOB x\n");
        Inventory inv = scan(root, new LineDetector(), 1000);
        assertThat(inv.jobs()).extracting(j -> j.name()).containsExactly("x");
        assertThat(inv.stats().filesSeen()).isEqualTo(3);
        assertThat(inv.notes()).isEmpty();
    }

    @Test
    void aHostDumpsLocaltimeLinkIsTheHostZoneNotASkippedFile() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("dump"));
        Files.createDirectories(root.resolve("etc"));
        Files.createDirectories(root.resolve("srv/etc"));
        Files.createSymbolicLink(root.resolve("etc/localtime"), Path.of("../usr/share/zoneinfo/Europe/Paris"));
        Files.createSymbolicLink(root.resolve("srv/etc/localtime"), Path.of("/usr/share/zoneinfo/UTC"));
        Files.createSymbolicLink(root.resolve("etc/other"), Path.of("../usr/share/zoneinfo/Europe/Paris"));
        assertThat(scan(root, new LineDetector(), 1000).notes()).extracting(n -> n.path() + " " + n.reason())
                .containsExactly("etc/other UNREADABLE");
    }

    @Test
    void unreadableFilesAreNoted() throws IOException {
        Path f = tmp.resolve("locked.jobs");
        Files.writeString(f, "JOB locked\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
        Assumptions.assumeFalse(Files.isReadable(f), "running as root: permissions do not stop reads, cannot test");
        Inventory inv = scan(tmp, new LineDetector(), 1000);
        assertThat(inv.notes()).extracting(n -> n.path() + " " + n.reason()).containsExactly("locked.jobs UNREADABLE");
    }

    @Test
    void reportsDoNotDependOnThreadsOrFileCreationOrder() throws IOException {
        Path mixed = Estates.path("mixed");
        Path copy = tmp.resolve("copy");
        List<Path> files;
        try (Stream<Path> s = Files.walk(mixed)) {
            files = s.filter(Files::isRegularFile).sorted(java.util.Comparator.reverseOrder()).toList();
        }
        for (Path p : files) {
            Path target = copy.resolve(mixed.relativize(p).toString());
            Files.createDirectories(target.getParent());
            Files.copy(p, target);
        }
        String one = json(Scanner.standard(new ScanOptions(ScanOptions.DEFAULT_MAX_FILE_BYTES, 1)).scan(mixed, "x", ScanListener.NONE));
        String two = json(Scanner.standard(new ScanOptions(ScanOptions.DEFAULT_MAX_FILE_BYTES, 4)).scan(copy, "x", ScanListener.NONE));
        assertThat(two).isEqualTo(one);
        assertThat(one).contains("\"jobs\" : 27");
    }

    @Test
    void standardScannerFindsEveryDetectorKindInTheMixedEstate() throws IOException {
        Inventory inv = Estates.scan("mixed");
        assertThat(inv.jobsByKind()).containsOnlyKeys("k8s-cronjob", "prefect-agent", "prefect-server", "prefect-worker",
                "prefect2", "prefect3", "quartz", "spring");
        assertThat(inv.findings()).extracting(f -> f.code()).contains("CFG003", "PF201", "PF203", "JAV001", "K8S001", "PF290");
        assertThat(inv.notes()).isEmpty();
    }

    private static String json(Inventory inv) throws IOException {
        StringWriter w = new StringWriter();
        Reports.write(ReportFormat.JSON, inv, RuleRegistry.standard(), w);
        return w.toString();
    }

    /** Counts files in detect and emits one job per scan in finish: proves fresh instances and the finish call. */
    static final class CountingDetector implements Detector {
        static final AtomicInteger INSTANCES = new AtomicInteger();
        private final java.util.concurrent.atomic.AtomicInteger seen = new AtomicInteger();

        CountingDetector() {
            INSTANCES.incrementAndGet();
        }

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public Prefilter prefilter() {
            return Prefilter.keywords("JOB");
        }

        @Override
        public boolean accepts(ScanFile file) {
            return true;
        }

        @Override
        public void detect(ScanFile file, InventorySink sink) {
            seen.incrementAndGet();
        }

        @Override
        public void finish(InventorySink sink) {
            sink.job(new JobBuilder(new ScanFile("all", ""), JobKind.CRON, "seen " + seen.get(), SourceRef.file("all"), "all").build());
        }
    }

    @Test
    void everyScanGetsFreshDetectorsAndFinishSeesEveryFile() throws IOException {
        for (int i = 0; i < 40; i++) {
            Files.writeString(tmp.resolve("f" + i + ".txt"), i % 2 == 0 ? "JOB x\n" : "nothing\n");
        }
        Scanner scanner = new Scanner(List.<java.util.function.Supplier<Detector>>of(CountingDetector::new), List.of(),
                new ScanOptions(1000, 4));
        int before = CountingDetector.INSTANCES.get();
        Inventory first = scanner.scan(tmp, "root", ScanListener.NONE);
        Inventory second = scanner.scan(tmp, "root", ScanListener.NONE);
        assertThat(first.jobs()).extracting(j -> j.name()).containsExactly("seen 20");
        assertThat(second.jobs()).extracting(j -> j.name()).containsExactly("seen 20");
        assertThat(CountingDetector.INSTANCES.get() - before).isEqualTo(2);
    }
}
