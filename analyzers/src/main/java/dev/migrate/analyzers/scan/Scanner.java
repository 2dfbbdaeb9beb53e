package dev.migrate.analyzers.scan;

import dev.migrate.analyzers.model.Detector;
import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.Prefilter;
import dev.migrate.analyzers.model.ScanFile;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Walks a tree, runs a byte-level prefilter on every file, and hands only the files that may define jobs
 * to the detectors (found with {@link ServiceLoader}). Files are processed in parallel; the result is
 * sorted, so it does not depend on thread timing. Scanned code is only ever read, never run or imported.
 */
public final class Scanner {
    /** Bytes inspected for NUL to decide that a file is binary (the same rule git and grep use). */
    static final int BINARY_PROBE = 8000;

    /** Creates the detectors of one scan: detectors keep state across files, so no instance outlives its scan. */
    private final List<Supplier<? extends Detector>> factories;
    /** One instance per factory, asked only for its name and prefilter. */
    private final List<Detector> detectors;
    private final List<JobResolver> resolvers;
    private final ScanOptions options;
    private final KeywordMatcher matcher;
    /** For each detector, the indices of its keywords in {@link #matcher}; null means every text file. */
    private final BitSet[] detectorKeywords;
    /** Each detector's prefilter, asked once: detectors may build a new one on every call. */
    private final Prefilter[] prefilters;
    private final ThreadLocal<byte[]> buffer = ThreadLocal.withInitial(() -> new byte[64 * 1024]);

    /**
     * @param factories each creates one detector; called once here (for the name and prefilter) and once per scan
     */
    public Scanner(List<? extends Supplier<? extends Detector>> factories, List<JobResolver> resolvers, ScanOptions options) {
        record Made(Supplier<? extends Detector> factory, Detector prototype) {
        }
        List<Made> made = factories.stream().map(f -> new Made(f, f.get()))
                .sorted(Comparator.comparing(m -> m.prototype().name())).toList();
        this.factories = made.stream().<Supplier<? extends Detector>>map(Made::factory).toList();
        this.detectors = made.stream().map(Made::prototype).toList();
        this.resolvers = List.copyOf(resolvers);
        this.options = options;
        prefilters = this.detectors.stream().map(Detector::prefilter).toArray(Prefilter[]::new);
        LinkedHashSet<String> words = new LinkedHashSet<>();
        for (Prefilter p : prefilters) {
            words.addAll(p.keywords());
        }
        List<String> all = List.copyOf(words);
        matcher = new KeywordMatcher(all);
        detectorKeywords = new BitSet[this.detectors.size()];
        for (int i = 0; i < this.detectors.size(); i++) {
            Prefilter pf = prefilters[i];
            if (pf != Prefilter.EVERY_TEXT_FILE) {
                BitSet bits = new BitSet();
                pf.keywords().forEach(k -> bits.set(all.indexOf(k)));
                detectorKeywords[i] = bits;
            }
        }
    }

    /** A scanner with every detector and resolver on the class path. */
    public static Scanner standard(ScanOptions options) {
        List<Supplier<? extends Detector>> ds = new ArrayList<>();
        ServiceLoader.load(Detector.class).stream().forEach(ds::add);
        List<JobResolver> rs = new ArrayList<>();
        ServiceLoader.load(JobResolver.class).forEach(rs::add);
        return new Scanner(ds, rs, options);
    }

    /** The detectors' names, sorted. */
    public List<String> detectorNames() {
        return detectors.stream().map(Detector::name).toList();
    }

    public Inventory scan(Path root, String rootLabel, ScanListener listener) throws IOException {
        return scan(root, rootLabel, listener, List.of());
    }

    /**
     * @param extraFiles files from outside the tree for the resolvers, as given (scheduler logs named with
     *                   {@code scan --logs}); detectors never see them
     */
    public Inventory scan(Path root, String rootLabel, ScanListener listener, List<ScanFile> extraFiles) throws IOException {
        if (!Files.isDirectory(root) && !Files.isRegularFile(root)) {
            throw new java.nio.file.NoSuchFileException(root.toString(), null, "no such file or directory to scan");
        }
        boolean directory = Files.isDirectory(root);
        Path base = directory ? root : root.toAbsolutePath().getParent();
        Collector collector = new Collector();
        // one instant for every schedule proof of this scan and its report, taken before the detectors ask for checks
        dev.migrate.analyzers.schedule.ScheduleCheck.beginScan();
        List<Detector> fresh = factories.stream().<Detector>map(Supplier::get).toList();
        java.time.ZoneId zone = java.time.ZoneId.of(options.hostZone().zone());
        fresh.forEach(d -> {
            d.hostZone(zone);
            d.scanning(base);
        });
        AtomicLong done = new AtomicLong();
        AtomicLong total = new AtomicLong();
        AtomicReference<Throwable> bug = new AtomicReference<>();
        ForkJoinPool pool = new ForkJoinPool(options.threads());
        // Files are analysed while the walk goes on: the walk and the reading overlap.
        FileWalker.FileSink submit = (file, size) -> {
            total.incrementAndGet();
            pool.execute(() -> {
                try {
                    process(base, file, size, fresh, collector);
                } catch (RuntimeException | Error e) {
                    bug.compareAndSet(null, e);
                }
                listener.progress(done.incrementAndGet(), total.get());
            });
        };
        try {
            if (directory) {
                collector.notes.addAll(FileWalker.walk(root, submit, (rel, target) -> link(rel, target, fresh, collector)));
            } else {
                submit.file(root.toAbsolutePath(), Files.size(root));
            }
        } finally {
            pool.shutdown();
            try {
                pool.awaitTermination(365, TimeUnit.DAYS);
            } catch (InterruptedException e) {
                pool.shutdownNow();
                Thread.currentThread().interrupt();
                throw new IOException("scan interrupted", e);
            }
        }
        if (bug.get() != null) {
            throw new IllegalStateException("scan failed: " + bug.get(), bug.get());
        }
        // from here this thread relates files and runs the resolvers alone: the other cores read and prove the schedules
        // of the jobs known after each step, which every report describes
        ScheduleWarmUp warmUp = new ScheduleWarmUp(zone, options.threads());
        warmUp.add(collector.jobs);
        for (Detector d : fresh) {
            try {
                d.finish(collector);
            } catch (RuntimeException | StackOverflowError e) {
                collector.notes.add(new ScanNote(rootLabel, ScanNote.Reason.DETECTOR_ERROR,
                        "detector " + d.name() + " failed while relating files: " + e));
            }
            warmUp.add(collector.jobs);
        }
        List<Job> jobs = new ArrayList<>(collector.jobs);
        List<Finding> findings = new ArrayList<>(collector.findings);
        CrossFileIds.distinct(jobs, findings);
        PlatformZones.apply(jobs);
        List<ScanFile> kept = java.util.stream.Stream.concat(collector.kept.stream(), extraFiles.stream())
                .sorted(Comparator.comparing(ScanFile::path)).toList();
        for (JobResolver r : resolvers) {
            r.resolve(jobs, findings, kept, base, zone);
            warmUp.add(jobs);
        }
        // after the resolvers: a zone a script's service sets is known, not assumed
        AssumedLocalZones.apply(jobs, findings, options.hostZone());
        List<Finding> suppressed = new ArrayList<>();
        findings = InlineSuppressions.apply(findings, collector.suppressions, suppressed);
        warmUp.await();
        return new Inventory(rootLabel, jobs, findings, new ArrayList<>(collector.notes),
                new ScanStats(total.get(), collector.parsed.get(), collector.bytes.get(), suppressed.size()),
                dev.migrate.analyzers.baseline.BaselineState.NONE, options.hostZone());
    }

    /**
     * A symbolic link some detector reads by its name and target (the link's text, never followed): a host dump's
     * {@code timers.target.wants/backup@home.timer}, or {@code etl.timer -> /dev/null}, which masks the unit.
     */
    private static boolean link(String rel, String target, List<Detector> scanDetectors, Collector out) {
        boolean taken = false;
        for (Detector d : scanDetectors) {
            if (d.wantsLink(rel, target)) {
                taken = true;
                try {
                    d.detectLink(rel, target, out);
                } catch (RuntimeException | StackOverflowError e) {
                    out.notes.add(new ScanNote(rel, ScanNote.Reason.DETECTOR_ERROR, "detector " + d.name() + " failed: " + e));
                }
            }
        }
        return taken;
    }

    private void process(Path base, Path file, long size, List<Detector> scanDetectors, Collector out) {
        String rel = relative(base, file);
        for (Detector d : scanDetectors) {
            d.listed(rel);
        }
        try {
            if (size > options.maxFileBytes()) {
                out.notes.add(new ScanNote(rel, ScanNote.Reason.TOO_LARGE,
                        size + " bytes is over the " + options.maxFileBytes() + "-byte limit (--max-file-size)"));
                return;
            }
            Bytes read = read(file, (int) size);
            byte[] data = read.data();
            int length = read.length();
            out.bytes.addAndGet(length);
            if (rel.endsWith(".gz") && resolverWants(rel)) {
                // rotated logs are kept compressed (syslog.2.gz): a resolver reads them, no detector does
                gunzipped(rel, data, length, out);
                return;
            }
            if (bytes(rel, data, length, scanDetectors, out)) {
                return;
            }
            if (isBinary(data, length)) {
                out.notes.add(new ScanNote(rel, ScanNote.Reason.BINARY, "binary content (NUL bytes); skipped"));
                return;
            }
            List<Detector> wanted = prefilter(rel, data, length, scanDetectors);
            boolean keep = resolverWants(rel);
            if (wanted.isEmpty() && !keep) {
                return;
            }
            ScanFile sf = new ScanFile(rel, decode(data, length));
            InlineSuppressions directives = InlineSuppressions.of(rel, sf.text());
            if (directives != null) {
                out.suppressions.put(rel, directives);
            }
            if (keep || resolvers.stream().anyMatch(r -> r.keeps(sf))) {
                out.kept.add(sf);
            }
            boolean parsed = false;
            for (Detector d : wanted) {
                try {
                    if (d.accepts(sf)) {
                        parsed = true;
                        d.detect(sf, out);
                    }
                } catch (RuntimeException | StackOverflowError e) {
                    out.notes.add(new ScanNote(rel, ScanNote.Reason.DETECTOR_ERROR,
                            "detector " + d.name() + " failed: " + e));
                }
            }
            if (parsed) {
                out.parsed.incrementAndGet();
            }
        } catch (IOException e) {
            out.notes.add(new ScanNote(rel, ScanNote.Reason.UNREADABLE, FileWalker.describe(e)));
        }
    }

    /** Whether some resolver reads the file at {@code rel} whatever its text (asked of every file: a loop, no stream). */
    private boolean resolverWants(String rel) {
        for (JobResolver r : resolvers) {
            if (r.wants(rel)) {
                return true;
            }
        }
        return false;
    }

    /** Hands a file to the detectors that read it as bytes by its name (see Detector#wantsBytes); false when none does. */
    private static boolean bytes(String rel, byte[] data, int length, List<Detector> scanDetectors, Collector out) {
        boolean taken = false;
        for (Detector d : scanDetectors) {
            if (d.wantsBytes(rel)) {
                taken = true;
                try {
                    d.detectBytes(rel, data, length, out);
                } catch (RuntimeException | StackOverflowError e) {
                    out.notes.add(new ScanNote(rel, ScanNote.Reason.DETECTOR_ERROR, "detector " + d.name() + " failed: " + e));
                }
            }
        }
        if (taken) {
            out.parsed.incrementAndGet();
        }
        return taken;
    }

    private List<Detector> prefilter(String rel, byte[] data, int length, List<Detector> scanDetectors) {
        BitSet found = null;
        List<Detector> wanted = new ArrayList<>(2);
        for (int i = 0; i < scanDetectors.size(); i++) {
            Detector d = scanDetectors.get(i);
            BitSet mine = detectorKeywords[i];
            if (mine == null || prefilters[i].paths().test(rel)) {
                wanted.add(d);
                continue;
            }
            if (found == null) {
                found = matcher.find(data, length);
            }
            if (mine.intersects(found)) {
                wanted.add(d);
            }
        }
        return wanted;
    }

    /**
     * Reads a file into this thread's reusable buffer (most files are never decoded, so allocating an array
     * per file would only feed the garbage collector). Only the first {@code length} bytes are the file's.
     */
    private Bytes read(Path file, int expected) throws IOException {
        byte[] buf = buffer.get();
        if (buf.length < expected + 1) {
            buf = new byte[Math.max(expected + 1, buf.length * 2)];
            buffer.set(buf);
        }
        int n = 0;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer bb = ByteBuffer.wrap(buf);
            // Read at most the size seen at listing time: what a file grew by since is ignored, and stopping there
            // spares every file the second read that would only have told the end.
            bb.limit(expected);
            int r;
            while (bb.hasRemaining() && (r = ch.read(bb)) > 0) {
                n += r;
            }
        }
        return new Bytes(buf, Math.min(n, expected));
    }

    /** A file's content: the first {@code length} bytes of a reused buffer. */
    private record Bytes(byte[] data, int length) {
    }

    /**
     * Whether the first {@link #BINARY_PROBE} bytes hold a NUL. Every file of a tree is probed, text files to the end of
     * the probe, so it reads eight bytes at a time: a word holds a zero byte exactly when {@code (x - 0x01..01) & ~x}
     * has the high bit of some byte set (the borrow can only start at a zero byte). Under the client compiler this
     * takes 40% of the byte-by-byte loop's time.
     */
    static boolean isBinary(byte[] data, int length) {
        int n = Math.min(length, BINARY_PROBE);
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            long x = (long) LONGS.get(data, i);
            if (((x - 0x0101010101010101L) & ~x & 0x8080808080808080L) != 0) {
                return true;
            }
        }
        for (; i < n; i++) {
            if (data[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** A byte array read as longs, whatever its alignment (for {@link #isBinary}). */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** UTF-8 (BOM dropped); bytes that are not UTF-8 are read as Latin-1 so that no file is lost. */
    /**
     * Keeps the text of a gzip file a resolver asked for, up to 20 times --max-file-size (a compressed log grows
     * about that much; more is noted as too large rather than read into memory).
     */
    private void gunzipped(String rel, byte[] data, int length, Collector out) {
        long limit = Math.min(Integer.MAX_VALUE - 16L, options.maxFileBytes() * 20);
        try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(
                new java.io.ByteArrayInputStream(data, 0, length))) {
            byte[] text = in.readNBytes((int) limit + 1);
            if (text.length > limit) {
                out.notes.add(new ScanNote(rel, ScanNote.Reason.TOO_LARGE, "uncompressed, over " + limit
                        + " bytes (20 times --max-file-size)"));
                return;
            }
            out.kept.add(new ScanFile(rel, decode(text, text.length)));
        } catch (IOException e) {
            out.notes.add(new ScanNote(rel, ScanNote.Reason.UNREADABLE, "not a readable gzip file: " + e.getMessage()));
        }
    }

    /** A file's bytes as the detectors read them: UTF-8 without its BOM, or ISO-8859-1 when it is not UTF-8. */
    public static String decode(byte[] data, int length) {
        int start = length >= 3 && (data[0] & 0xff) == 0xEF && (data[1] & 0xff) == 0xBB
                && (data[2] & 0xff) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data, start, length - start)).toString();
        } catch (CharacterCodingException e) {
            return new String(data, start, length - start, StandardCharsets.ISO_8859_1);
        }
    }

    static String relative(Path root, Path file) {
        String rel = under(root.toString(), file.toString());
        if (rel == null) {
            rel = root.relativize(file).toString();
        }
        rel = rel.replace('\\', '/');
        return rel.isEmpty() ? file.getFileName().toString() : rel;
    }

    /**
     * The rest of {@code file} after {@code root} and a separator, or null when it does not start so. The walk names
     * every file as its root joined with the names below it, so this is what {@link Path#relativize} gives for them,
     * without the path objects it builds on the way (asked for every file of a tree, it was 8% of the scan's garbage).
     */
    private static String under(String root, String file) {
        if (root.isEmpty() || file.length() <= root.length() || !file.startsWith(root)) {
            return null;
        }
        char sep = java.io.File.separatorChar;
        if (root.charAt(root.length() - 1) == sep) {
            return file.substring(root.length()); // the file system's root: "/" and "/etc/crontab"
        }
        return file.charAt(root.length()) == sep ? file.substring(root.length() + 1) : null;
    }

    /** Thread-safe sink shared by all workers; the inventory sorts its content afterwards. */
    private static final class Collector implements InventorySink {
        final Queue<Job> jobs = new ConcurrentLinkedQueue<>();
        final Queue<Finding> findings = new ConcurrentLinkedQueue<>();
        final Queue<ScanNote> notes = new ConcurrentLinkedQueue<>();
        final Queue<ScanFile> kept = new ConcurrentLinkedQueue<>();
        final Map<String, InlineSuppressions> suppressions = new java.util.concurrent.ConcurrentHashMap<>();
        final AtomicLong parsed = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();

        @Override
        public void job(Job job) {
            jobs.add(job);
        }

        @Override
        public void finding(Finding finding) {
            findings.add(finding);
        }
    }
}
