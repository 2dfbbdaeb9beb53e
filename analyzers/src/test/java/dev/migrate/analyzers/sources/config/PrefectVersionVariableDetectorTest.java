package dev.migrate.analyzers.sources.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.sources.DetectorHarness;
import org.junit.jupiter.api.Test;

/** A Prefect 2 version in a variable that a build argument, a pin or a Prefect image reads: PF208 at the value. */
class PrefectVersionVariableDetectorTest {
    private static final String TAIL = " installs or runs Prefect 2 in the image or environment built with it (a build "
            + "argument or pin reads the variable); move it to Prefect 3 once flows and integrations are ready\n";

    private static String run(String path, String text) {
        return DetectorHarness.run(new PrefectVersionVariableDetector(), path, text);
    }

    @Test
    void aGithubExpressionsFallbackThatReachesPrefect() {
        assertThat(run(".github/workflows/run.yml", """
                jobs:
                  run:
                    container:
                      image: prefecthq/prefect:${{ vars.PREFECT_VERSION || '2.14.3' }}-python3.11
                    steps:
                      - run: echo "${{ vars.OTHER || '2.1' }}" ${{ vars.PREFECT_VERSION }}
                """)).startsWith(".github/workflows/run.yml:4:61 PF208 default 2.14.3 of ${vars.PREFECT_VERSION} installs or "
                + "runs Prefect 2 wherever vars.PREFECT_VERSION is unset").doesNotContain("2.1 ");
    }

    @Test
    void makefileVariablesPassedAsBuildArgumentsOrPins() {
        assertThat(run("Makefile", """
                PREFECT_VERSION ?= 2.14.3
                IMAGE := acme/flows

                image:
                \tdocker build --build-arg PREFECT_VERSION=$(PREFECT_VERSION) -t $(IMAGE) .
                """)).isEqualTo("Makefile:1:20 PF208 PREFECT_VERSION=2.14.3" + TAIL);
        assertThat(run("build/image.mk", """
                export PREFECT_VERSION := "2.19"
                install:
                \tpip install "prefect[aws]==${PREFECT_VERSION}"
                """)).isEqualTo("build/image.mk:1:28 PF208 PREFECT_VERSION=2.19" + TAIL);
    }

    @Test
    void shellScriptAndJustfileVariables() {
        assertThat(run("scripts/build.sh", """
                #!/usr/bin/env bash
                set -euo pipefail
                PREFECT_VERSION="${PREFECT_VERSION:-2.14.3}"
                export PREFECT_IMAGE_VERSION=2.19.4
                docker build --build-arg "PREFECT_VERSION=${PREFECT_VERSION}" -t acme/flows .
                docker build --build-arg PREFECT_IMAGE_VERSION -t acme/agent .
                """)).isEqualTo(
                "scripts/build.sh:3:37 PF208 PREFECT_VERSION=2.14.3" + TAIL
                + "scripts/build.sh:4:30 PF208 PREFECT_IMAGE_VERSION=2.19.4" + TAIL);
        assertThat(run("justfile", """
                prefect_version := "2.16.9"

                image:
                    docker build --build-arg PREFECT_VERSION={{prefect_version}} .
                """)).isEqualTo("justfile:1:21 PF208 prefect_version=2.16.9" + TAIL);
    }

    @Test
    void gitlabVariablesAndGithubEnvUsedByBuildsAndInstalls() {
        assertThat(run(".gitlab-ci.yml", """
                variables:
                  PREFECT_VERSION: "2.14.3"
                  APP_VERSION: "2.14.3"

                image:
                  variables:
                    PREFECT_IMAGE_VERSION: 2.19.4
                  script:
                    - docker build --build-arg PREFECT_VERSION=$PREFECT_VERSION -t $CI_REGISTRY_IMAGE:$APP_VERSION .
                    - docker build --build-arg PREFECT_IMAGE_VERSION -f agent.Dockerfile .
                """)).isEqualTo(
                ".gitlab-ci.yml:2:21 PF208 PREFECT_VERSION=2.14.3" + TAIL
                + ".gitlab-ci.yml:7:28 PF208 PREFECT_IMAGE_VERSION=2.19.4" + TAIL);
        assertThat(run(".github/workflows/image.yml", """
                env:
                  PREFECT_VERSION: 2.14.3
                jobs:
                  test:
                    runs-on: ubuntu-latest
                    steps:
                      - run: pip install "prefect==${{ env.PREFECT_VERSION }}"
                  image:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: docker/build-push-action@v5
                        with:
                          push: true
                          build-args: |
                            PREFECT_IMAGE_VERSION=2.19.4
                            APP_VERSION=2.1.0
                """)).isEqualTo(
                ".github/workflows/image.yml:2:20 PF208 PREFECT_VERSION=2.14.3" + TAIL
                + ".github/workflows/image.yml:15:35 PF208 build argument PREFECT_IMAGE_VERSION=2.19.4 installs or runs "
                + "Prefect 2 in the image this step builds (it replaces the Dockerfile's ARG default); move it to Prefect 3 "
                + "once flows and integrations are ready\n");
    }

    @Test
    void circleciEnvironmentAndAzureVariables() {
        assertThat(run(".circleci/config.yml", """
                jobs:
                  image:
                    docker:
                      - image: cimg/base:stable
                    environment:
                      PREFECT_VERSION: 2.14.3
                    steps:
                      - run: docker build --build-arg PREFECT_VERSION=${PREFECT_VERSION} .
                """)).isEqualTo(".circleci/config.yml:6:24 PF208 PREFECT_VERSION=2.14.3" + TAIL);
        assertThat(run("azure-pipelines.yml", """
                variables:
                  prefectVersion: '2.19.4'
                steps:
                  - script: pip install "prefect==$(prefectVersion)"
                """)).isEqualTo("azure-pipelines.yml:2:20 PF208 prefectVersion=2.19.4" + TAIL);
    }

    @Test
    void buildPushActionArgumentsInTheirListAndOneLineForms() {
        String tail = " installs or runs Prefect 2 in the image this step builds (it replaces the Dockerfile's ARG "
                + "default); move it to Prefect 3 once flows and integrations are ready\n";
        assertThat(run(".github/workflows/release.yml", """
                jobs:
                  image:
                    steps:
                      - uses: docker/build-push-action@v6
                        with:
                          build-args:
                            - "PREFECT_VERSION=2.20.0rc1"
                      - uses: docker/build-push-action@v6
                        with:
                          build-args: PREFECT_IMAGE_VERSION=2.19
                      - uses: docker/build-push-action@v6
                        with:
                          build-args: |
                            PREFECT_VERSION=3.4.1
                            PYTHON_VERSION=2.7
                """)).isEqualTo(
                ".github/workflows/release.yml:7:32 PF208 build argument PREFECT_VERSION=2.20.0rc1" + tail
                + ".github/workflows/release.yml:10:45 PF208 build argument PREFECT_IMAGE_VERSION=2.19" + tail);
    }

    @Test
    void anEnvFileCountsThroughTheComposeFileNextToIt() {
        ScanFile env = new ScanFile("deploy/.env", "COMPOSE_PROJECT_NAME=flows\nPREFECT_VERSION=2.14.3\nAPP_VERSION=2.0\n");
        ScanFile compose = new ScanFile("deploy/docker-compose.yml", """
                services:
                  worker:
                    build:
                      context: .
                      args:
                        PREFECT_VERSION: ${PREFECT_VERSION}
                    image: acme/flows:${APP_VERSION}
                """);
        assertThat(DetectorHarness.run(new PrefectVersionVariableDetector(), env, compose))
                .isEqualTo("deploy/.env:2:17 PF208 PREFECT_VERSION=2.14.3" + TAIL);
        // Windows line endings, and the compose file's own default, which the .env value replaces where it is set
        assertThat(DetectorHarness.run(new PrefectVersionVariableDetector(),
                new ScanFile(".env", "PREFECT_VERSION=\"2.19.4\"\r\n"),
                new ScanFile("compose.yaml", "services:\r\n  worker:\r\n    image: prefecthq/prefect:${PREFECT_VERSION:-2}-python3.11\r\n")))
                .isEqualTo(".env:1:18 PF208 PREFECT_VERSION=2.19.4" + TAIL
                        + "compose.yaml:3:49 PF208 default 2 of ${PREFECT_VERSION}" + DEFAULT_TAIL);
        // a compose file elsewhere reads its own directory's .env
        assertThat(DetectorHarness.run(new PrefectVersionVariableDetector(), env,
                new ScanFile("docker-compose.yml", compose.text()))).isEmpty();
    }

    @Test
    void aVariableHoldingAWholeImageTagCountsWhereItTagsAPrefectImage() {
        assertThat(run("Makefile", """
                PREFECT_TAG ?= 2.14.3-python3.11
                APP_TAG ?= 2.1.0-alpine
                image:
                	docker build --build-arg BASE=prefecthq/prefect:$(PREFECT_TAG) -t acme/app:$(APP_TAG) .
                """)).isEqualTo("Makefile:1:16 PF208 PREFECT_TAG=2.14.3-python3.11 runs Prefect 2: it is the tag of a "
                + "prefecthq/prefect image; move it to Prefect 3 once flows and integrations are ready\n");
        assertThat(DetectorHarness.run(new PrefectVersionVariableDetector(),
                new ScanFile(".env", "PREFECT_IMAGE_TAG=2-python3.10-kubernetes\n"),
                new ScanFile("compose.yaml", "services:\n  worker:\n    image: prefecthq/prefect:${PREFECT_IMAGE_TAG}\n")))
                .startsWith(".env:1:19 PF208 PREFECT_IMAGE_TAG=2-python3.10-kubernetes runs Prefect 2");
        // a tag that more text follows is no whole tag; another image's tag is the application's
        assertThat(run("scripts/build.sh", """
                PREFECT_TAG=2.14.3-python3.11
                BASE_TAG=2.14.3-python3.11
                docker pull prefecthq/prefect:${PREFECT_TAG}-kubernetes
                docker pull acme/base:${BASE_TAG}
                """)).isEmpty();
    }

    private static final String IMAGE_TAIL = "; move it to a Prefect 3 image once flows and settings are ready\n";

    /** A whole image in a variable gets what the image written in its place gets (PrefectImages.check), at the value. */
    @Test
    void aVariableHoldingAWholePrefectImageIsReportedAsTheImage() {
        assertThat(run("Dockerfile", """
                ARG BASE_IMAGE=prefecthq/prefect:2.14.3-python3.11
                FROM ${BASE_IMAGE}
                COPY flows/ /opt/prefect/flows/
                """)).isEqualTo("Dockerfile:1:16 PF208 image prefecthq/prefect:2.14.3-python3.11 runs Prefect 2.14.3"
                + IMAGE_TAIL);
        assertThat(run("Makefile", """
                IMAGE ?= prefecthq/prefect:2-python3.10
                build:
                	docker build --build-arg BASE_IMAGE=$(IMAGE) -t acme/flows .
                """)).isEqualTo("Makefile:1:10 PF208 image prefecthq/prefect:2-python3.10 runs Prefect 2" + IMAGE_TAIL);
        assertThat(run("bin/build", """
                #!/usr/bin/env bash
                BASE="${BASE:-docker.io/prefecthq/prefect:2.19.4-python3.11}"
                docker build --build-arg "BASE_IMAGE=$BASE" .
                """)).isEqualTo("bin/build:2:15 PF208 image docker.io/prefecthq/prefect:2.19.4-python3.11 runs Prefect 2.19.4"
                + IMAGE_TAIL);
        assertThat(run(".gitlab-ci.yml", """
                variables:
                  PREFECT_IMAGE: "prefecthq/prefect:2-latest"
                deploy:
                  image: $PREFECT_IMAGE
                  script: [prefect deploy --all]
                """)).isEqualTo(".gitlab-ci.yml:2:19 PF208 image prefecthq/prefect:2-latest runs Prefect 2" + IMAGE_TAIL);
        assertThat(DetectorHarness.run(new PrefectVersionVariableDetector(),
                new ScanFile("deploy/.env", "PREFECT_IMAGE=prefecthq/prefect:2.14-python3.11\n"),
                new ScanFile("deploy/compose.yml", "services:\n  worker:\n    image: ${PREFECT_IMAGE}\n")))
                .isEqualTo("deploy/.env:1:15 PF208 image prefecthq/prefect:2.14-python3.11 runs Prefect 2.14" + IMAGE_TAIL);
    }

    @Test
    void imagesInVariablesThatAreNotPrefect2OrNotUsedAreNotReported() {
        // another image, a Prefect 3 image, an ARG no FROM builds on
        assertThat(run("Dockerfile", """
                ARG BASE_IMAGE=python:3.11-slim
                ARG PREFECT3=prefecthq/prefect:3.1.4-python3.11
                ARG UNUSED=prefecthq/prefect:2.14.3-python3.11
                FROM ${BASE_IMAGE} AS build
                FROM $PREFECT3
                """)).isEmpty();
        assertThat(run("Makefile", """
                IMAGE ?= prefecthq/prefect:3-python3.12
                OTHER ?= acme/prefect:2.14.3
                LEFT ?= prefecthq/prefect:2.14.3-python3.11
                build:
                	docker build --build-arg BASE_IMAGE=$(IMAGE) --build-arg X=$(OTHER) .
                """)).isEmpty();
        // an env file's image that no compose file next to it expands
        assertThat(DetectorHarness.run(new PrefectVersionVariableDetector(),
                new ScanFile(".env", "PREFECT_IMAGE=prefecthq/prefect:2.14-python3.11\n"),
                new ScanFile("compose.yaml", "services:\n  worker:\n    image: acme/worker:1\n"))).isEmpty();
    }

    @Test
    void inlineDefaultsThatReachPrefectArePins() {
        assertThat(run("scripts/install.sh", """
                #!/bin/sh
                pip install "prefect==${PREFECT_VERSION:-2.19}" "prefect-aws"
                docker build --build-arg PREFECT_VERSION="${PREFECT_VERSION-2.14.3}" .
                echo "Prefect ${PREFECT_VERSION:-2.14.3}"
                docker build --build-arg APP_VERSION=${APP_VERSION:-2.14.3} .
                """)).isEqualTo(
                "scripts/install.sh:2:42 PF208 default 2.19 of ${PREFECT_VERSION} installs or runs Prefect 2 wherever "
                        + "PREFECT_VERSION is unset; move it to Prefect 3 once flows and integrations are ready\n"
                + "scripts/install.sh:3:61 PF208 default 2.14.3 of ${PREFECT_VERSION} installs or runs Prefect 2 wherever "
                        + "PREFECT_VERSION is unset; move it to Prefect 3 once flows and integrations are ready\n");
        assertThat(run("docker-compose.yml", """
                services:
                  worker:
                    build:
                      context: .
                      args:
                        PREFECT_VERSION: ${PREFECT_VERSION:-2.14.3}
                        APP_VERSION: ${APP_VERSION:-2.14.3}
                  server:
                    image: prefecthq/prefect:${PREFECT_VERSION:-2.14.3}-python3.11
                  ui:
                    image: prefecthq/prefect:${PREFECT_TAG:-2.14.3-python3.11}
                  app:
                    image: acme/app:${APP_TAG:-2.14.3-python3.11}
                    environment:
                      PREFECT_VERSION: ${PREFECT_VERSION:-3.4.1}
                """)).isEqualTo(
                "docker-compose.yml:6:45 PF208 default 2.14.3 of ${PREFECT_VERSION}" + DEFAULT_TAIL
                + "docker-compose.yml:9:49 PF208 default 2.14.3 of ${PREFECT_VERSION}" + DEFAULT_TAIL
                + "docker-compose.yml:11:45 PF208 default 2.14.3-python3.11 of ${PREFECT_TAG} installs or runs Prefect 2 "
                        + "wherever PREFECT_TAG is unset; move it to Prefect 3 once flows and integrations are ready\n");
        assertThat(run("Dockerfile", """
                FROM python:3.11-slim
                ARG PREFECT_VERSION
                RUN pip install "prefect==${PREFECT_VERSION:-2.14.3}"
                """)).isEqualTo("Dockerfile:3:46 PF208 default 2.14.3 of ${PREFECT_VERSION}" + DEFAULT_TAIL);
        // the assigning form sets the variable that a later pin reads
        assertThat(run("scripts/bootstrap", """
                #!/bin/sh
                : "${PREFECT_VERSION:=2.14.3}"
                : "${APP_VERSION:=2.14.3}"
                pip install "prefect==${PREFECT_VERSION}" "acme==${APP_VERSION}"
                """)).isEqualTo("scripts/bootstrap:2:23 PF208 default 2.14.3 of ${PREFECT_VERSION}" + DEFAULT_TAIL);
        // make expands ${...} itself: a shell default there is written $${...}
        assertThat(run("Makefile", "install:\n\tpip install prefect==${PREFECT_VERSION:-2.14.3}\n")).isEmpty();
        assertThat(run("Makefile", "install:\n\tpip install prefect==$${PREFECT_VERSION:-2.14.3}\n"))
                .isEqualTo("Makefile:2:43 PF208 default 2.14.3 of ${PREFECT_VERSION}" + DEFAULT_TAIL);
        assertThat(run("justfile", "install:\n    pip install prefect==${PREFECT_VERSION:-2.14.3}\n"))
                .isEqualTo("justfile:2:45 PF208 default 2.14.3 of ${PREFECT_VERSION}" + DEFAULT_TAIL);
    }

    @Test
    void wholePrefect2ImageAsInlineDefaultIsReportedAsThatImage() {
        assertThat(run("compose.yaml", """
                services:
                  worker:
                    image: ${PREFECT_IMAGE:-prefecthq/prefect:2.14.3-python3.11}
                  agent:
                    image: "${AGENT_IMAGE-ghcr.io/prefecthq/prefect:2-latest}"
                  app:
                    image: ${APP_IMAGE:-acme/app:2.14.3-python3.11}
                  server:
                    image: ${SERVER_IMAGE:-prefecthq/prefect:3.4.1-python3.11}
                """)).isEqualTo(
                "compose.yaml:3:29 PF208 image prefecthq/prefect:2.14.3-python3.11 runs Prefect 2.14.3; move it to a "
                        + "Prefect 3 image once flows and settings are ready\n"
                + "compose.yaml:5:27 PF208 image ghcr.io/prefecthq/prefect:2-latest runs Prefect 2; move it to a "
                        + "Prefect 3 image once flows and settings are ready\n");
        assertThat(run("scripts/run.sh", """
                #!/bin/sh
                docker run --rm "${PREFECT_IMAGE:-prefecthq/prefect:2-python3.10}" prefect version
                """)).isEqualTo("scripts/run.sh:2:35 PF208 image prefecthq/prefect:2-python3.10 runs Prefect 2; move it "
                + "to a Prefect 3 image once flows and settings are ready\n");
        // the literal-image check leaves it to the default's finding, also with a registry before the repository
        assertThat(DetectorHarness.run(new ComposeDetector(), "compose.yaml",
                "services:\n  agent:\n    image: ${AGENT_IMAGE-ghcr.io/prefecthq/prefect:2-latest}\n")).doesNotContain("PF208");
    }

    private static final String DEFAULT_TAIL = " installs or runs Prefect 2 wherever PREFECT_VERSION is unset; move it to "
            + "Prefect 3 once flows and integrations are ready\n";

    @Test
    void jenkinsfileEnvironmentBlocks() {
        assertThat(run("Jenkinsfile", """
                pipeline {
                    agent any
                    environment {
                        PREFECT_VERSION = '2.14.3'
                        APP_VERSION = "2.14.3"
                    }
                    stages {
                        stage('Image') {
                            steps {
                                sh "docker build --build-arg PREFECT_VERSION=${env.PREFECT_VERSION} -t acme/app:${APP_VERSION} ."
                            }
                        }
                    }
                }
                """)).isEqualTo("Jenkinsfile:4:28 PF208 PREFECT_VERSION=2.14.3" + TAIL);
        // a Groovy variable outside environment {} is not the sh step's environment
        assertThat(run("Jenkinsfile", """
                def PREFECT_VERSION = '2.14.3'
                node {
                    sh "pip install prefect==${PREFECT_VERSION}"
                }
                """)).isEmpty();
    }

    // a stage's environment is often written on one line; its value was not read, so the image kept Prefect 2.14
    @Test
    void jenkinsfileOneLineStageEnvironment() {
        assertThat(run("Jenkinsfile", """
                pipeline {
                    agent any
                    stages {
                        stage('Image') {
                            environment { PREFECT_VERSION = '2.14.3' }
                            steps {
                                sh 'docker build --build-arg PREFECT_VERSION=$PREFECT_VERSION -t acme/flows .'
                            }
                        }
                    }
                }
                """)).isEqualTo("Jenkinsfile:5:46 PF208 PREFECT_VERSION=2.14.3" + TAIL);
        // the same line outside an environment block is a Groovy assignment the step does not see
        assertThat(run("Jenkinsfile", """
                node {
                    PREFECT_VERSION = '2.14.3'
                    sh 'docker build --build-arg PREFECT_VERSION=$PREFECT_VERSION -t acme/flows .'
                }
                """)).isEmpty();
    }

    // the version sits in a file the build script reads into itself: the file alone hands it to nothing, the script
    // does, so the value was not reported and the image kept Prefect 2
    @Test
    void versionsInAFileAScriptReadsIntoItself() {
        ScanFile build = new ScanFile("scripts/build.sh", """
                #!/usr/bin/env bash
                . ./scripts/common.sh
                docker build --build-arg PREFECT_VERSION="$PREFECT_VERSION" -t acme/flows .
                docker run --rm prefecthq/prefect:${PREFECT_TAG} prefect version
                """);
        ScanFile common = new ScanFile("scripts/common.sh", ". scripts/versions.env\nPREFECT_TAG=2.14.3-python3.11\n");
        ScanFile versions = new ScanFile("scripts/versions.env", "PREFECT_VERSION=2.14.3\nPYTHON_VERSION=3.11\n");
        assertThat(DetectorHarness.run(new PrefectVersionVariableDetector(), build, common, versions)).isEqualTo(
                "scripts/common.sh:2:13 PF208 PREFECT_TAG=2.14.3-python3.11 runs Prefect 2: it is the tag of a "
                        + "prefecthq/prefect image; move it to Prefect 3 once flows and integrations are ready\n"
                        + "scripts/versions.env:1:17 PF208 PREFECT_VERSION=2.14.3" + TAIL);
        // read by no script, or through a path the shell expands: nothing hands the value to Prefect
        assertThat(DetectorHarness.run(new PrefectVersionVariableDetector(), new ScanFile("scripts/build.sh",
                build.text().replace(". ./scripts/common.sh", ". \"$DIR/common.sh\"")), common, versions)).isEmpty();
    }

    @Test
    void extensionlessScriptsAreKnownByTheirFirstLine() {
        String build = """
                #!/usr/bin/env bash
                export PREFECT_VERSION=2.14.3
                docker build --build-arg PREFECT_VERSION -t acme/flows .
                """;
        assertThat(run("bin/build", build)).isEqualTo("bin/build:2:24 PF208 PREFECT_VERSION=2.14.3" + TAIL);
        assertThat(run("scripts/release", "#!/bin/bash -e\n" + build.substring(build.indexOf('\n') + 1)))
                .startsWith("scripts/release:2:24 PF208");
        assertThat(ShellScripts.byShebang("build", "#!/usr/bin/env -S bash -eu")).isTrue();
        // another interpreter's file, or a file with an extension the shebang does not decide
        assertThat(run("bin/tool", "#!/usr/bin/env python3\n" + build.substring(build.indexOf('\n') + 1))).isEmpty();
        assertThat(ShellScripts.byShebang("build.py", "#!/bin/sh")).isFalse();
        assertThat(ShellScripts.byShebang("build", "#!/usr/bin/env pwsh")).isFalse();
    }

    @Test
    void gitlabExpandedVariables() {
        assertThat(run(".gitlab-ci.yml", """
                variables:
                  PREFECT_VERSION:
                    value: "2.14.3"
                    description: "The Prefect release the images install"
                  PREFECT_IMAGE_VERSION: {value: '2.19.4', description: "agent image"}
                  APP_VERSION:
                    value: "2.14.3"
                image:
                  script:
                    - docker build --build-arg PREFECT_VERSION=$PREFECT_VERSION --build-arg PREFECT_IMAGE_VERSION .
                    - docker tag acme/app acme/app:$APP_VERSION
                """)).isEqualTo(
                ".gitlab-ci.yml:3:13 PF208 PREFECT_VERSION=2.14.3" + TAIL
                + ".gitlab-ci.yml:5:35 PF208 PREFECT_IMAGE_VERSION=2.19.4" + TAIL);
        // options of a variable elsewhere (a job's `value:` key that is no variable's) are not variables
        assertThat(run(".gitlab-ci.yml", """
                deploy:
                  PREFECT_VERSION:
                    value: "2.14.3"
                  script:
                    - pip install prefect==$PREFECT_VERSION
                """)).isEmpty();
    }

    @Test
    void envFilesThatComposeReadsThroughEnvFileOptions() {
        ScanFile makefile = new ScanFile("Makefile", """
                staging:
                	docker compose --env-file deploy/.env.staging -f deploy/compose.yml up -d
                """);
        ScanFile compose = new ScanFile("deploy/compose.yml", """
                services:
                  worker:
                    image: prefecthq/prefect:${PREFECT_VERSION}-python3.11
                """);
        ScanFile staging = new ScanFile("deploy/.env.staging", "PREFECT_VERSION=2.19.4\n");
        ScanFile example = new ScanFile("deploy/.env.example", "PREFECT_VERSION=2.14.3\n");
        ScanFile local = new ScanFile("deploy/.env.local", "PREFECT_VERSION=2.14.3\n");
        // compose reads the named file; a template, or a file nothing names, it does not
        assertThat(DetectorHarness.run(new PrefectVersionVariableDetector(), makefile, compose, staging, example, local))
                .isEqualTo("deploy/.env.staging:1:17 PF208 PREFECT_VERSION=2.19.4" + TAIL);
    }

    /** Run from the root: compose reads the env file for the compose files the same command names, and their includes. */
    @Test
    void anEnvFileIsReadForTheComposeFilesNamedBesideItAndTheirIncludes() {
        ScanFile makefile = new ScanFile("Makefile", """
                prod:
                	docker compose --env-file .env.prod -f deploy/compose.yml up -d
                """);
        ScanFile prod = new ScanFile(".env.prod", "PREFECT_IMAGE=prefecthq/prefect:2.14-python3.11\nPREFECT_VERSION=2.19.4\n");
        ScanFile compose = new ScanFile("deploy/compose.yml", """
                include:
                  - ../workers/compose.workers.yml
                services:
                  server:
                    image: ${PREFECT_IMAGE}
                """);
        ScanFile workers = new ScanFile("workers/compose.workers.yml", """
                services:
                  worker:
                    build:
                      args:
                        PREFECT_VERSION: ${PREFECT_VERSION}
                """);
        assertThat(DetectorHarness.run(new PrefectVersionVariableDetector(), makefile, prod, compose, workers))
                .isEqualTo(".env.prod:1:15 PF208 image prefecthq/prefect:2.14-python3.11 runs Prefect 2.14" + IMAGE_TAIL
                        + ".env.prod:2:17 PF208 PREFECT_VERSION=2.19.4" + TAIL);
        // a compose file that no command runs with it, and no included one, does not read it
        assertThat(DetectorHarness.run(new PrefectVersionVariableDetector(), makefile, prod,
                new ScanFile("staging/compose.yml", compose.text()), workers)).isEmpty();
    }

    /** `docker compose -f deploy/stack.yml`: a compose file whatever its name, with its .env, --env-file and include. */
    @Test
    void composeFilesNamedWithDashFOrComposeFileCountWhateverTheirNames() {
        ScanFile makefile = new ScanFile("Makefile", """
                up:
                	docker compose -f deploy/stack.yml up -d
                prod:
                	docker compose --env-file .env.prod -f deploy/stack.yml up -d
                """);
        ScanFile stack = new ScanFile("deploy/stack.yml", """
                include:
                  - workers.yml
                services:
                  server:
                    image: prefecthq/prefect:${PREFECT_TAG:-2.14.3-python3.11}
                """);
        ScanFile workers = new ScanFile("deploy/workers.yml", """
                services:
                  worker:
                    build:
                      args:
                        PREFECT_VERSION: ${PREFECT_VERSION}
                """);
        ScanFile env = new ScanFile("deploy/.env", "PREFECT_VERSION=2.19.4\n");
        ScanFile prod = new ScanFile(".env.prod", "PREFECT_VERSION=2.16.0\n");
        assertThat(DetectorHarness.run(new PrefectVersionVariableDetector(), makefile, stack, workers, env, prod))
                .isEqualTo(".env.prod:1:17 PF208 PREFECT_VERSION=2.16.0" + TAIL
                        + "deploy/.env:1:17 PF208 PREFECT_VERSION=2.19.4" + TAIL
                        + "deploy/stack.yml:5:45 PF208 default 2.14.3-python3.11 of ${PREFECT_TAG} installs or runs "
                        + "Prefect 2 wherever PREFECT_TAG is unset; move it to Prefect 3 once flows and integrations are "
                        + "ready\n");
        // a .env's COMPOSE_FILE names them as well
        assertThat(DetectorHarness.run(new PrefectVersionVariableDetector(),
                new ScanFile("deploy/.env", "COMPOSE_FILE=stack.yml\nPREFECT_VERSION=2.19.4\n"),
                new ScanFile("deploy/stack.yml", workers.text())))
                .isEqualTo("deploy/.env:2:17 PF208 PREFECT_VERSION=2.19.4" + TAIL);
    }

    /** Nothing names them: YAML files with services under other names are no compose files. */
    @Test
    void unnamedYamlFilesWithServicesAreNoComposeFiles() {
        assertThat(DetectorHarness.run(new PrefectVersionVariableDetector(),
                new ScanFile("deploy/.env", "PREFECT_VERSION=2.19.4\n"),
                new ScanFile("deploy/stack.yml", "services:\n  server:\n    image: prefecthq/prefect:${PREFECT_TAG:-2.14.3}\n"
                        + "    build:\n      args:\n        PREFECT_VERSION: ${PREFECT_VERSION}\n"))).isEmpty();
    }

    @Test
    void prefect3ValuesUnrelatedAndUnusedVariablesAreNotReported() {
        assertThat(run("Makefile", """
                PREFECT_VERSION ?= 3.4.1
                PYTHON_VERSION ?= 2.7
                APP_VERSION ?= 2.14.3
                image:
                \tdocker build --build-arg PREFECT_VERSION=$(PREFECT_VERSION) --build-arg PYTHON_VERSION=$(PYTHON_VERSION) \\
                \t  --build-arg APP_VERSION=$(APP_VERSION) -t acme/app:$(APP_VERSION) .
                """)).isEmpty();
        // named for Prefect's version but never handed to Prefect
        assertThat(run("scripts/release.sh", """
                PREFECT_VERSION=2.14.3
                echo "built against Prefect $PREFECT_VERSION"
                """)).isEmpty();
        // another name passed as Prefect's build argument could be the application's version
        assertThat(run("Makefile", """
                VERSION := 2.14.3
                image:
                \tdocker build --build-arg PREFECT_VERSION=$(VERSION) -t acme/app:$(VERSION) .
                """)).isEmpty();
        // GitHub's env outside a variables key, and a run step's own assignment line
        assertThat(run(".github/workflows/ci.yml", """
                jobs:
                  test:
                    steps:
                      - with:
                          PREFECT_VERSION: 2.14.3
                      - run: pip install prefect==$PREFECT_VERSION
                """)).isEmpty();
        assertThat(run("deploy/.env", "PREFECT_VERSION=2.14.3\n")).isEmpty();
    }
}
