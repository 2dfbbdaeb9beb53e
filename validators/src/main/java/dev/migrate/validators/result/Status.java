package dev.migrate.validators.result;

/** PASS and FAIL decide the exit code; INFO is reported but never fails a run (e.g. new columns). */
public enum Status {
    PASS, INFO, FAIL;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
