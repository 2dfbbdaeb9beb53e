package dev.migrate.analyzers.schedule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@code systemd-analyze calendar} as an oracle and reads back the elapse times it prints. */
final class SystemdAnalyze {
    private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private SystemdAnalyze() {
    }

    static Path find() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path p = Path.of(dir, "systemd-analyze");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** Elapse instants per expression, or null for an expression systemd rejects (then the map has only it). */
    static Map<String, List<Instant>> calendar(Path tool, String hostZone, Instant base, int iterations, List<String> exprs)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(tool.toString(), "calendar", "--iterations=" + iterations,
                "--base-time=" + PRINTED.format(base.atOffset(ZoneOffset.UTC)) + " UTC"));
        cmd.addAll(exprs);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("TZ", hostZone);
        pb.environment().put("SYSTEMD_COLORS", "0");
        pb.environment().put("LC_ALL", "C");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            Map<String, List<Instant>> failed = new LinkedHashMap<>();
            failed.put(String.join(" | ", exprs), null);
            return failed;
        }
        return parse(out, exprs);
    }

    private static Map<String, List<Instant>> parse(String out, List<String> exprs) {
        Map<String, List<Instant>> result = new LinkedHashMap<>();
        List<Instant> current = null;
        int index = -1;
        String pendingLocal = null;
        for (String line : out.split("\n")) {
            String t = line.strip();
            if (t.startsWith("Normalized form:")) {
                flushUtcOnly(current, pendingLocal);
                index++;
                current = new ArrayList<>();
                result.put(exprs.get(index), current);
                pendingLocal = null;
            } else if (t.startsWith("Next elapse:") || t.startsWith("Iter. #")) {
                flushUtcOnly(current, pendingLocal);
                pendingLocal = t.substring(t.indexOf(':') + 1).strip();
            } else if (t.startsWith("(in UTC):")) {
                current.add(instant(t.substring(t.indexOf(':') + 1).strip()));
                pendingLocal = null;
            }
        }
        flushUtcOnly(current, pendingLocal);
        return result;
    }

    /** With TZ=UTC there is no "(in UTC)" line: the local line is already in UTC. */
    private static void flushUtcOnly(List<Instant> current, String local) {
        if (local != null && local.endsWith(" UTC")) {
            current.add(instant(local));
        }
    }

    /** "Sun 2026-10-25 00:30:00 UTC" */
    private static Instant instant(String printed) {
        String[] w = printed.split(" ");
        return LocalDateTime.parse(w[1] + " " + w[2], PRINTED).toInstant(ZoneOffset.UTC);
    }
}
