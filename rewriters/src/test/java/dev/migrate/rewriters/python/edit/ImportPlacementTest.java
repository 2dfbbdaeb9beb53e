package dev.migrate.rewriters.python.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.rewriters.python.Ownership;
import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.PythonParser;
import dev.migrate.rewriters.python.tree.Node;
import org.junit.jupiter.api.Test;

/** New imports land where isort and ruff would put them: their package's group, else their section, sorted. */
class ImportPlacementTest {
    private static final String HEAD = """
            import os
            import sys

            import requests
            from prefect import flow
            from prefect.blocks.system import Secret

            from flows.common import lake
            """;

    /** Adds {@code from module import name}, or {@code import module} when name is null. */
    private static String add(String source, String module, String name) {
        PythonFile f = PythonParser.parse(source);
        Node edited = name == null ? ImportEdits.addImport(f.module(), module, f.style())
                : ImportEdits.addFromImport(f.module(), module, name, f.style());
        String printed = edited.print();
        assertThat(PythonParser.parse(printed).diagnostics()).as("edited code parses").isEmpty();
        assertThat(Ownership.violation(edited)).as("whitespace ownership after the edit").isNull();
        return printed;
    }

    @Test
    void aSubmoduleJoinsItsPackageInSortedPlace() {
        assertThat(add(HEAD, "prefect.task_runners", "ThreadPoolTaskRunner")).isEqualTo("""
                import os
                import sys

                import requests
                from prefect import flow
                from prefect.blocks.system import Secret
                from prefect.task_runners import ThreadPoolTaskRunner

                from flows.common import lake
                """);
        assertThat(add(HEAD, "prefect.artifacts", "create_markdown_artifact")).isEqualTo("""
                import os
                import sys

                import requests
                from prefect import flow
                from prefect.artifacts import create_markdown_artifact
                from prefect.blocks.system import Secret

                from flows.common import lake
                """);
    }

    @Test
    void aStandardLibraryModuleGoesToTheStandardLibrarySection() {
        assertThat(add(HEAD, "subprocess", null)).isEqualTo("""
                import os
                import subprocess
                import sys

                import requests
                from prefect import flow
                from prefect.blocks.system import Secret

                from flows.common import lake
                """);
        assertThat(add(HEAD, "argparse", null)).startsWith("import argparse\nimport os\n");
    }

    @Test
    void aNewThirdPartyPackageGoesToTheFirstThirdPartySection() {
        assertThat(add(HEAD, "prefect_aws", "S3Bucket")).isEqualTo("""
                import os
                import sys

                import requests
                from prefect import flow
                from prefect.blocks.system import Secret
                from prefect_aws import S3Bucket

                from flows.common import lake
                """);
    }

    @Test
    void anUnsortedSectionGetsTheImportAfterItsPackagesLastImport() {
        String source = """
                import requests
                from prefect import flow
                import pandas as pd
                """;
        assertThat(add(source, "prefect.deployments", "run_deployment")).isEqualTo("""
                import requests
                from prefect import flow
                from prefect.deployments import run_deployment
                import pandas as pd
                """);
    }

    @Test
    void theFirstLineOfASectionKeepsItsCommentsAboveTheSection() {
        assertThat(add("#!/usr/bin/env python\n# nightly jobs\nimport os\nimport sys\n", "argparse", null))
                .isEqualTo("#!/usr/bin/env python\n# nightly jobs\nimport argparse\nimport os\nimport sys\n");
        assertThat(add("import os\n\n# third party\nimport requests\n", "prefect", null))
                .isEqualTo("import os\n\n# third party\nimport prefect\nimport requests\n");
    }

    @Test
    void missingSectionsAreStartedInIsortsOrder() {
        assertThat(add("from __future__ import annotations\n\nimport requests\n", "os", null))
                .isEqualTo("from __future__ import annotations\n\nimport os\n\nimport requests\n");
        assertThat(add("from __future__ import annotations\n\nimport os\n\n\ndef f():\n    pass\n", "prefect", "flow"))
                .isEqualTo("from __future__ import annotations\n\nimport os\n\nfrom prefect import flow\n\n\ndef f():\n    pass\n");
    }

    @Test
    void forceSortedSectionsAndCrlfAreKept() {
        String source = "import os\r\nfrom pathlib import Path\r\nimport sys\r\n";
        assertThat(add(source, "shutil", null)).isEqualTo("import os\r\nfrom pathlib import Path\r\nimport shutil\r\nimport sys\r\n");
    }

    @Test
    void importsAfterTheFirstDefinitionAreNotASection() {
        String source = "import os\n\n\ndef f():\n    pass\n\n\nimport prefect\n";
        assertThat(add(source, "prefect.runtime", "flow_run"))
                .isEqualTo("import os\n\nfrom prefect.runtime import flow_run\n\n\ndef f():\n    pass\n\n\nimport prefect\n");
    }

    @Test
    void aFileWithoutImportsGetsTheImportAfterItsDocstring() {
        assertThat(add("\"\"\"Doc.\"\"\"\nx = 1\n", "os", null)).isEqualTo("\"\"\"Doc.\"\"\"\nimport os\n\nx = 1\n");
    }

    @Test
    void aPackageImportedOnlyUnderATryGuardGetsItsNewImportThere() {
        assertThat(add("""
                import os

                try:
                    from prefect import flow
                    from prefect.deployments import Deployment
                except ImportError:  # optional
                    flow = None

                from etl.flows import nightly
                """, "prefect.types.entrypoint", "EntrypointType")).isEqualTo("""
                import os

                try:
                    from prefect import flow
                    from prefect.deployments import Deployment
                    from prefect.types.entrypoint import EntrypointType
                except ImportError:  # optional
                    flow = None

                from etl.flows import nightly
                """);
    }

    @Test
    void aGuardDoesNotCountWhenThePackageIsAlsoImportedAtTheTop() {
        String source = """
                from prefect import flow

                try:
                    from prefect_aws import S3Bucket
                except ImportError:
                    S3Bucket = None
                """;
        assertThat(add(source, "prefect.variables", "Variable")).isEqualTo("""
                from prefect import flow
                from prefect.variables import Variable

                try:
                    from prefect_aws import S3Bucket
                except ImportError:
                    S3Bucket = None
                """);
        // prefect_aws is another package than prefect
        assertThat(add("""
                try:
                    import prefect_aws
                except ImportError:
                    prefect_aws = None
                """, "prefect", null)).startsWith("import prefect\n");
    }
}
