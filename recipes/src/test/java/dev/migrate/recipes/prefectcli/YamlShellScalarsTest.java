package dev.migrate.recipes.prefectcli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.yaml.YamlIsoVisitor;
import org.openrewrite.yaml.YamlParser;
import org.openrewrite.yaml.tree.Yaml;

class YamlShellScalarsTest {
    /** The value scalar of {@code key: ...} in a one-entry document. */
    private static Yaml.Scalar valueOf(String yaml) {
        List<Yaml.Scalar> values = new ArrayList<>();
        YamlParser.builder().build().parse(new InMemoryExecutionContext(), yaml).forEach(sf ->
                new YamlIsoVisitor<Integer>() {
                    @Override
                    public Yaml.Mapping.Entry visitMappingEntry(Yaml.Mapping.Entry e, Integer p) {
                        if (e.getValue() instanceof Yaml.Scalar s) {
                            values.add(s);
                        }
                        return e;
                    }
                }.visit(sf, 0));
        return values.get(0);
    }

    @Test
    void foldedLinesBecomeContinuationsAndComeBack() {
        Yaml.Scalar s = valueOf("run: >-\n  prefect deployment build a.py:f\n  -n x\n");
        String shell = YamlShellScalars.toShell(s);
        assertThat(shell).isEqualTo("-\n  prefect deployment build a.py:f\\\n  -n x\n");
        assertThat(YamlShellScalars.fromShell(s, shell)).isEqualTo(s.getValue());
    }

    @Test
    void literalAndOneLineScalarsAreShellAsTheyAre() {
        Yaml.Scalar literal = valueOf("run: |\n  a\n  b\n");
        assertThat(YamlShellScalars.toShell(literal)).isEqualTo(literal.getValue());
        Yaml.Scalar plain = valueOf("run: prefect agent start -q a\n");
        assertThat(YamlShellScalars.toShell(plain)).isEqualTo("prefect agent start -q a");
    }

    // a blank line or a more-indented line keeps its break in a folded scalar: a shell must see it as written
    @Test
    void foldingThatKeepsBreaksIsRefused() {
        assertThat(YamlShellScalars.toShell(valueOf("run: >\n  a\n\n  b\n"))).isNull();
        assertThat(YamlShellScalars.toShell(valueOf("run: >\n  a\n    b\n"))).isNull();
        assertThat(YamlShellScalars.toShell(valueOf("run: >\n  a \\\n  b\n"))).isNull();
    }

    @Test
    void quotedScalarsHoldOnlyTheQuotesTheyHad() {
        Yaml.Scalar single = valueOf("run: 'prefect deploy --all'\n");
        assertThat(YamlShellScalars.fits(single, single.getValue(), "prefect deploy --job-variable '{}'")).isFalse();
        assertThat(YamlShellScalars.fits(single, single.getValue(), "prefect --no-prompt deploy --all")).isTrue();
        Yaml.Scalar plain = valueOf("run: prefect deploy --all\n");
        assertThat(YamlShellScalars.fits(plain, plain.getValue(), "prefect deploy --job-variable '{\"a\":1}'")).isTrue();
    }
}
