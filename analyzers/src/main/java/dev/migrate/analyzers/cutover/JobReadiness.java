package dev.migrate.analyzers.cutover;

import java.util.List;

/**
 * Where one job stands: every gate with its evidence, and the state reached.
 *
 * @param state  the last state whose gate holds along with all earlier ones; null when not even scanned
 * @param latest the newest recorded validation, or null
 */
public record JobReadiness(CutoverJob job, List<Gate> gates, ReadinessState state, EvidenceReader.Validation latest) {
    public JobReadiness {
        gates = List.copyOf(gates);
    }

    public boolean reached(ReadinessState wanted) {
        return state != null && state.compareTo(wanted) >= 0;
    }

    /** The gates not met yet, in order. */
    public List<Gate> missing() {
        return gates.stream().filter(g -> !g.met()).toList();
    }

    public String stateSlug() {
        return state == null ? "none" : state.slug();
    }
}
