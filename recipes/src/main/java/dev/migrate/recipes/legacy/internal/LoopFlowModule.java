package dev.migrate.recipes.legacy.internal;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.Redactor;

/**
 * The flow module for a sleep-loop scheduler. The script's own code is carried over unchanged and a flow that
 * runs one cycle (the function the loop called) is added below it, so the deployment no longer needs the
 * script and the cleanup can delete it, as seed 000 did. A script holding something that looks like a
 * credential is not copied: the flow then imports it from its directory on the host.
 */
final class LoopFlowModule {
    static final String ADDED = "# --- added by migrate: one cycle of the loop above, run by a Prefect deployment ---\n";

    private LoopFlowModule() {
    }

    static boolean copiesScript(Job job, String scriptText) {
        return scriptText != null && Redactor.redact(scriptText).equals(scriptText);
    }

    /**
     * @param scriptText the legacy script, or null once the cleanup deleted it
     * @param existing   the module generated before, kept as it is when the script is gone
     */
    static String text(JobPlan plan, String scriptText, String existing) {
        Job job = plan.job();
        if (scriptText == null && existing != null) {
            return existing;
        }
        String entry = job.attributes().get(LoopJobs.ENTRY_POINT);
        String dir = job.attributes().get(LoopJobs.SCRIPT_DIR);
        StringBuilder py = new StringBuilder();
        boolean copy = copiesScript(job, scriptText);
        if (copy) {
            String eol = scriptText.contains("\r\n") ? "\r\n" : "\n";
            String body = scriptText.endsWith("\n") ? scriptText : scriptText + eol;
            py.append(withSysPath(body, dir)).append("\n\n").append(ADDED);
            py.append("import os as _migrate_os\n");
            py.append("from typing import Optional as _MigrateOptional\n\n");
            py.append("from prefect import flow as _migrate_flow\n\n\n");
        } else {
            py.append("\"\"\"Prefect 3 flow for the loop in ").append(job.source().path()).append(" (runs ").append(entry)
                    .append(" once per scheduled run).\"\"\"\n\n");
            py.append("import importlib\nimport os as _migrate_os\nimport sys\nfrom typing import Optional as _MigrateOptional\n\n");
            py.append("from prefect import flow as _migrate_flow\n\n");
            py.append("SCRIPT_DIR = ").append(PythonText.str(dir)).append("\n\n\n");
        }
        py.append("@_migrate_flow(name=").append(PythonText.str(plan.flowName())).append(", log_prints=True");
        if (plan.retries() > 0) {
            py.append(", retries=").append(plan.retries()).append(", retry_delay_seconds=")
                    .append(PlannedSchedule.span(job.attributes().get("RestartSec")).map(d -> Math.max(1, d.toSeconds())).orElse(1L));
        }
        py.append(")\n");
        py.append("def ").append(plan.flowFunction()).append("_flow(sandbox_root: _MigrateOptional[str] = None):\n");
        py.append("    \"\"\"One cycle of the legacy loop; in the dual-run phase outputs go under sandbox_root.\"\"\"\n");
        py.append("    if sandbox_root:\n        _migrate_os.environ[\"MIGRATE_SANDBOX_ROOT\"] = sandbox_root\n");
        py.append(CallableFlowModule.chdir(job));
        if (copy) {
            py.append("    return ").append(entry).append("()\n");
        } else {
            py.append("    if SCRIPT_DIR not in sys.path:\n        sys.path.insert(0, SCRIPT_DIR)\n");
            String module = job.source().path().substring(job.source().path().lastIndexOf('/') + 1).replaceAll("\\.py$", "");
            py.append("    return getattr(importlib.import_module(").append(PythonText.str(module)).append("), ")
                    .append(PythonText.str(entry)).append(")()\n");
        }
        return py.toString();
    }

    /** Imports of the script's sibling modules keep working: its host directory goes on sys.path first. */
    private static String withSysPath(String body, String dir) {
        String header = "import sys as _migrate_sys  # added by migrate: the script's sibling modules\n"
                + "_migrate_sys.path.insert(0, " + PythonText.str(dir) + ")\n";
        int future = body.lastIndexOf("from __future__ import");
        if (future < 0) {
            // After the module docstring, if the file opens with one, so that it stays the docstring.
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\A(#![^\\n]*\\n)?((?:#[^\\n]*\\n|\\s*\\n)*)"
                    + "(\"\"\"[\\s\\S]*?\"\"\"|'''[\\s\\S]*?''')[ \\t]*\\r?\\n").matcher(body);
            int at = m.find() ? m.end() : 0;
            return body.substring(0, at) + header + body.substring(at);
        }
        int lineEnd = body.indexOf('\n', future);
        return body.substring(0, lineEnd + 1) + header + body.substring(lineEnd + 1);
    }

    static String entrypoint(JobPlan plan) {
        return plan.flowFunction() + "_flow";
    }
}
