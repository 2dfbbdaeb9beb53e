package dev.migrate.recipes.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Flow mappings the YAML parser keeps as one scalar, read and edited as mappings. */
class FlowMappingsTest {
    private static final UnaryOperator<String> SAME = s -> s;

    @Test
    void keysAndValuesAreReadAsTheMappingHasThem() {
        assertThat(FlowMappings.entries("{PREFECT_ORION_API_PORT: \"4200\", 'B': c, D: {E: f}}")).hasValueSatisfying(e ->
                assertThat(e).containsExactly(new FlowMappings.Entry("PREFECT_ORION_API_PORT", "4200"),
                        new FlowMappings.Entry("B", "c"), new FlowMappings.Entry("D", "{E: f}")));
    }

    // quotes, spacing, the line break and the comment of the mapping are its own and stay as written
    @Test
    void anEditChangesOnlyWhatItRenames() {
        String flow = "{PREFECT_ORION_API_PORT: \"4200\",  'PREFECT_ORION_API_HOST' : 0.0.0.0, # the bind address\n"
                + "   OTHER: PREFECT_ORION_API_PORT}";
        assertThat(FlowMappings.edit(flow, k -> k.replace("ORION", "SERVER"), SAME)).hasValue(
                "{PREFECT_SERVER_API_PORT: \"4200\",  'PREFECT_SERVER_API_HOST' : 0.0.0.0, # the bind address\n"
                        + "   OTHER: PREFECT_ORION_API_PORT}");
        assertThat(FlowMappings.edit(flow, SAME, SAME)).hasValue(flow);
    }

    @Test
    void textThatIsNoFlowMappingIsNotEdited() {
        assertThat(FlowMappings.edit("plain PREFECT_X", k -> "Y", SAME)).isEmpty();
        assertThat(FlowMappings.edit("{PREFECT_X: {{ .Values.port | quote }}}", k -> "Y", SAME)).isEmpty();
        assertThat(FlowMappings.edit("{PREFECT_X: [unclosed}", k -> "Y", SAME)).isEmpty();
        assertThat(FlowMappings.entries("[a, b]")).isEmpty();
    }

    // a keyRef's key set alone: the other fields with the same name text, and the key's own quotes, stay as written
    @Test
    void oneValueIsSetByItsKey() {
        assertThat(FlowMappings.withValue("{\"name\": key, \"key\": 'PREFECT_ORION_API_PORT' }", "key",
                "PREFECT_SERVER_API_PORT")).hasValue("{\"name\": key, \"key\": 'PREFECT_SERVER_API_PORT' }");
        assertThat(FlowMappings.withValue("{name: prefect, optional: true}", "key", "X"))
                .hasValue("{name: prefect, optional: true}");
        assertThat(FlowMappings.withValue("{name: {{ .Values.secret }}, key: X}", "key", "Y")).isEmpty();
    }
}
