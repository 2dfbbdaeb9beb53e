package dev.migrate.analyzers.sources.k8s;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * The {@code Chart.yaml} of a packaged Helm chart ({@code helm package} and {@code helm dependency update} write a
 * gzipped tar whose entries sit under the chart's directory, {@code Chart.yaml} first). Read as data with bounds on
 * everything: the entries looked at, the bytes inflated (an archive may be built to expand without end) and the size of
 * the file taken. Nothing is extracted to disk or run.
 */
final class ChartArchive {
    /** Bytes inflated at most: a chart's Chart.yaml comes in its first entries, far below this. */
    private static final int MAX_INFLATED = 4 * 1024 * 1024;
    private static final int MAX_ENTRIES = 64;
    private static final int MAX_CHART_YAML = 64 * 1024;
    private static final int BLOCK = 512;

    private ChartArchive() {
    }

    /** The text of {@code CHART/Chart.yaml} in the archive, or null when it has none within the bounds or is no gzipped tar. */
    static String chartYaml(byte[] data, int length) {
        try (InputStream in = new Bounded(new GZIPInputStream(new ByteArrayInputStream(data, 0, length)), MAX_INFLATED)) {
            String longName = null;
            for (int entry = 0; entry < MAX_ENTRIES; entry++) {
                byte[] header = in.readNBytes(BLOCK);
                if (header.length < BLOCK || header[0] == 0) {
                    return null; // end of the archive (two zero blocks) or cut short
                }
                String name = longName != null ? longName : entryName(header);
                longName = null;
                long size = octal(header, 124, 12);
                if (size < 0) {
                    return null;
                }
                char type = (char) header[156];
                long padded = (size + BLOCK - 1) / BLOCK * BLOCK;
                if (type == 'L' && size <= 4096) {
                    // a GNU long name: the next entry's name is this entry's data
                    byte[] body = in.readNBytes((int) padded);
                    longName = cString(body, 0, (int) Math.min(size, body.length));
                    continue;
                }
                if ((type == '0' || type == 0) && isChartYaml(name) && size <= MAX_CHART_YAML) {
                    byte[] body = in.readNBytes((int) size);
                    return body.length == size ? new String(body, StandardCharsets.UTF_8) : null;
                }
                in.skipNBytes(padded);
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null; // not a gzipped tar, or a damaged one: the file name alone is read
        }
    }

    /** {@code CHART/Chart.yaml}: the chart's own, not a subchart's deeper down. */
    private static boolean isChartYaml(String name) {
        String n = name.startsWith("./") ? name.substring(2) : name;
        int slash = n.indexOf('/');
        return slash > 0 && n.substring(slash + 1).equals("Chart.yaml");
    }

    /** A ustar header's name, with its prefix field when the header has the ustar magic. */
    private static String entryName(byte[] header) {
        String name = cString(header, 0, 100);
        boolean ustar = new String(header, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
        String prefix = ustar ? cString(header, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String cString(byte[] b, int offset, int max) {
        int end = offset;
        while (end < offset + max && end < b.length && b[end] != 0) {
            end++;
        }
        return new String(b, offset, end - offset, StandardCharsets.UTF_8);
    }

    /** An octal size field (NUL or space terminated); -1 when it is not one (a base-256 size is far too large here). */
    private static long octal(byte[] b, int offset, int len) {
        long v = 0;
        boolean digits = false;
        for (int i = offset; i < offset + len; i++) {
            int c = b[i];
            if (c == 0 || c == ' ') {
                if (digits) {
                    break;
                }
                continue;
            }
            if (c < '0' || c > '7') {
                return -1;
            }
            v = v * 8 + (c - '0');
            digits = true;
            if (v > MAX_INFLATED) {
                return -1;
            }
        }
        return v;
    }

    /** Inflates no more than {@code limit} bytes: past it, reads fail. */
    private static final class Bounded extends InputStream {
        private final InputStream in;
        private long left;

        Bounded(InputStream in, long limit) {
            this.in = in;
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                throw new IOException("archive inflates past " + MAX_INFLATED + " bytes");
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
