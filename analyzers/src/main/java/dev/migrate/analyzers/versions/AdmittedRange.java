package dev.migrate.analyzers.versions;

/**
 * The releases a constraint admits, as its lowest and highest end ({@code >=2.10,<3} is from 2.10 inclusive to 3
 * exclusive); an end is null where the constraint sets none. Exclusions ({@code !=3.4.1}) narrow no end.
 */
public record AdmittedRange(End lower, End upper) {
    /** An end; {@code inclusive} when that release itself is admitted. */
    public record End(Release release, boolean inclusive) {
    }

    /** Whether no release at all is admitted ({@code >=3.6,<3.5}, {@code ==3.4.1,>=3.5}). */
    public boolean admitsNothing() {
        if (lower == null || upper == null) {
            return false;
        }
        int c = upper.release().compareTo(lower.release());
        return c < 0 || c == 0 && !(upper.inclusive() && lower.inclusive());
    }

    /** Whether every admitted release is below {@code release} ({@code <3.3} and {@code <=3.2.9} are below 3.3). */
    public boolean allBelow(Release release) {
        if (upper == null) {
            return false;
        }
        int c = upper.release().compareTo(release);
        return c < 0 || c == 0 && !upper.inclusive();
    }

    /** The narrower of two lower ends (the higher one, exclusive before inclusive at the same release). */
    static End higher(End a, End b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        int c = a.release().compareTo(b.release());
        return c > 0 || c == 0 && !a.inclusive() ? a : b;
    }

    /** The narrower of two upper ends. */
    static End lower(End a, End b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        int c = a.release().compareTo(b.release());
        return c < 0 || c == 0 && !a.inclusive() ? a : b;
    }
}
