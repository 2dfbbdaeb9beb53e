package dev.migrate.analyzers.cutover;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads only the job names and scheduled run times of a {@code migrate validate} config. The validators
 * module owns the full format; cutover needs just enough to tie validations to jobs.
 */
public final class ValidateConfigJobs {
    private ValidateConfigJobs() {
    }

    /** FILE:LINE:COL of the YAML error when the parser marked it, so an editor can jump there. */
    private static String place(Path config, YAMLException e) {
        if (e instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblemMark() != null) {
            return config + ":" + (m.getProblemMark().getLine() + 1) + ":" + (m.getProblemMark().getColumn() + 1);
        }
        return config.toString();
    }

    private static String problem(YAMLException e) {
        if (e instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblem() != null) {
            return (m.getContext() != null ? m.getContext() + ": " : "") + m.getProblem();
        }
        return e.getMessage().lines().findFirst().orElse("");
    }

    public static List<DeclaredJob> read(Path config) {
        Object root;
        try (Reader r = Files.newBufferedReader(config, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
        } catch (IOException e) {
            // the file is there (a missing one is caught before) but cannot be read: the environment, exit 3
            throw new java.io.UncheckedIOException(config + ": cannot read the validate config (" + e.getMessage()
                    + "); check its permissions, or pass another --validate-config", e);
        } catch (YAMLException e) {
            throw new CutoverException(place(config, e) + ": not valid YAML (" + problem(e)
                    + "); fix it or pass another --validate-config");
        }
        List<DeclaredJob> out = new ArrayList<>();
        if (!(root instanceof Map<?, ?> m) || !(m.get("jobs") instanceof List<?> jobs)) {
            return out;
        }
        String file = config.getFileName().toString();
        for (int i = 0; i < jobs.size(); i++) {
            if (jobs.get(i) instanceof Map<?, ?> job && job.get("name") instanceof String name) {
                out.add(new DeclaredJob(name, file + " jobs[" + i + "]", offset(job)));
            } else {
                throw new CutoverException(file + ": jobs[" + i + "].name is missing; every validate job needs a name");
            }
        }
        return out;
    }

    private static Duration offset(Map<?, ?> job) {
        OffsetDateTime legacy = scheduled(job.get("legacy"));
        OffsetDateTime fresh = scheduled(job.get("new"));
        return legacy == null || fresh == null ? null : Duration.between(legacy, fresh);
    }

    private static OffsetDateTime scheduled(Object side) {
        if (!(side instanceof Map<?, ?> s)) {
            return null;
        }
        Object run = s.get("run");
        Object text = run instanceof Map<?, ?> r ? r.get("scheduled") : run;
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(String.valueOf(text));
        } catch (DateTimeParseException e) {
            return null; // a run id, not a time: no offset to show
        }
    }
}
