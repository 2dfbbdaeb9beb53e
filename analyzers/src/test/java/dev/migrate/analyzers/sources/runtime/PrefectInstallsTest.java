package dev.migrate.analyzers.sources.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrefectInstallsTest {
    @Test
    void readsPackagesRequirementsFilesAndProjectInstalls() {
        assertThat(PrefectInstalls.of("RUN python -m pip install -U pip && pip install \"prefect[aws]==2.14.9\""))
                .isEqualTo(new PrefectInstalls(true, java.util.List.of(), false));
        assertThat(PrefectInstalls.of("uv pip install --system -r /tmp/requirements.txt -c constraints.txt"))
                .isEqualTo(new PrefectInstalls(false, java.util.List.of("/tmp/requirements.txt"), false));
        assertThat(PrefectInstalls.of("pip install --no-cache-dir -e '.[dev]'").project()).isTrue();
        assertThat(PrefectInstalls.of("poetry install --no-root --only main").project()).isTrue();
        assertThat(PrefectInstalls.of("uv sync --frozen").project()).isTrue();
        assertThat(PrefectInstalls.of("poetry add prefect-aws").prefect()).isTrue();
        assertThat(PrefectInstalls.of("pip install -rrequirements/prod.txt").requirements()).containsExactly("requirements/prod.txt");
    }

    @Test
    void otherPackagesAndCommandsInstallNoPrefect() {
        assertThat(PrefectInstalls.of("pip install flask prefects && echo prefect"))
                .isEqualTo(new PrefectInstalls(false, java.util.List.of(), false));
        assertThat(PrefectInstalls.of("apt-get install -y python3-pip && npm install prefect"))
                .isEqualTo(new PrefectInstalls(false, java.util.List.of(), false));
        assertThat(PrefectInstalls.of("pip install --index-url https://pypi.example/simple/prefect flask").prefect()).isFalse();
    }
}
