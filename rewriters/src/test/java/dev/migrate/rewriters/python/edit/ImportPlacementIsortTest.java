package dev.migrate.rewriters.python.edit;

import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.PythonParser;
import dev.migrate.rewriters.python.test.IsortOracle;
import dev.migrate.rewriters.python.tree.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * isort as the oracle: heads of imports that isort accepts (under its defaults, force-sort-within-sections and
 * the black profile) still pass its check after the imports the recipes add, one at a time and all together.
 */
class ImportPlacementIsortTest {
    /** Each head with the isort settings it is sorted under. */
    private static final Map<String, String> HEADS = Map.of(
            """
            \"""Ingest customers.\"""
            import json
            import os
            from datetime import timedelta

            import pandas as pd
            import requests
            from prefect import flow, task
            from prefect.blocks.system import Secret

            from flows.common import lake

            URL = "https://example.com"
            """, "default",
            """
            from datetime import timedelta
            import json
            import os

            import pandas as pd
            from prefect import flow
            import requests

            from flows.common import lake
            """, "force-sort",
            """
            from __future__ import annotations

            import logging

            from prefect import flow, task
            from prefect.deployments import Deployment

            from app.settings import (
                DATABASE_URL,
                LAKE_ROOT,
                RETENTION_DAYS,
                SLACK_WEBHOOK_URL,
                STORAGE_ACCOUNT_NAME,
            )


            def main():
                pass
            """, "black",
            """
            import requests
            from prefect import flow
            """, "default",
            """
            #!/usr/bin/env python
            import os
            import sys


            def main():
                pass
            """, "default");

    /** What the recipes add: a module and a name (a plain import when the name is null). */
    private static final List<String[]> ADDED = List.of(
            new String[] {"prefect.task_runners", "ThreadPoolTaskRunner"},
            new String[] {"prefect.blocks.system", "Secret"},
            new String[] {"prefect", "runtime"},
            new String[] {"prefect.deployments", "run_deployment"},
            new String[] {"os", null},
            new String[] {"subprocess", null},
            new String[] {"prefect_aws.s3", "S3Bucket"},
            new String[] {"prefect.schedules", "Cron"});

    @Test
    void importsAddedToSortedHeadsStaySorted(@TempDir Path dir) throws Exception {
        Map<Path, String> files = new LinkedHashMap<>();
        int n = 0;
        for (Map.Entry<String, String> head : HEADS.entrySet()) {
            files.put(write(dir, n++, head.getKey()), head.getValue()); // the head itself must pass, or the test is wrong
            PythonFile f = PythonParser.parse(head.getKey());
            Node all = f.module();
            for (String[] a : ADDED) {
                Node one = add(f.module(), a, f);
                all = add(all, a, f);
                files.put(write(dir, n++, one.print()), head.getValue());
            }
            files.put(write(dir, n++, all.print()), head.getValue());
        }
        IsortOracle.assertSorted(files);
    }

    private static Node add(Node root, String[] a, PythonFile f) {
        return a[1] == null ? ImportEdits.addImport(root, a[0], f.style()) : ImportEdits.addFromImport(root, a[0], a[1], f.style());
    }

    private static Path write(Path dir, int n, String code) throws Exception {
        return Files.writeString(dir.resolve("head" + n + ".py"), code);
    }
}
