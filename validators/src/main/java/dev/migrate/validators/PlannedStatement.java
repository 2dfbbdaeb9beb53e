package dev.migrate.validators;

import dev.migrate.validators.query.Statement;

/** One statement of a dry run, with the job, dataset and side it belongs to. */
public record PlannedStatement(String job, String dataset, String side, Statement statement) {
}
