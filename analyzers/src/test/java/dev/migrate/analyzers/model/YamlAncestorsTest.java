package dev.migrate.analyzers.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class YamlAncestorsTest {
    @Test
    void eachLineGetsTheFieldsAboveIt() {
        YamlAncestors a = new YamlAncestors();
        assertThat(a.next("spec:")).isEmpty();
        assertThat(a.next("  containers:")).containsExactly("spec");
        assertThat(a.next("    - name: server")).containsExactly("spec", "containers");
        assertThat(a.next("      env:")).containsExactly("spec", "containers");
        assertThat(a.next("        - name: PREFECT_API_KEY")).containsExactly("spec", "containers", "env");
        assertThat(a.next("          valueFrom:")).containsExactly("spec", "containers", "env");
        assertThat(a.next("            secretKeyRef:  # the chart's Secret")).containsExactly("spec", "containers", "env", "valueFrom");
        assertThat(a.next("              name: prefect")).containsExactly("spec", "containers", "env", "valueFrom", "secretKeyRef");
        assertThat(a.next("")).containsExactly("spec", "containers", "env", "valueFrom", "secretKeyRef");
        assertThat(a.next("              key: PREFECT_API_KEY")).containsExactly("spec", "containers", "env", "valueFrom",
                "secretKeyRef");
        assertThat(a.next("        - name: STRIPE_KEY")).containsExactly("spec", "containers", "env");
        assertThat(a.next("  volumes:")).containsExactly("spec");
    }

    // a script in a block scalar may hold text shaped like YAML; it is no field of the file
    @Test
    void linesOfABlockScalarHaveNoFields() {
        YamlAncestors a = new YamlAncestors();
        a.next("steps:");
        assertThat(a.next("  - run: |")).containsExactly("steps");
        assertThat(a.next("      secretKeyRef:")).isEmpty();
        assertThat(a.next("        key: Tq8vN2zR5wLp")).isEmpty();
        assertThat(a.next("  - name: deploy")).containsExactly("steps");
    }

    // a hunk that starts below the field knows nothing above it: fewer ancestors, never wrong ones
    @Test
    void aResetForgetsTheLinesRead() {
        YamlAncestors a = new YamlAncestors();
        a.next("secretKeyRef:");
        a.reset();
        assertThat(a.next("  key: PREFECT_API_KEY")).isEqualTo(List.of());
    }
}
