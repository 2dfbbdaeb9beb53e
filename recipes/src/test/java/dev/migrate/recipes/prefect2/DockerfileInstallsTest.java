package dev.migrate.recipes.prefect2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DockerfileInstallsTest {
    private static final Path CONTEXT = Path.of("services/agent");

    @Test
    void aRequirementsFileCopiedIntoTheWorkdirAndInstalled() {
        assertThat(DockerfileInstalls.of("""
                FROM python:3.11-slim
                WORKDIR /app
                COPY requirements.txt .
                RUN pip install --no-cache-dir -r requirements.txt
                """, CONTEXT)).containsExactly(Path.of("services/agent/requirements.txt"));
    }

    @Test
    void theWholeContextCopiedAndAFileUnderItInstalledByAbsolutePathOrAsAProject() {
        assertThat(DockerfileInstalls.of("""
                FROM python:3.11-slim
                COPY . /opt/app
                RUN pip install \\
                      --requirement=/opt/app/requirements/prod.txt \\
                      -c /opt/app/constraints.txt \\
                    && pip install -e /opt/app
                """, CONTEXT)).containsExactlyInAnyOrder(Path.of("services/agent/requirements/prod.txt"),
                Path.of("services/agent/constraints.txt"), Path.of("services/agent/pyproject.toml"),
                Path.of("services/agent/setup.cfg"), Path.of("services/agent/setup.py"));
    }

    @Test
    void aFileRenamedByItsCopyAndAJsonFormCopy() {
        assertThat(DockerfileInstalls.of("""
                FROM python:3.11-slim
                WORKDIR /srv
                COPY ["deps/agent-requirements.txt", "/srv/req.txt"]
                RUN python -m pip install -r req.txt
                """, Path.of(""))).containsExactly(Path.of("deps/agent-requirements.txt"));
    }

    // must not hold: a file another stage built, a file never copied, one named with a variable, a package name
    @Test
    void filesNotFromTheContextAreNotInstalledFromIt() {
        assertThat(DockerfileInstalls.of("""
                FROM python:3.11 AS deps
                COPY requirements.txt /tmp/
                FROM python:3.11-slim
                COPY --from=deps /tmp/requirements.txt /tmp/requirements.txt
                RUN pip install -r /tmp/requirements.txt
                RUN pip install -r /etc/other.txt -r ${REQS} "prefect==2.14.9" prefect-aws
                # RUN pip install -r requirements.txt
                """, CONTEXT)).isEmpty();
    }

    @Test
    void aCopyOutsideTheContextIsNotAFileOfTheRun() {
        assertThat(DockerfileInstalls.of("COPY ../../requirements.txt .\nRUN pip install -r requirements.txt\n",
                Path.of(""))).isEmpty();
    }
}
