package dev.migrate.analyzers.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.cutover.CutoverEstate;
import dev.migrate.analyzers.cutover.EvidenceReader;
import dev.migrate.analyzers.cutover.JobReadiness;
import dev.migrate.analyzers.scan.Estates;
import dev.migrate.analyzers.scan.Inventory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the HTML report in headless Chromium (offline: no network, no extensions) and checks the rendered
 * DOM, so the page's own script is what sorts the table.
 */
class HtmlReportChromiumTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Pattern ROW = Pattern.compile("<tr data-id=\"([^\"]+)\">(.*?)</tr>", Pattern.DOTALL);
    private static Inventory inventory;

    @TempDir
    Path tmp;

    @BeforeAll
    static void setUp() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "SKIPPED: chromium is not installed at /usr/bin/chromium (apt-get install -y chromium); CI installs it");
        inventory = Estates.scan("mixed");
    }

    private String dumpDom(String hash) throws IOException, InterruptedException {
        return dumpDom(ReportFormatsTest.render(ReportFormat.HTML, inventory), hash);
    }

    private String dumpDom(String page, String hash) throws IOException, InterruptedException {
        return dumpDom(page, hash, List.of());
    }

    private String dumpDom(String page, String hash, List<String> flags) throws IOException, InterruptedException {
        Path html = tmp.resolve("report.html");
        Files.writeString(html, page, StandardCharsets.UTF_8);
        Path profile = Files.createDirectories(tmp.resolve("profile"));
        Path out = tmp.resolve("dom.html");
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-extensions", "--user-data-dir=" + profile));
        command.addAll(flags);
        command.addAll(List.of("--dump-dom", html.toUri() + hash));
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(tmp.resolve("chromium.err").toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 90 s");
        }
        assertThat(p.exitValue()).as(Files.readString(tmp.resolve("chromium.err"))).isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static List<String> column(String dom, String key) {
        List<String> values = new ArrayList<>();
        Matcher m = ROW.matcher(dom);
        Pattern cell = Pattern.compile("<td data-key=\"" + key + "\" data-value=\"([^\"]*)\"");
        while (m.find()) {
            Matcher c = cell.matcher(m.group(2));
            assertThat(c.find()).isTrue();
            values.add(c.group(1));
        }
        return values;
    }

    @Test
    void hashSortsTheInventoryByKindOnLoad() throws Exception {
        String dom = dumpDom("#sort=kind");
        assertThat(dom).contains("data-sorted=\"kind\"").contains("aria-sort=\"ascending\"");
        List<String> kinds = column(dom, "kind");
        assertThat(kinds).hasSize(inventory.jobs().size()).isSorted();
        // The unsorted page lists jobs by source; sorting must actually have moved rows.
        assertThat(column(dumpDom(""), "kind")).isNotEqualTo(kinds);
    }

    @Test
    void descendingSortByFindingsAndChartsRender() throws Exception {
        String dom = dumpDom("#sort=-findings");
        assertThat(dom).contains("data-sorted=\"-findings\"");
        List<String> counts = column(dom, "findings");
        List<String> expected = new ArrayList<>(counts);
        expected.sort(java.util.Comparator.reverseOrder());
        assertThat(counts).isEqualTo(expected);
        assertThat(dom).contains("<g class=\"bar\" data-label=\"breaking\" data-value=\"37\">")
                .contains("<g class=\"bar\" data-label=\"spring\" data-value=\"7\">");
        assertThat(dom).contains("id=\"job-spring-heartbeat-16fb6f9f\"").contains("JAV005");
    }

    @Test
    void readinessViewShowsJobsByStateMissingGatesAndLatestValidation() throws Exception {
        // The evidence names the job as the scan does, so it attaches to the scanned Spring job.
        String heartbeatName = inventory.jobs().stream().filter(j -> j.id().equals("spring-heartbeat-16fb6f9f"))
                .findFirst().orElseThrow().name();
        EvidenceReader.Validation green = new EvidenceReader.Validation("run-2", heartbeatName, "2024-03-01T02:00:00Z",
                "2024-03-01T02:30:00Z", "2024-03-01T03:00:00Z", "pass", 8, 0, null);
        EvidenceReader evidence = new EvidenceReader() {
            @Override
            public List<Validation> validations(String job) {
                return job.equals(heartbeatName) ? List.of(green) : List.of();
            }

            @Override
            public List<Recorded> recordedGates() {
                return List.of(new Recorded(heartbeatName, "cut-over", "alice", "password=hunter2 in the ticket",
                        "2024-03-02T00:00:00Z"));
            }

            @Override
            public List<String> validatedJobs() {
                return List.of(heartbeatName);
            }
        };
        CutoverEstate estate = CutoverEstate.load(tmp.resolve("no-such-root"), inventory, null, evidence,
                dev.migrate.analyzers.cutover.ParityPolicy.of(1, java.time.Instant.parse("2024-03-02T00:00:00Z")));
        List<JobReadiness> readiness = estate.readiness(estate.jobs());
        java.io.StringWriter page = new java.io.StringWriter();
        Reports.writeHtml(inventory, dev.migrate.analyzers.rules.RuleRegistry.standard(), readiness, page);
        assertThat(page.toString()).as("still self-contained").doesNotContainPattern("(src|href)=\"(https?:)?//")
                .contains(HtmlReport.CSP);

        String dom = dumpDom(page.toString(), "#sort=kind");
        assertThat(dom).contains("<h2>Cutover readiness</h2>").contains("id=\"chart-readiness\"")
                .contains("<g class=\"bar\" data-label=\"scanned\" data-value=\"")
                .contains("data-state=\"scanned\"")
                .contains("<b>rewritten</b>: ")
                .contains("none recorded")
                .as("the inventory still sorts with the readiness view present").contains("data-sorted=\"kind\"");
        long jobs = readiness.size();
        assertThat(countOf(dom, "<tr data-job=")).isEqualTo(jobs);
        String heartbeat = readiness.stream().filter(r -> r.job().name().equals(heartbeatName)).findFirst()
                .map(r -> r.stateSlug()).orElseThrow();
        assertThat(heartbeat).isIn("scanned", "rewritten", "deployed");
        assertThat(dom).contains("pass</span> 2024-03-01T03:00:00Z (8 passed, 0 failed; run <code>run-2</code>)")
                .doesNotContain("hunter2");
    }

    @Test
    void sortingBySourceOrdersAPathBeforeTheLongerPathItPrefixes() throws Exception {
        Inventory inv = AwkwardTextReportsTest.inventory("etc/cron.d/a-b", "ab", "/bin/ab", "etc/cron.d/a", "a", "/bin/a",
                "etc/cron.d/a0", "a0", "/bin/a0");
        String dom = dumpDom(ReportFormatsTest.render(ReportFormat.HTML, inv), "#sort=source");
        assertThat(column(dom, "source")).extracting(v -> v.substring(0, v.indexOf('\t')))
                .containsExactly("etc/cron.d/a", "etc/cron.d/a-b", "etc/cron.d/a0");
    }

    @Test
    void namesOfARealEstateKeepTheirWordsWhole() throws Exception {
        // every word of a name cell that is shorter than the column's floor must fit its width: a cell squeezed to a few
        // letters a line ("Updat|e VAN") fails; a canvas measures each word in the cell's own font
        String probe = "<script>var c = document.createElement('canvas').getContext('2d'); var broken = [];"
                + "document.querySelectorAll('td[data-key=name]').forEach(function (td) {"
                + " var st = getComputedStyle(td); c.font = st.font;"
                + " var inner = td.clientWidth - parseFloat(st.paddingLeft) - parseFloat(st.paddingRight);"
                + " td.textContent.split(/\\s+/).forEach(function (w) { var ww = c.measureText(w).width;"
                + "  if (ww <= 8 * parseFloat(st.fontSize) && ww > inner + 0.5) { broken.push(w); } }); });"
                + "document.body.setAttribute('data-broken', broken.join(' '));</script></body>";
        String page = ReportFormatsTest.render(ReportFormat.HTML, inventory).replace("</body>", probe);
        String dom = dumpDom(page, "", List.of("--window-size=1280,900"));
        assertThat(dom).contains("data-broken=\"\"");
    }

    @Test
    void longUnbrokenNamesCommandsAndSchedulesWrapInsteadOfWideningThePage() throws Exception {
        String word = "x".repeat(400);
        List<dev.migrate.analyzers.model.Finding> findings = new ArrayList<>();
        dev.migrate.analyzers.model.Job job = AwkwardTextReportsTest.job(dev.migrate.analyzers.model.JobKind.SYSTEMD_TIMER,
                "etc/systemd/system/" + "deep/".repeat(60) + "job.timer", word,
                "/opt/" + "segment/".repeat(80) + "run.sh --opt=" + "y".repeat(300), findings);
        dev.migrate.analyzers.model.Job plain = AwkwardTextReportsTest.job(dev.migrate.analyzers.model.JobKind.CRON,
                "etc/cron.d/turf", "Refresh Turf Assignments", "/opt/turf/refresh.sh", findings);
        Inventory inv = new Inventory("root", List.of(job, plain), findings, List.of(), inventory.stats());
        String page = ReportFormatsTest.render(ReportFormat.HTML, inv);
        // The page's own script may run inline (the CSP allows it): this one records how wide the layout came out.
        String probe = "<script>document.body.setAttribute('data-overflow', String(document.documentElement.scrollWidth"
                + " - document.documentElement.clientWidth));"
                // how many lines the kind cell's text takes: a slug of ours must not be broken to make room
                + "var r = document.createRange(); r.selectNodeContents(document.querySelector('td[data-key=kind]'));"
                + "document.body.setAttribute('data-kind-lines', String(r.getClientRects().length));"
                // and an ordinary name next to the long one keeps whole words on its lines
                + "var n = document.createRange(); n.selectNodeContents(document.querySelector('td[data-key=name][data-value^=Refresh]'));"
                + "document.body.setAttribute('data-name-lines', String(n.getClientRects().length));</script></body>";
        String dom = dumpDom(page.replace("</body>", probe), "", List.of("--window-size=1280,900"));
        Matcher m = Pattern.compile("data-overflow=\"(-?\\d+)\"").matcher(dom);
        assertThat(m.find()).as("the probe ran").isTrue();
        assertThat(Integer.parseInt(m.group(1))).as("pixels wider than the window").isLessThanOrEqualTo(0);
        assertThat(dom).contains("data-kind-lines=\"1\"");
        Matcher lines = Pattern.compile("data-name-lines=\"(\\d+)\"").matcher(dom);
        assertThat(lines.find()).isTrue();
        assertThat(Integer.parseInt(lines.group(1))).as("lines of 'Refresh Turf Assignments'").isBetween(1, 3);
    }

    @Test
    void attributesShowOneALineMaskedAndSortTheInventory() throws Exception {
        Inventory inv = JobAttributesReportsTest.inventory();
        String flow = JobAttributesReportsTest.of(inv, dev.migrate.analyzers.model.JobKind.PREFECT1_FLOW).id();
        String plain = JobAttributesReportsTest.of(inv, dev.migrate.analyzers.model.JobKind.CRON).id();
        // a long unbroken value must wrap in its cell, not widen the page
        String page = ReportFormatsTest.render(ReportFormat.HTML, inv).replace("prefect1.project=warehouse",
                "prefect1.project=" + "w".repeat(300));
        String probe = "<script>var td = document.querySelector('tr[data-id=\"" + flow + "\"] td[data-key=attributes]');"
                + "var tops = {}; td.querySelectorAll('code').forEach(function (c) { tops[c.getBoundingClientRect().top] = 1; });"
                + "document.body.setAttribute('data-attribute-rows', String(Object.keys(tops).length));"
                + "document.body.setAttribute('data-attribute-text', td.innerText.replace(/\\n/g, '|'));"
                + "document.body.setAttribute('data-overflow', String(document.documentElement.scrollWidth"
                + " - document.documentElement.clientWidth));</script></body>";
        String dom = dumpDom(page.replace("</body>", probe), "#sort=-attributes", List.of("--window-size=1280,900"));
        // each code element starts a line of its own: five attributes, five different tops
        assertThat(dom).contains("data-attribute-rows=\"5\"").contains("data-overflow=\"0\"")
                .contains("data-attribute-text=\"installer.DB_PASSWORD=***|prefect.deploymentRun=***|prefect1.project=");
        for (String secret : List.of("hunter2xyz", "Tr0ub4dor", "S3cretPw77", "pnu_0123456789")) {
            assertThat(dom).doesNotContain(secret);
        }
        // sorted by attributes, descending: the job without any last, where the page (by source) has it first
        assertThat(dom).contains("data-sorted=\"-attributes\"");
        Matcher rows = ROW.matcher(dom);
        List<String> order = new ArrayList<>();
        while (rows.find()) {
            order.add(rows.group(1));
        }
        assertThat(order).containsExactly(flow, plain);
        assertThat(inv.jobs().get(0).id()).isEqualTo(plain);
    }

    private static long countOf(String s, String needle) {
        long n = 0;
        for (int at = s.indexOf(needle); at >= 0; at = s.indexOf(needle, at + 1)) {
            n++;
        }
        return n;
    }
}
