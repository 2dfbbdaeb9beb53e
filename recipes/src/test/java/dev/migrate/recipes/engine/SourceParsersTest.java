package dev.migrate.recipes.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

// the Procfile, justfile and Jenkinsfile recipes never ran: the engine parsed none of those files
class SourceParsersTest {
    @ParameterizedTest
    @ValueSource(strings = {"Procfile", "ops/Procfile.dev", "justfile", "Justfile", "tasks.just", "Jenkinsfile",
        "ci/Jenkinsfile.deploy", "deploy.jenkinsfile", ".env.prod", ".env", "worker.env", "run.sh",
        // supervisord programs: the recipe for their command= lines never saw them
        "supervisord.conf", "etc/supervisor/conf.d/agent.conf", "supervisor/agent.ini",
        // read to say the lock is stale once the prefect-agent dependency became prefect-worker
        "charts/agent/Chart.lock",
        // a host dump's users and groups: whose home WorkingDirectory=~ is, a user unit owner's ids
        "etc/passwd", "web1/etc/group",
        // every Dockerfile name the Dockerfile recipes select (FileGlobs.DOCKERFILES)
        "Dockerfile", "docker/Dockerfile.agent", "agent.Dockerfile", "build/app.dockerfile", "Containerfile",
        "Containerfile.worker", "worker.Containerfile"})
    void filesACommandRecipeReadsAreParsed(String path) {
        assertThat(SourceParsers.forPath(Path.of(path))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"README", "image.png", "Procfiles.md.bak", "justfiles",
        // the password hashes are never read; a passwd outside a dump's etc/ is no host's
        "etc/shadow", "web1/etc/gshadow", "docs/passwd", "etc/passwd-"})
    void otherFilesAreLeftOut(String path) {
        assertThat(SourceParsers.forPath(Path.of(path))).isEmpty();
    }

    // bin/build and scripts/release without an extension: the scan read their commands, the rewrite never saw them
    @ParameterizedTest
    @ValueSource(strings = {"#!/bin/bash\nset -e\n", "#!/usr/bin/env sh\n", "#! /bin/dash -eu\r\n", "#!/usr/bin/env -S bash -e\n"})
    void extensionlessShellScriptsAreParsedByTheirFirstLine(String text) {
        assertThat(SourceParsers.mayChooseByContent(Path.of("bin/build"))).isTrue();
        assertThat(SourceParsers.forContent(Path.of("bin/build"), text.getBytes(StandardCharsets.UTF_8))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"#!/usr/bin/env python3\n", "#!/usr/bin/fish\n", "#!/usr/bin/env pwsh\n", "echo hi\n", ""})
    void otherExtensionlessFilesAreLeftOut(String text) {
        assertThat(SourceParsers.forContent(Path.of("bin/tool"), text.getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(SourceParsers.mayChooseByContent(Path.of("bin/tool.py"))).isFalse();
    }
}
