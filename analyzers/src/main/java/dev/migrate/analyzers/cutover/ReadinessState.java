package dev.migrate.analyzers.cutover;

import java.util.Locale;

/**
 * The states a job moves through on its way off the legacy scheduler, in order. A job is in the last
 * state whose gate holds together with the gates of every earlier state.
 */
public enum ReadinessState {
    SCANNED("the job is in the inventory (found by scan, or declared in the validate config)"),
    REWRITTEN("no construct that a migrate recipe fixes is left in the job's files"),
    DEPLOYED("a Prefect 3 deployment entry (prefect.yaml) exists for the job"),
    DUAL_RUNNING("at least one validation of legacy against new outputs is recorded"),
    PARITY_PROVEN("the latest N validations are all green"),
    CUT_OVER("a person confirmed that the new deployment now writes the production outputs"),
    LEGACY_DISABLED("the legacy schedule is disabled (migrate marker in its file, or confirmed by a person)"),
    DECOMMISSIONED("a person confirmed the legacy code is removed and the runbooks are updated");

    private final String meaning;

    ReadinessState(String meaning) {
        this.meaning = meaning;
    }

    /** The spelling used on the command line and in reports: {@code parity-proven}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String meaning() {
        return meaning;
    }

    /** Accepts {@code parity-proven}, {@code parity_proven} or {@code PARITY_PROVEN}. */
    public static ReadinessState parse(String text) {
        String norm = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (ReadinessState s : values()) {
            if (s.name().equals(norm)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown readiness state '" + text + "'; use one of " + slugs());
    }

    public static String slugs() {
        StringBuilder b = new StringBuilder();
        for (ReadinessState s : values()) {
            b.append(b.length() == 0 ? "" : ", ").append(s.slug());
        }
        return b.toString();
    }
}
