package dev.migrate.recipes.prefect2;

import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.internal.YamlPositions;
import dev.migrate.recipes.internal.YamlSnippets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openrewrite.ExecutionContext;
import org.openrewrite.Preconditions;
import org.openrewrite.TreeVisitor;
import org.openrewrite.yaml.YamlIsoVisitor;
import org.openrewrite.yaml.tree.Yaml;

/**
 * Moves a deployment's 2.x {@code schedule:} mapping into a {@code schedules:} list and replaces
 * {@code is_schedule_active}, which 3.x silently ignores, with {@code active:} on each schedule.
 */
public class ReplaceDeploymentScheduleWithSchedules extends PrefectYamlRecipe {
    private final transient MigrationNotes notes = new MigrationNotes(this, "PF207");

    @Override
    public String getDisplayName() {
        return "Replace schedule with schedules in prefect.yaml";
    }

    @Override
    public String getDescription() {
        return "Turns a deployment's `schedule:` mapping into a one-item `schedules:` list, removes the empty "
                + "`schedule: {}` of the 2.x template, and moves `is_schedule_active: false` (or `no`, `off`) into "
                + "`active: false` on each schedule, and a templated `is_schedule_active` into `active:` as written, "
                + "because Prefect 3 ignores `is_schedule_active` without a word. An interval's naive `anchor_date` "
                + "with a timezone other than UTC gets `+00:00`, the instant Prefect 2 read it as (also in a flow "
                + "mapping, or in the `definitions:` schedule a `schedule: *name` refers to); in a `schedules:` list, "
                + "which 3.x reads too, it is noted.";
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getVisitor(NamedPrefectFiles named) {
        return Preconditions.check(PrefectYamlFiles.projectFiles(named), new YamlIsoVisitor<>() {
            /** The anchors of the document that a deployment's 2.x {@code schedule: *name} refers to. */
            private Set<String> scheduleAnchors = Set.of();

            @Override
            public Yaml.Document visitDocument(Yaml.Document document, ExecutionContext ctx) {
                scheduleAnchors = AliasedSchedules.anchorsOf(document);
                return super.visitDocument(document, ctx);
            }

            @Override
            public Yaml.Mapping visitMapping(Yaml.Mapping mapping, ExecutionContext ctx) {
                Yaml.Mapping m = super.visitMapping(mapping, ctx);
                if (m.getAnchor() != null && scheduleAnchors.contains(m.getAnchor().getKey())) {
                    // `schedule: *hourly` was a Prefect 2 schedule: its definition carries the instant Prefect 2 read
                    Optional<Prefect2AnchorDate.Made> made = Prefect2AnchorDate.explicit(m);
                    if (made.isPresent()) {
                        notes.insertRow(ctx, new MigrationNotes.Row(path(), line(m), getName(), false, made.get().note()));
                        return made.get().schedule();
                    }
                }
                if (!PrefectYamlFiles.isDeploymentEntry(getCursor())) {
                    return m;
                }
                Yaml.Mapping.Entry schedule = entry(m, "schedule");
                Yaml.Mapping.Entry schedules = entry(m, "schedules");
                Yaml.Mapping.Entry active = entry(m, "is_schedule_active");
                if (schedule == null && schedules != null) {
                    noteNaiveAnchors(schedules, ctx);
                }
                if (schedule == null && active == null) {
                    return m;
                }
                String path = getCursor().firstEnclosingOrThrow(Yaml.Documents.class).getSourcePath().toString();
                List<Yaml.Mapping.Entry> entries = new ArrayList<>(m.getEntries());
                if (schedule != null && schedules == null && schedule.getValue() instanceof Yaml.Alias alias) {
                    // `schedule: *hourly`, a schedule from `definitions:`: the list refers to it too, merged into a
                    // mapping that carries `active: false` when the deployment was paused
                    String ref = alias.print(getCursor()).strip();
                    String carried = carriedActive(active, getCursor());
                    String seq = carried != null ? " [{<<: " + ref + ", active: " + carried + "}]" : " [" + ref + "]";
                    entries.set(entries.indexOf(schedule), schedule
                            .withKey(((Yaml.Scalar) schedule.getKey()).withValue("schedules"))
                            .withValue(YamlSnippets.parseValue("schedules", seq)));
                    if (active != null) {
                        entries.remove(active);
                    }
                    return m.withEntries(entries);
                }
                if (schedule != null) {
                    if (isEmpty(schedule.getValue())) {
                        entries.remove(schedule);
                    } else if (!isMapping(schedule.getValue(), getCursor())) {
                        // `schedule: 0 0 * * *` was never a schedule: only a person knows which kind was meant
                        notes.insertRow(ctx, new MigrationNotes.Row(path, line(schedule), getName(), true, "`schedule: "
                                + schedule.getValue().print(getCursor()).strip() + "` is not a schedule mapping; write "
                                + "it as `schedules:` with one `- cron: ...` (or interval/rrule) item"));
                    } else if (schedules == null) {
                        Yaml.Block value = schedule.getValue();
                        // a Prefect 2 naive anchor_date outside UTC: carried at +00:00, the instant Prefect 2 read
                        Optional<Prefect2AnchorDate.Made> made = value instanceof Yaml.Mapping sm
                                ? Prefect2AnchorDate.explicit(sm) : Optional.empty();
                        if (made.isPresent()) {
                            notes.insertRow(ctx, new MigrationNotes.Row(path, line(schedule), getName(), false,
                                    made.get().note()));
                            value = made.get().schedule();
                        } else if (value instanceof Yaml.Scalar flow) {
                            // `schedule: {interval: ..., anchor_date: ..., timezone: ...}`, a flow mapping in one scalar
                            Optional<String[]> rewritten = Prefect2AnchorDate.explicitFlow(flow.getValue());
                            if (rewritten.isPresent()) {
                                notes.insertRow(ctx, new MigrationNotes.Row(path, line(schedule), getName(), false,
                                        rewritten.get()[1]));
                                value = flow.withValue(rewritten.get()[0]);
                            }
                        }
                        String text = value.print(getCursor());
                        // written in the file's own sequence style (`- name:` at the key's column, as prefect.yaml does)
                        boolean indentless = YamlSnippets.indentlessSequences(
                                getCursor().firstEnclosingOrThrow(Yaml.Documents.class).printAll());
                        Yaml.Mapping.Entry converted = schedule
                                .withKey(((Yaml.Scalar) schedule.getKey()).withValue("schedules"))
                                .withValue(YamlSnippets.parseValue("schedules", YamlSnippets.wrapInSequence(text, indentless)));
                        entries.set(entries.indexOf(schedule), converted);
                        schedules = converted;
                    } else {
                        notes.insertRow(ctx, new MigrationNotes.Row(path, line(schedule), getName(), true,
                                "deployment has both `schedule` and `schedules`, which Prefect 3 rejects; merge them by hand"));
                    }
                }
                if (active != null) {
                    String carried = carriedActive(active, getCursor());
                    if (carried != null && schedules != null) {
                        // a schedule's own `active: false` stays: the deployment's value cannot make it run
                        String seq = ScheduleItemKeys.set(schedules.getValue().print(getCursor()), "active", carried,
                                ReplaceDeploymentScheduleWithSchedules::isFalse);
                        if (seq == null) {
                            notes.insertRow(ctx, new MigrationNotes.Row(path, line(active), getName(), true,
                                    "add `active: " + carried + "` to each schedule of this `schedules:` list, whose items "
                                    + "are not all mappings, and remove `is_schedule_active`"));
                            return sameEntries(entries, m.getEntries()) ? m : m.withEntries(entries);
                        }
                        entries.set(entries.indexOf(schedules), schedules.withValue(YamlSnippets.parseValue("schedules", seq)));
                        if (!carried.equals("false")) {
                            notes.insertRow(ctx, new MigrationNotes.Row(path, line(active), getName(), false,
                                    "`is_schedule_active: " + carried + "` is now `active: " + carried + "` on each "
                                    + "schedule, where Prefect 3 fills it in at deploy time; a schedule's own `active: false` stays"));
                        }
                    } else if (carried != null) {
                        notes.insertRow(ctx, new MigrationNotes.Row(path, line(active), getName(), false,
                                "removed `is_schedule_active: " + carried + "` from a deployment without schedules"));
                    }
                    entries.remove(active);
                }
                return sameEntries(entries, m.getEntries()) ? m : m.withEntries(entries);
            }

            private int line(Yaml node) {
                return YamlPositions.lineOf(getCursor(), node);
            }

            private String path() {
                return getCursor().firstEnclosingOrThrow(Yaml.Documents.class).getSourcePath().toString();
            }

            /**
             * A deployment's own {@code schedules:} list with a naive anchor outside UTC: late 2.x and every 3.x read
             * the list, so nothing tells which reading the runs had; the note gives both spellings.
             */
            private void noteNaiveAnchors(Yaml.Mapping.Entry schedules, ExecutionContext ctx) {
                if (!(schedules.getValue() instanceof Yaml.Sequence seq)) {
                    return;
                }
                for (Yaml.Sequence.Entry item : seq.getEntries()) {
                    if (item.getBlock() instanceof Yaml.Mapping s && entry(s, "interval") != null
                            && entry(s, "anchor_date") != null && entry(s, "anchor_date").getValue() instanceof Yaml.Scalar a
                            && entry(s, "timezone") != null && entry(s, "timezone").getValue() instanceof Yaml.Scalar tz) {
                        Prefect2AnchorDate.of(a.getValue(), tz.getValue()).ifPresent(at -> notes.insertRow(ctx,
                                new MigrationNotes.Row(path(), line(entry(s, "anchor_date")), getName(), true,
                                        Prefect2AnchorDate.ambiguousNote(at, a.getValue()))));
                    }
                }
            }
        });
    }

    /**
     * What {@code is_schedule_active} says to carry onto the schedules as {@code active:}: {@code false} for any
     * spelling Prefect's YAML loader reads as false (YAML 1.1's {@code no} and {@code off} too), the value as written
     * for a template ({@code "{{ $ACTIVE }}"}, which 3.x renders in {@code active:}); null for true, where the default
     * already holds, and when there is no key.
     */
    private static String carriedActive(Yaml.Mapping.Entry active, org.openrewrite.Cursor cursor) {
        if (active == null || !(active.getValue() instanceof Yaml.Scalar s)) {
            return null;
        }
        if (isFalse(s.getValue())) {
            return "false";
        }
        return s.getValue().contains("{{") ? s.print(cursor).strip() : null;
    }

    /** YAML 1.1's spellings of false, which PyYAML (so Prefect) reads: false, no, off in any case. */
    private static boolean isFalse(String value) {
        return value.equalsIgnoreCase("false") || value.equalsIgnoreCase("no") || value.equalsIgnoreCase("off");
    }

    private static Yaml.Mapping.Entry entry(Yaml.Mapping m, String key) {
        return m.getEntries().stream().filter(e -> key.equals(e.getKey().getValue())).findFirst().orElse(null);
    }

    /** Whether nothing was replaced, added or removed (entries compare by id, so by identity here). */
    private static boolean sameEntries(List<Yaml.Mapping.Entry> a, List<Yaml.Mapping.Entry> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }

    /** A block mapping, or a flow mapping (which rewrite-yaml may hand over as a scalar holding `{...}`). */
    private static boolean isMapping(Yaml.Block value, org.openrewrite.Cursor cursor) {
        return value instanceof Yaml.Mapping || value.print(cursor).strip().startsWith("{");
    }

    private static boolean isEmpty(Yaml.Block value) {
        if (value instanceof Yaml.Mapping mm) {
            return mm.getEntries().isEmpty();
        }
        return value instanceof Yaml.Scalar s && (s.getValue().isEmpty() || s.getValue().equals("null") || s.getValue().equals("~"));
    }
}
