package dev.migrate.cli;

import dev.migrate.analyzers.model.YamlAncestors;
import java.util.List;

/**
 * One side of a YAML file's diff, the old file or the new, read one line at a time: the fields above each line and the
 * Secret values in it. A hunk interleaves both files' lines, so each side reads only its own (and the context lines
 * both share): a removed {@code - name:} item must not close the {@code secretKeyRef:} that the added lines still
 * stand under.
 */
final class YamlDiffSide {
    /** What the side knows of a line: the fields above it, and the line with a Secret's values masked, or null. */
    record Line(List<String> ancestors, String secretMasked) {
    }

    private final YamlAncestors ancestors = new YamlAncestors();
    private final SecretDataValues secretData = new SecretDataValues();

    /** Forgets the lines read: a new hunk or file. */
    void reset() {
        ancestors.reset();
        secretData.reset();
    }

    /** Reads {@code content} (a line without its diff marker) as the side's next line, in a document of {@code kind}. */
    Line next(String content, String kind) {
        List<String> above = ancestors.next(content);
        return new Line(above, secretData.mask(content, above, kind));
    }
}
