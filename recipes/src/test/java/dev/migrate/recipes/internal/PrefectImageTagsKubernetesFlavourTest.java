package dev.migrate.recipes.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrefectImageTagsKubernetesFlavourTest {
    @Test
    void aPrefect3ReleaseOnAPythonGainsTheKubernetesFlavour() {
        assertThat(PrefectImageTags.kubernetesFlavour("prefecthq/prefect:3.8.3-python3.10"))
                .contains("prefecthq/prefect:3.8.3-python3.10-kubernetes");
        assertThat(PrefectImageTags.kubernetesFlavour("registry.local:5000/prefecthq/prefect:3.8.3-python3.12"))
                .contains("registry.local:5000/prefecthq/prefect:3.8.3-python3.12-kubernetes");
    }

    @Test
    void otherReferencesAreLeftAlone() {
        for (String image : new String[] {"prefecthq/prefect:2.14.3-python3.10", "prefecthq/prefect:3.8.3",
                "prefecthq/prefect:3-latest", "prefecthq/prefect:3.8.3-python3.10-kubernetes",
                "prefecthq/prefect:3.8.3-python3.10-conda", "prefecthq/prefect:3.8.3-python3.10@sha256:0123abcd",
                "acme/prefect:3.8.3-python3.10"}) {
            assertThat(PrefectImageTags.kubernetesFlavour(image)).as(image).isEmpty();
        }
    }
}
