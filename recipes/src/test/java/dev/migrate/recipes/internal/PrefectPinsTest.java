package dev.migrate.recipes.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.recipes.PrefectTarget;
import org.junit.jupiter.api.Test;

class PrefectPinsTest {
    private static final PrefectTarget TARGET = PrefectTarget.parse("3.8.3");

    // a Dockerfile's `pip install "prefect-aws==${PREFECT_AWS:-0.4.10}"` lost its build argument: the whole
    // constraint became prefect-aws>=0.5.0, and --build-arg PREFECT_AWS=... no longer did anything
    @Test
    void aVersionGivenByAReferenceKeepsItAndOnlyItsDefaultMoves() {
        assertThat(PrefectPins.requirement("prefect-aws", null, "==${PREFECT_AWS:-0.4.10}", TARGET))
                .isEqualTo("prefect-aws==${PREFECT_AWS:-0.5.0}");
        assertThat(PrefectPins.requirement("prefect", "[aws]", "==${PREFECT_VERSION-2.14.3}", TARGET))
                .isEqualTo("prefect[aws]==${PREFECT_VERSION-3.8.3}");
        assertThat(PrefectPins.requirement("prefect-gcp", null, ">=${GCP:=0.4}", TARGET)).isEqualTo("prefect-gcp>=${GCP:=0.6.0}");
    }

    @Test
    void referencesWhoseDefaultStaysOrIsMissingAreLeftAlone() {
        assertThat(PrefectPins.requirement("prefect-aws", null, "==${PREFECT_AWS:-0.5.3}", TARGET)).isNull();
        assertThat(PrefectPins.requirement("prefect", null, "==${PREFECT_VERSION:-3.1.0}", TARGET)).isNull();
        assertThat(PrefectPins.requirement("prefect", null, "==${PREFECT_VERSION}", TARGET)).isNull();
    }

    // an exact pin stays exact and a range stays a range: a library's install_requires must not become ==3.8.3
    @Test
    void pinsKeepTheirShape() {
        assertThat(PrefectPins.requirement("prefect-aws", null, "==0.4.10", TARGET)).isEqualTo("prefect-aws==0.5.0");
        assertThat(PrefectPins.requirement("prefect", null, ">=2.10,<3", TARGET)).isEqualTo("prefect>=3.8.3,<4");
        assertThat(PrefectPins.requirement("prefect", "[aws]", " ~= 2.14", TARGET)).isEqualTo("prefect[aws] ~= 3.8");
        assertThat(PrefectPins.requirement("prefect-docker", null, ">=0.4, <0.5", TARGET))
                .isEqualTo("prefect-docker>=0.6.0, <0.7");
    }

    // `prefect<2` is a Prefect 1 pin, which the Prefect 2 set moved to 3.8.3; `prefect<3` holds 2.x and stayed
    @Test
    void capsHoldTheMajorBelowThem() {
        assertThat(PrefectPins.requirement("prefect", null, "<3", TARGET)).isEqualTo("prefect>=3.8.3,<4");
        assertThat(PrefectPins.requirement("prefect", null, "< 3.0", TARGET)).isEqualTo("prefect>=3.8.3,< 4.0");
        assertThat(PrefectPins.requirement("prefect", null, "<=2.20.1", TARGET)).isEqualTo("prefect>=3.8.3,<4");
        assertThat(PrefectPins.requirement("prefect", null, ">=1.0,<3", TARGET)).isEqualTo("prefect>=3.8.3,<4");
        assertThat(PrefectPins.requirement("prefect", null, "<2", TARGET)).isNull();
        assertThat(PrefectPins.requirement("prefect", null, "<2.0", TARGET)).isNull();
        assertThat(PrefectPins.requirement("prefect", null, "<3.2", TARGET)).isNull();
        assertThat(PrefectPins.requirement("prefect", null, "!=2.14.0", TARGET)).isNull();
    }
}
