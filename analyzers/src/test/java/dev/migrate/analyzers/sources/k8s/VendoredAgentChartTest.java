package dev.migrate.analyzers.sources.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.scan.ScanListener;
import dev.migrate.analyzers.scan.ScanOptions;
import dev.migrate.analyzers.scan.Scanner;
import dev.migrate.analyzers.sources.DetectorHarness;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent chart vendored as an archive in a chart's charts/ directory, as `helm dependency update` leaves it. */
class VendoredAgentChartTest {
    @TempDir
    Path tmp;

    // the scan used to skip the archive as a binary file: now it is a PF203 of its own, with the version its Chart.yaml
    // names; the redis archive beside it and a worker archive stay skipped or unreported
    @Test
    void aVendoredAgentArchiveIsReportedWithItsVersion() throws IOException {
        Path chart = Files.createDirectories(tmp.resolve("ops/platform/charts"));
        Files.writeString(tmp.resolve("ops/platform/Chart.yaml"), "apiVersion: v2\nname: platform\nversion: 1.0.0\n");
        Files.write(chart.resolve("prefect-agent-2023.6.8.tgz"), chartArchive("prefect-agent",
                "apiVersion: v2\nname: prefect-agent\nversion: 2023.6.8\nappVersion: 2.10.13\n"));
        Files.write(chart.resolve("redis-17.3.2.tgz"), chartArchive("redis", "apiVersion: v2\nname: redis\n"));
        Files.write(chart.resolve("prefect-worker-2025.3.7033449.tgz"), chartArchive("prefect-worker",
                "apiVersion: v2\nname: prefect-worker\n"));
        Inventory inv = Scanner.standard(new ScanOptions(ScanOptions.DEFAULT_MAX_FILE_BYTES, 2)).scan(tmp, "x", ScanListener.NONE);
        assertThat(inv.findings()).filteredOn(f -> f.where().path().endsWith(".tgz"))
                .extracting(f -> f.where() + " " + f.code() + " " + f.message())
                .containsExactly("ops/platform/charts/prefect-agent-2023.6.8.tgz PF203 vendored copy of the prefect-agent "
                        + "Helm chart 2023.6.8; the chart was removed with Prefect 3, and Helm installs every chart in "
                        + "charts/ whatever Chart.yaml lists: delete the archive and run `helm dependency update` in "
                        + "ops/platform once the dependency is prefect-worker");
        assertThat(inv.notes()).extracting(n -> n.path() + " " + n.reason())
                .doesNotContain("ops/platform/charts/prefect-agent-2023.6.8.tgz BINARY")
                .contains("ops/platform/charts/redis-17.3.2.tgz BINARY");
    }

    // the name is enough when the archive cannot be read; an archive whose Chart.yaml names another chart is that chart
    @Test
    void theNameSpeaksWhenTheArchiveCannotBeRead() throws IOException {
        HelmValuesDetector d = new HelmValuesDetector();
        byte[] damaged = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3};
        DetectorHarness h = new DetectorHarness();
        assertThat(d.wantsBytes("charts/prefect-agent-2023.6.8.tgz")).isTrue();
        d.detectBytes("charts/prefect-agent-2023.6.8.tgz", damaged, damaged.length, h);
        byte[] other = chartArchive("prefect-agent", "apiVersion: v2\nname: mychart\nversion: 0.1.0\n");
        d.detectBytes("deploy/charts/prefect-agent-0.1.0.tgz", other, other.length, h);
        assertThat(h.render()).isEqualTo("charts/prefect-agent-2023.6.8.tgz PF203 vendored copy of the prefect-agent "
                + "Helm chart; the chart was removed with Prefect 3, and Helm installs every chart in charts/ whatever "
                + "Chart.yaml lists: delete the archive and run `helm dependency update` in . once the dependency is "
                + "prefect-worker\n");
    }

    @Test
    void onlyArchivesInAChartsDirectoryNamedForTheAgentChartAreRead() {
        HelmValuesDetector d = new HelmValuesDetector();
        assertThat(d.wantsBytes("ops/platform/charts/prefect-agent-2023.6.8.tgz")).isTrue();
        assertThat(d.wantsBytes("dist/prefect-agent-2023.6.8.tgz")).isFalse();
        assertThat(d.wantsBytes("ops/platform/charts/prefect-worker-2025.3.7033449.tgz")).isFalse();
        assertThat(d.wantsBytes("ops/platform/charts/prefect-agent/Chart.yaml")).isFalse();
    }

    // a chart's Chart.yaml is the one at the archive's top directory; a subchart's deeper down is not, and a GNU long
    // name is read as the next entry's
    @Test
    void theArchivesOwnChartYamlIsRead() throws IOException {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        entry(tar, "prefect-agent/charts/sub/Chart.yaml", "name: sub\n".getBytes(StandardCharsets.UTF_8), '0');
        String longDir = "prefect-agent/" + "x".repeat(120) + "/../";
        entry(tar, "././@LongLink", ("prefect-agent/Chart.yaml").getBytes(StandardCharsets.UTF_8), 'L');
        entry(tar, longDir.substring(0, 99), "name: prefect-agent\nversion: 1\n".getBytes(StandardCharsets.UTF_8), '0');
        tar.write(new byte[1024]);
        byte[] gz = gzip(tar.toByteArray());
        assertThat(ChartArchive.chartYaml(gz, gz.length)).isEqualTo("name: prefect-agent\nversion: 1\n");
        byte[] notGzip = "not an archive".getBytes(StandardCharsets.UTF_8);
        assertThat(ChartArchive.chartYaml(notGzip, notGzip.length)).isNull();
    }

    // after the rewrite the chart depends on prefect-worker, but its Chart.lock still pins prefect-agent until someone
    // runs `helm dependency update`: the scan says so; while Chart.yaml still names prefect-agent, its own finding does
    @Test
    void aLockStillPinningTheAgentChartIsReportedOnceTheChartDependsOnItNoMore() {
        String lock = """
                dependencies:
                - name: prefect-agent
                  repository: https://prefecthq.github.io/prefect-helm
                  version: 2023.6.8
                digest: sha256:3f1b0c
                """;
        String worker = "apiVersion: v2\nname: platform\ndependencies:\n  - name: prefect-worker\n    version: \">=2025.3.7033449\"\n";
        assertThat(DetectorHarness.run(new HelmValuesDetector(), new ScanFile("charts/platform/Chart.lock", lock),
                new ScanFile("charts/platform/Chart.yaml", worker))).isEqualTo("charts/platform/Chart.lock:2:9 PF203 "
                + "Chart.lock still pins the prefect-agent chart, which the chart depends on no more: run `helm "
                + "dependency update` in charts/platform (`helm dependency build` refuses the stale lock)\n");
        String agent = worker.replace("prefect-worker", "prefect-agent");
        assertThat(DetectorHarness.run(new HelmValuesDetector(), new ScanFile("charts/platform/Chart.lock", lock),
                new ScanFile("charts/platform/Chart.yaml", agent))).startsWith("charts/platform/Chart.yaml:4:11 PF203 Helm "
                + "chart dependency on prefect-agent").doesNotContain("Chart.lock");
        // a lock of the worker chart, or one without a chart beside it, is nothing to report
        assertThat(DetectorHarness.run(new HelmValuesDetector(), new ScanFile("charts/platform/Chart.lock",
                lock.replace("prefect-agent", "prefect-worker")), new ScanFile("charts/platform/Chart.yaml", worker))).isEmpty();
        assertThat(DetectorHarness.run(new HelmValuesDetector(), new ScanFile("stray/Chart.lock", lock))).isEmpty();
        // the chart's Chart.yaml names no keyword of the detector any more: the scan hands it over by its path
        assertThat(new HelmValuesDetector().prefilter().paths()).accepts("charts/platform/Chart.yaml", "Chart.yaml",
                "chart/requirements.yaml").rejects("charts/platform/values.yaml", "MyChart.yaml");
    }

    /** A gzipped tar of a chart as `helm package` writes it: DIR/Chart.yaml first, then values.yaml. */
    static byte[] chartArchive(String dir, String chartYaml) throws IOException {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        entry(tar, dir + "/Chart.yaml", chartYaml.getBytes(StandardCharsets.UTF_8), '0');
        entry(tar, dir + "/values.yaml", "agent:\n  config:\n    workPool: k8s\n".getBytes(StandardCharsets.UTF_8), '0');
        tar.write(new byte[1024]);
        return gzip(tar.toByteArray());
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    /** One ustar entry: a 512-byte header, then the data padded to 512 bytes. */
    private static void entry(ByteArrayOutputStream tar, String name, byte[] data, char type) throws IOException {
        byte[] h = new byte[512];
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(n, 0, h, 0, Math.min(n.length, 100));
        put(h, 100, "0000644");
        put(h, 124, String.format("%011o", data.length));
        h[156] = (byte) type;
        put(h, 257, "ustar");
        put(h, 263, "00");
        tar.write(h);
        tar.write(data);
        tar.write(new byte[(512 - data.length % 512) % 512]);
    }

    private static void put(byte[] h, int at, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, at, b.length);
    }
}
