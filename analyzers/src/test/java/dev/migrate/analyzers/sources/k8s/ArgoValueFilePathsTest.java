package dev.migrate.analyzers.sources.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArgoValueFilePathsTest {
    @Test
    void plainValueFilesAreRelativeToThePathChart() {
        String chart = ArgoValueFilePaths.chartDirectory(" charts/platform/ ");
        assertThat(chart).isEqualTo("charts/platform");
        assertThat(ArgoValueFilePaths.fromChart("../../envs/prod/./platform.yaml", chart)).isEqualTo("envs/prod/platform.yaml");
        assertThat(ArgoValueFilePaths.fromChart("values-prod.yaml", chart)).isEqualTo("charts/platform/values-prod.yaml");
        assertThat(ArgoValueFilePaths.fromChart("values.yaml", ArgoValueFilePaths.chartDirectory("."))).isEqualTo("values.yaml");
    }

    @Test
    void nothingOutsideTheRepository() {
        assertThat(ArgoValueFilePaths.chartDirectory("../elsewhere/chart")).isNull();
        assertThat(ArgoValueFilePaths.chartDirectory(" ")).isNull();
        assertThat(ArgoValueFilePaths.fromChart("../../../outside.yaml", "charts/platform")).isNull();
        assertThat(ArgoValueFilePaths.fromChart("https://example.com/values.yaml", "charts/platform")).isNull();
        assertThat(ArgoValueFilePaths.fromChart("$values/envs/prod.yaml", "charts/platform")).isNull();
        assertThat(ArgoValueFilePaths.fromChart("../..", "charts/platform")).isNull();
    }

    @Test
    void refPathsNeedADeclaredRef() {
        assertThat(ArgoValueFilePaths.fromRef("$values/envs/./prod.yaml", "values"::equals)).isEqualTo("envs/prod.yaml");
        assertThat(ArgoValueFilePaths.fromRef("$other/envs/prod.yaml", "values"::equals)).isNull();
        assertThat(ArgoValueFilePaths.fromRef("$values/../prod.yaml", "values"::equals)).isNull();
        assertThat(ArgoValueFilePaths.fromRef("$values/", "values"::equals)).isNull();
        assertThat(ArgoValueFilePaths.fromRef("envs/prod.yaml", "values"::equals)).isNull();
    }
}
