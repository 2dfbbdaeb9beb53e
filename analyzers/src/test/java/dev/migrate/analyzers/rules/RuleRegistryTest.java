package dev.migrate.analyzers.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RuleRegistryTest {
    private final RuleRegistry rules = RuleRegistry.standard();

    @Test
    void loadsEveryFamilyListedInTheIndex() {
        assertThat(rules.families()).contains("PF1", "PF2", "CFG", "BHV", "JAV", "K8S");
        assertThat(rules.get("PF201").title()).isEqualTo("deployment-build-command");
        assertThat(rules.get("BHV001").severity()).isEqualTo(dev.migrate.analyzers.model.Severity.BREAKING);
    }

    @Test
    void everyRuleHasEverySectionAndAPatternNamedTitle() {
        for (Rule r : rules.all()) {
            assertThat(r.doc().sections().values()).as(r.code()).allSatisfy(v -> assertThat(v).isNotBlank());
            assertThat(r.title()).as(r.code()).matches("[a-z0-9]+(-[a-z0-9]+)*").doesNotStartWith("use-");
        }
    }

    @Test
    void selectorsResolveCodesFamiliesAndPrefixes() {
        assertThat(rules.resolve(List.of("PF201"))).containsExactly("PF201");
        assertThat(rules.resolve(List.of("k8s"))).containsExactly("K8S001", "K8S002", "K8S003", "K8S004", "K8S005", "K8S006");
        assertThat(rules.resolve(List.of("PF2"))).allMatch(c -> c.startsWith("PF2")).hasSizeGreaterThan(10);
        assertThat(rules.resolve(List.of("ALL"))).hasSize(rules.all().size());
    }

    @Test
    void unknownSelectorListsFamilies() {
        assertThatThrownBy(() -> rules.resolve(List.of("PF999")))
                .isInstanceOf(UnknownRuleException.class)
                .hasMessageContaining("'PF999'")
                .hasMessageContaining("BHV, CFG, CIV, CRN, GHA, JAV, K8S, PF1, PF2, PYS, SYD");
    }

    @Test
    void malformedRuleFilesFailWithThePathOfTheProblem() {
        assertThatThrownBy(() -> RuleRegistry.parseFile("x.yaml", "- code: XX001\n  title: t\n"))
                .hasMessageStartingWith("x.yaml: [0].severity: missing");
        assertThatThrownBy(() -> RuleRegistry.parseFile("x.yaml", """
                - {code: XX001, title: t, severity: FATAL, applicability: MANUAL, what: a, why: b, example: c, instead: d, fix_safety: e}
                """)).hasMessageContaining("[0].severity: 'FATAL' is not one of [BREAKING, DEPRECATED, INFO]");
        assertThatThrownBy(() -> RuleRegistry.parseFile("x.yaml", """
                - {code: XX001, title: t, severity: INFO, applicability: MANUAL, what: a, why: b, example: c, instead: d, fix_safety: e, extra: f}
                """)).hasMessageContaining("[0].extra: unknown key");
        List<Rule> one = RuleRegistry.parseFile("x.yaml", """
                - {code: XX001, title: t, severity: info, applicability: safe_fix, fixed_by: [dev.migrate.x.FixIt], what: a, why: b, example: c, instead: d, fix_safety: e}
                """);
        assertThat(one.get(0).fixedBy()).containsExactly("dev.migrate.x.FixIt");
        assertThatThrownBy(() -> new RuleRegistry(List.of(one.get(0), one.get(0)))).hasMessageContaining("defined twice");
        assertThatThrownBy(() -> RuleRegistry.parseFile("x.yaml", """
                - {code: XX001, title: t, severity: info, applicability: unsafe_fix, what: a, why: b, example: c, instead: d, fix_safety: e}
                """)).hasMessageContaining("[0].fixed_by: missing; a UNSAFE_FIX rule must name the recipes");
        assertThatThrownBy(() -> RuleRegistry.parseFile("x.yaml", """
                - {code: XX001, title: t, severity: info, applicability: manual, fixed_by: [not a name], what: a, why: b, example: c, instead: d, fix_safety: e}
                """)).hasMessageContaining("[0].fixed_by: 'not a name' is not a recipe name");
    }
}
