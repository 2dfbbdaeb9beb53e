package dev.migrate.validators;

import dev.migrate.validators.result.JobResult;

/**
 * An output of a job that cannot be compared (an empty or malformed file, a repeated legacy key): still bad
 * input, with the same message, and also the failed result of the job, so the run can be recorded as evidence.
 * Recorded, it breaks a run of green validations; unrecorded, a parity gate proven earlier would stay proven
 * while the new pipeline wrote a broken file.
 */
public final class JobInputException extends BadInputException {
    private final transient JobResult failed;

    public JobInputException(BadInputException cause, JobResult failed) {
        super(cause.getMessage(), cause);
        this.failed = failed;
    }

    /** The job's result: one failed check saying why its outputs could not be compared. */
    public JobResult failed() {
        return failed;
    }
}
