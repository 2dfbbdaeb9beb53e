package dev.migrate.validators.config;

import dev.migrate.validators.paths.TimestampPattern;
import java.util.List;

/**
 * How output paths are made comparable: timestamps replaced by a placeholder, and root prefixes of
 * the legacy side rewritten to those of the new side (prod root to sandbox root).
 */
public record PathRules(List<TimestampPattern> timestamps, List<RootMapping> roots) {
    public static final PathRules DEFAULT = new PathRules(TimestampPattern.BUILTIN, List.of());

    public record RootMapping(String legacyPrefix, String newPrefix) {
    }
}
