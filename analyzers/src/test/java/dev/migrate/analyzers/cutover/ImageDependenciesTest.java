package dev.migrate.analyzers.cutover;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageDependenciesTest {
    @TempDir
    Path tmp;

    private void write(String rel, String text) throws Exception {
        Path p = tmp.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @Test
    void reportsARequirementTheImageLacks() throws Exception {
        write("compose.yaml", "services:\n  etl:\n    build: ./img\n    container_name: etl-box\n");
        write("img/Dockerfile", "FROM python:3.12\nRUN pip install --no-cache-dir \\\n    pandas==2.2 \\\n    PyYAML\n");
        write("requirements.txt", "pandas==2.2\npyyaml\npsycopg2-binary==2.9\nrequests\n");
        write("jobs/load.py", "import os\nimport yaml\nimport pandas as pd\nfrom psycopg2 import connect\nimport requests\n");
        write("run.sh", "docker exec -w /app etl-box python /app/jobs/load.py --full\n");

        assertThat(ImageDependencies.find(tmp)).extracting(ImageDependencies.Missing::package_)
                .containsExactly("psycopg2-binary", "requests");
        ImageDependencies.Missing m = ImageDependencies.find(tmp).get(0);
        assertThat(m.dockerfile()).isEqualTo("img/Dockerfile");
        assertThat(m.script() + ":" + m.importLine()).isEqualTo("jobs/load.py:4");
        assertThat(m.runsAt()).isEqualTo("run.sh:1");
    }

    /** `docker compose -f deploy/stack.yml`: its services' containers are built from its Dockerfiles whatever its name. */
    @Test
    void aComposeFileNamedWithDashFBuildsTheContainer() throws Exception {
        write("deploy/stack.yml", "services:\n  etl:\n    build: ../img\n    container_name: etl-box\n");
        write("img/Dockerfile", "FROM python:3.12\nRUN pip install pandas\n");
        write("requirements.txt", "pandas\nrequests\n");
        write("jobs/load.py", "import pandas\nimport requests\n");
        write("run.sh", "docker exec etl-box python /app/jobs/load.py\n");
        // nothing names it yet: a YAML file with services is no compose file
        assertThat(ImageDependencies.find(tmp)).isEmpty();
        write("Makefile", "up:\n\tdocker compose -f deploy/stack.yml up -d\n");
        assertThat(ImageDependencies.find(tmp)).extracting(m -> m.package_() + " " + m.dockerfile())
                .containsExactly("requests img/Dockerfile");
    }

    /**
     * A GitLab pipeline includes {@code ci/deploy.yml}, whose job runs {@code docker compose -f deploy/stack.yml up -d}:
     * the stack builds the container though no file read as a pipeline names it; a template nothing includes, or one
     * another project holds, does not.
     */
    @Test
    void aComposeFileNamedInAnIncludedGitlabTemplateBuildsTheContainer() throws Exception {
        write("deploy/stack.yml", "services:\n  etl:\n    build: ../img\n    container_name: etl-box\n");
        write("img/Dockerfile", "FROM python:3.12\nRUN pip install pandas\n");
        write("requirements.txt", "pandas\nrequests\n");
        write("jobs/load.py", "import pandas\nimport requests\n");
        write("run.sh", "docker exec etl-box python /app/jobs/load.py\n");
        write("ci/deploy.yml", "deploy:\n  script:\n    - docker compose -f deploy/stack.yml up -d\n");
        write(".gitlab-ci.yml", "include:\n  - project: platform/ci\n    file: /ci/deploy.yml\nstages: [deploy]\n");
        assertThat(ImageDependencies.find(tmp)).isEmpty();
        write(".gitlab-ci.yml", "include:\n  - local: ci/deploy.yml\nstages: [deploy]\n");
        assertThat(ImageDependencies.find(tmp)).extracting(m -> m.package_() + " " + m.dockerfile())
                .containsExactly("requests img/Dockerfile");
    }

    @Test
    void nothingWhenTheImageHasEverythingOrNoScriptRunsInIt() throws Exception {
        write("compose.yaml", "services:\n  etl:\n    build: {context: img, dockerfile: Dockerfile}\n");
        write("img/Dockerfile", "FROM python:3.12\nRUN pip install psycopg2-binary\n");
        write("requirements.txt", "psycopg2-binary\n");
        write("jobs/load.py", "import psycopg2\n");
        write("run.sh", "docker exec etl python jobs/load.py\n");
        assertThat(ImageDependencies.find(tmp)).isEmpty();
        write("run.sh", "python jobs/load.py\n");
        assertThat(ImageDependencies.find(tmp)).isEmpty();
    }
}
