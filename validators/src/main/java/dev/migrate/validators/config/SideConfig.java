package dev.migrate.validators.config;

import java.util.List;

/**
 * One side of a job: where its outputs are ({@code connection} and optional sub-directory {@code root}),
 * which files count as outputs for the path check, and which run produced them.
 */
public record SideConfig(String connection, String root, List<String> outputs, RunRef run) {
}
