package dev.migrate.rewriters.python;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The local python3's stdlib and site-packages, the corpus our parser is proven against. */
final class PythonCorpus {
    private PythonCorpus() {
    }

    /** The python3 executable, or empty when the machine has none. */
    static Optional<String> python3() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? Optional.of("python3") : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Sorted .py files under the stdlib and site-packages directories (symlinks are not followed). */
    static List<Path> files() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("python3", "-c",
                "import sysconfig\nfor k in ('stdlib','platstdlib','purelib','platlib'):\n"
                        + "    v = sysconfig.get_paths().get(k)\n    if v: print(v)").start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        TreeSet<Path> roots = new TreeSet<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank() && Files.isDirectory(Path.of(line.trim()))) {
                roots.add(Path.of(line.trim()).toRealPath());
            }
        }
        TreeSet<Path> files = new TreeSet<>();
        for (Path root : roots) {
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(f -> f.toString().endsWith(".py") && Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                        .forEach(files::add);
            }
        }
        return new ArrayList<>(files);
    }
}
