package dev.migrate.recipes.prefectcli;

import dev.migrate.analyzers.scan.ScanListener;
import dev.migrate.analyzers.scan.ScanOptions;
import dev.migrate.analyzers.scan.Scanner;
import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.engine.RecipeCatalog;
import dev.migrate.recipes.engine.RewriteEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The set-up the scan-agrees-with-rewrite tests of GitLab pipelines share: a project written file by file, scanned
 * (each PF205, by {@code path:line}, with the pool named after the block it names, or "none"), then rewritten with
 * the Prefect 2 set (the {@code --pool} each of those lines holds after it, or "none"), so that a test compares the
 * two line by line.
 */
final class ScanAndRewritePools {
    private static final String RECIPE = "dev.migrate.prefect.MigrateToPrefect3FromPrefect2";
    private static final Pattern SCANNED = Pattern.compile("^infrastructure block '([\\w-]+)/([\\w-]+)' \\(");
    private static final Pattern POOL = Pattern.compile("--pool ([\\w-]+)");

    private final Path project;

    ScanAndRewritePools(Path project) {
        this.project = project;
    }

    /** Writes {@code text} at {@code path} of the project. */
    ScanAndRewritePools file(String path, String text) throws IOException {
        Path p = project.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return this;
    }

    /** Per PF205 line of the scan, the pool named after the block it reads ("none" when it reads none). */
    Map<String, String> scanned() throws IOException {
        Map<String, String> out = new TreeMap<>();
        Scanner.standard(ScanOptions.defaults()).scan(project, "root", ScanListener.NONE).findings().forEach(f -> {
            if (f.code().equals("PF205")) {
                Matcher m = SCANNED.matcher(f.message());
                out.put(f.where().path() + ":" + f.where().line(), m.find() ? m.group(2) : "none");
            }
        });
        return out;
    }

    /** Rewrites the project in place, then, for each of {@code lines} ({@code path:line}), the pool it names or "none". */
    Map<String, String> rewritten(Iterable<String> lines) throws Exception {
        RewriteEngine.apply(project, new RewriteEngine(RecipeCatalog.load().activate(List.of(RECIPE)),
                PrefectTarget.defaultTarget(), true).run(project));
        Map<String, String> out = new TreeMap<>();
        for (String key : lines) {
            String path = key.substring(0, key.indexOf(':'));
            int line = Integer.parseInt(key.substring(key.indexOf(':') + 1));
            Matcher m = POOL.matcher(Files.readAllLines(project.resolve(path)).get(line - 1));
            out.put(key, m.find() ? m.group(1) : "none");
        }
        return out;
    }
}
