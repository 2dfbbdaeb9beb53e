package dev.migrate.validators.paths;

import dev.migrate.validators.result.Check;
import dev.migrate.validators.result.CheckResult;
import dev.migrate.validators.result.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Check 1: both sides wrote the same set of outputs once timestamps are normalised and roots mapped. */
public final class PathCheck {
    private PathCheck() {
    }

    public static List<CheckResult> compare(List<OutputFile> legacy, List<OutputFile> current) {
        TreeSet<String> l = new TreeSet<>();
        legacy.forEach(f -> l.add(f.normalized()));
        TreeSet<String> n = new TreeSet<>();
        current.forEach(f -> n.add(f.normalized()));
        List<CheckResult> out = new ArrayList<>();
        for (String p : l) {
            if (!n.contains(p)) {
                out.add(CheckResult.of(null, Check.PATHS, p, Status.FAIL, "missing output: the legacy run wrote "
                        + example(legacy, p) + " but the new run wrote nothing at " + p).withValues(p, null, null, null));
            }
        }
        for (String p : n) {
            if (!l.contains(p)) {
                out.add(CheckResult.of(null, Check.PATHS, p, Status.FAIL, "extra output: the new run wrote "
                        + example(current, p) + " which the legacy run did not").withValues(null, p, null, null));
            }
        }
        if (out.isEmpty()) {
            out.add(CheckResult.of(null, Check.PATHS, "outputs", Status.PASS, "the same " + l.size()
                    + " outputs on both sides after normalisation")
                    .withValues(String.valueOf(legacy.size()), String.valueOf(current.size()), null, null));
        }
        return out;
    }

    private static String example(List<OutputFile> files, String normalized) {
        return files.stream().filter(f -> f.normalized().equals(normalized)).map(OutputFile::relative)
                .findFirst().orElse(normalized);
    }
}
