package dev.migrate.analyzers.cutover;

import java.util.Locale;

/**
 * Gates that only a person can confirm, recorded with {@code migrate cutover record JOB GATE}. They are
 * never inferred from files: the switch they stand for lives outside the repository.
 */
public enum PersonGate {
    CUT_OVER("the new deployment writes the production outputs and its schedule is active"),
    LEGACY_DISABLED("the legacy schedule is off where no file shows it (systemd host, Civis, a server)"),
    LEGACY_CODE_REMOVED("the legacy job's code and schedule definitions are deleted"),
    RUNBOOKS_UPDATED("runbooks and docs that mention the old scheduler now describe the new deployment");

    private final String meaning;

    PersonGate(String meaning) {
        this.meaning = meaning;
    }

    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String meaning() {
        return meaning;
    }

    public static PersonGate parse(String text) {
        String norm = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (PersonGate g : values()) {
            if (g.name().equals(norm)) {
                return g;
            }
        }
        StringBuilder all = new StringBuilder();
        for (PersonGate g : values()) {
            all.append(all.length() == 0 ? "" : ", ").append(g.slug());
        }
        throw new IllegalArgumentException("unknown gate '" + text + "'; a person can record " + all);
    }
}
