package dev.migrate.analyzers.baseline;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.scan.Inventory;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a scan's findings compare with a baseline: which findings it lists (reported as baselined, left out of
 * {@code --fail-on}) and which of its entries match no finding any more (fixed, or changed beyond recognition).
 *
 * @param active     whether a baseline was given (reports then say new or unchanged for every finding)
 * @param baselined  the findings the baseline lists, by identity: two equal findings can differ in state
 * @param absent     the baseline's entries that match no reported finding, sorted
 */
public record BaselineState(boolean active, Set<Finding> baselined, List<BaselineEntry> absent) {
    /** No baseline given. */
    public static final BaselineState NONE = new BaselineState(false, Set.of(), List.of());

    public BaselineState {
        Set<Finding> ids = Collections.newSetFromMap(new IdentityHashMap<>());
        ids.addAll(baselined);
        baselined = Collections.unmodifiableSet(ids);
        absent = List.copyOf(absent);
    }

    /**
     * Compares {@code inv}'s findings, whose entries are {@code current} (from {@link Fingerprints#of}, same order),
     * with a baseline's {@code recorded} entries. Entries of codes outside {@code reported} (left out by
     * {@code --select}/{@code --ignore}) are not counted as absent: nothing was looked for there.
     */
    public static BaselineState compare(Inventory inv, List<BaselineEntry> current, Collection<BaselineEntry> recorded,
            Set<String> reported) {
        if (current.size() != inv.findings().size()) {
            throw new IllegalArgumentException("one entry per finding expected: " + current.size() + " entries, "
                    + inv.findings().size() + " findings");
        }
        Set<BaselineEntry> listed = new TreeSet<>(recorded);
        Set<Finding> baselined = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<BaselineEntry> matched = new TreeSet<>();
        for (int i = 0; i < current.size(); i++) {
            if (listed.contains(current.get(i))) {
                baselined.add(inv.findings().get(i));
                matched.add(current.get(i));
            }
        }
        List<BaselineEntry> absent = listed.stream()
                .filter(e -> !matched.contains(e) && reported.contains(e.code())).toList();
        return new BaselineState(true, baselined, absent);
    }

    public boolean isBaselined(Finding f) {
        return baselined.contains(f);
    }

    /** "new" or "unchanged" (SARIF's baselineState words) for a finding of this scan; null without a baseline. */
    public String stateOf(Finding f) {
        return !active ? null : isBaselined(f) ? "unchanged" : "new";
    }

    /** This state for findings replaced one for one ({@code replaced} maps old to new, by identity). */
    public BaselineState mapped(Map<Finding, Finding> replaced, java.util.function.UnaryOperator<BaselineEntry> entry) {
        if (!active) {
            return this;
        }
        Set<Finding> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Finding f : baselined) {
            Finding to = replaced.get(f);
            if (to != null) {
                kept.add(to);
            }
        }
        return new BaselineState(true, kept, absent.stream().map(entry).sorted().toList());
    }

    /** An identity map for {@link #mapped}. */
    public static Map<Finding, Finding> identityMap() {
        return new IdentityHashMap<>();
    }
}
