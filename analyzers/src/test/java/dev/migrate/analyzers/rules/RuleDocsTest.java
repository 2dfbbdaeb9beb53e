package dev.migrate.analyzers.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/rules/CODE.md must be exactly what the rule YAML renders to; -Drules.docs.update=true rewrites them. */
class RuleDocsTest {
    @TempDir
    Path tmp;

    private static Path docsDir() {
        String root = System.getProperty("migrate.repo.root");
        return Path.of(root == null ? ".." : root).resolve("docs/rules");
    }

    @Test
    void committedPagesAreUpToDate() throws IOException {
        RuleRegistry rules = RuleRegistry.standard();
        if (Boolean.getBoolean("rules.docs.update")) {
            RuleDocs.generate(rules, docsDir());
        }
        assertThat(RuleDocs.stale(rules, docsDir()))
                .as("docs/rules is stale; regenerate it as described in docs/rules/README.md").isEmpty();
    }

    @Test
    void everyPageHasEverySection() {
        for (Rule r : RuleRegistry.standard().all()) {
            assertThat(RuleDocs.markdown(r)).as(r.code()).contains("# " + r.code() + ": ", "## What it does",
                    "## Why it matters", "## Example", "## Use instead", "## Fix safety");
        }
    }

    @Test
    void staleCheckCatchesMissingChangedAndOrphanPages() throws IOException {
        RuleRegistry rules = RuleRegistry.standard();
        RuleDocs.generate(rules, tmp);
        assertThat(RuleDocs.stale(rules, tmp)).isEmpty();
        Files.writeString(tmp.resolve("PF201.md"), "edited by hand\n");
        Files.delete(tmp.resolve("K8S001.md"));
        Files.writeString(tmp.resolve("ZZ999.md"), "old rule\n");
        assertThat(RuleDocs.stale(rules, tmp)).isEqualTo(List.of("K8S001.md is missing", "PF201.md is out of date",
                "ZZ999.md documents no rule"));
    }
}
