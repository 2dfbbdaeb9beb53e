package dev.migrate.recipes.legacy.internal;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.Overlap;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.SourceRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * legacy-jobs.yaml: the migrated jobs as they were before the cutover, and the files generated for them. Once the
 * cleanup deleted a unit, this is the only place its job is still known, so later runs give the same result.
 */
public record Manifest(List<Job> jobs, List<String> generated, List<String> removed) {
    static final Manifest EMPTY = new Manifest(List.of(), List.of(), List.of());

    public static final String FILE = dev.migrate.analyzers.cutover.RetiredJobs.MANIFEST;

    /**
     * @param phase           the phase that wrote it: from the cutover on, cutover.sh switches the listed timers off on
     *                        the host while their unit files stay in the tree, and a scan of the tree reads this to tell
     *                        (dev.migrate.analyzers.sources.systemd.MigratedJobs)
     * @param secretVariables by job id, the variables whose values go to Secret blocks: their values are not kept
     */
    static String text(Phase phase, List<Job> jobs, List<String> generated, List<String> removed,
                       Map<String, java.util.Set<String>> secretVariables) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("phase", phase.option());
        List<Object> list = new ArrayList<>();
        for (Job j : jobs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", j.id());
            m.put("kind", j.kind().name());
            m.put("name", j.name());
            m.put("source", ref(j.source()));
            List<Object> schedules = new ArrayList<>();
            for (ScheduleSpec s : j.schedules()) {
                Map<String, Object> sm = new LinkedHashMap<>();
                sm.put("form", s.form().name());
                sm.put("expression", s.expression());
                sm.put("timezone", s.timezone());
                sm.put("where", ref(s.where()));
                schedules.add(sm);
            }
            m.put("schedules", schedules);
            m.put("command", j.command());
            m.put("user", j.user());
            java.util.TreeMap<String, String> env = new java.util.TreeMap<>(j.env());
            env.replaceAll((name, value) -> secretVariables.getOrDefault(j.id(), java.util.Set.of()).contains(name)
                    ? dev.migrate.analyzers.model.Redactor.MASK : value);
            m.put("env", env);
            m.put("workingDir", j.workingDir());
            m.put("overlap", j.overlap().name());
            m.put("attributes", new java.util.TreeMap<>(j.attributes()));
            list.add(m);
        }
        root.put("jobs", list);
        root.put("generated", generated);
        root.put("removed", removed);
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        o.setWidth(120);
        return "# Written by migrate: the legacy jobs this project replaces, the files generated and the legacy files deleted (values of secrets are not kept).\n"
                + new Yaml(o).dump(root);
    }

    /** The manifest in {@code text}; an empty one when it is not a manifest this recipe wrote. */
    @SuppressWarnings("unchecked")
    static Manifest read(String text) {
        Object loaded;
        try {
            loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (RuntimeException e) {
            return EMPTY;
        }
        if (!(loaded instanceof Map<?, ?> root) || !(root.get("jobs") instanceof List<?> list)) {
            return EMPTY;
        }
        List<Job> jobs = new ArrayList<>();
        try {
            for (Object o : list) {
                Map<String, Object> m = (Map<String, Object>) o;
                List<ScheduleSpec> specs = new ArrayList<>();
                for (Object so : (List<Object>) m.get("schedules")) {
                    Map<String, Object> s = (Map<String, Object>) so;
                    specs.add(new ScheduleSpec(ScheduleSpec.Form.valueOf((String) s.get("form")), (String) s.get("expression"),
                            (String) s.get("timezone"), ref((Map<String, Object>) s.get("where"))));
                }
                jobs.add(new Job((String) m.get("id"), JobKind.valueOf((String) m.get("kind")), (String) m.get("name"),
                        ref((Map<String, Object>) m.get("source")), specs, (String) m.get("command"), (String) m.get("user"),
                        (Map<String, String>) m.get("env"), (String) m.get("workingDir"),
                        Overlap.valueOf((String) m.get("overlap")), List.of(), (Map<String, String>) m.get("attributes")));
            }
        } catch (RuntimeException e) {
            return EMPTY; // edited by hand beyond recognition: rebuilt from the sources
        }
        List<String> generated = root.get("generated") instanceof List<?> g
                ? g.stream().map(String::valueOf).toList() : List.of();
        List<String> removed = root.get("removed") instanceof List<?> r
                ? r.stream().map(String::valueOf).toList() : List.of();
        return new Manifest(jobs, generated, removed);
    }

    private static Map<String, Object> ref(SourceRef r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", r.path());
        m.put("line", r.line());
        m.put("column", r.column());
        return m;
    }

    private static SourceRef ref(Map<String, Object> m) {
        return new SourceRef((String) m.get("path"), (Integer) m.get("line"), (Integer) m.get("column"));
    }
}
