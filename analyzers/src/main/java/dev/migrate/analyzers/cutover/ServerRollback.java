package dev.migrate.analyzers.cutover;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.scan.Inventory;
import java.util.ArrayList;
import java.util.List;

/**
 * The way back from an in-place 2→3 server upgrade. Prefect 3 migrates the database schema forward when it starts (or
 * by {@code prefect server database upgrade}); a 2.x server does not run on that schema, so going back is: stop the 3.x
 * server and workers, restore the dump the backup step took, pin the server to the exact 2.x it ran, restart it, and
 * give the agents back.
 */
final class ServerRollback {
    static final String TITLE = "Roll back the server upgrade (if the canary or the first runs fail)";

    private ServerRollback() {
    }

    static Step of(Inventory inv, Job server, String date, String source, String where) {
        ServerVersion v = ServerVersion.of(inv, server);
        List<Job> agents = inv.jobs().stream().filter(j -> j.kind() == JobKind.PREFECT_AGENT).toList();
        List<Job> workers = inv.jobs().stream().filter(j -> j.kind() == JobKind.PREFECT_WORKER).toList();
        List<String> lines = new ArrayList<>();
        boolean unit = server.source().path().endsWith(".service");
        String file = Step.shellWord(server.source().path());
        String service = server.attributes().get("service");
        // agents run by a unit run 3.x workers since the rewrite changed their ExecStart: they stop with the server
        List<String> unitAgents = agents.stream().filter(a -> a.source().path().endsWith(".service"))
                .map(ServerRollback::unitOf).toList();
        if (unit) {
            List<String> units = new ArrayList<>();
            workers.stream().filter(w -> w.source().path().endsWith(".service")).forEach(w -> units.add(unitOf(w)));
            units.addAll(unitAgents);
            units.add(unitOf(server));
            lines.add("systemctl stop " + String.join(" ", units.stream().map(Step::shellWord).toList()));
        } else if (service != null) {
            List<String> services = new ArrayList<>();
            services.add(service);
            // the 3.x workers stop with it, before the database is swapped under them: the agent services as
            // MigrateComposeAgentToWorker renamed them (prefect-agent became prefect-worker)
            composeAgents(agents).stream().filter(a -> file.equals(Step.shellWord(a.source().path())))
                    .forEach(a -> services.add(a.attributes().get("service").replace("agent", "worker")));
            lines.add("docker compose -f " + file + " stop " + String.join(" ", services.stream().map(Step::shellWord).toList()));
            if (!unitAgents.isEmpty()) {
                lines.add("systemctl stop " + String.join(" ", unitAgents.stream().map(Step::shellWord).toList())
                        + "   # the 3.x workers these units run since the rewrite");
            }
        } else {
            lines.add("# stop " + server.name() + " (" + ReadinessAssessor.at(server) + ") and every 3.x worker");
        }
        lines.addAll(restore(server, date));
        if (unit) {
            lines.addAll(reinstall(server, v, "the environment " + unitOf(server) + " runs"));
            for (Job w : workers) {
                if (w.source().path().endsWith(".service") && !sameExecutable(w, server)) {
                    lines.addAll(reinstall(w, v, "the environment " + unitOf(w) + " runs"));
                }
            }
            lines.add("systemctl start " + Step.shellWord(unitOf(server)));
            workers.stream().filter(w -> w.source().path().endsWith(".service"))
                    .forEach(w -> lines.add("systemctl start " + Step.shellWord(unitOf(w)) + "   # the " + v.label() + " worker, as before"));
        } else if (service != null) {
            // the compose files as they were: the server's 2.x image and the agent services the rewrite replaced
            java.util.Set<String> files = new java.util.LinkedHashSet<>();
            composeAgents(agents).forEach(a -> files.add(Step.shellWord(a.source().path())));
            for (String f : files) {
                lines.add("git checkout PRE_REWRITE_COMMIT -- " + f + "   # as before `migrate rewrite` and the image edit "
                        + "(PRE_REWRITE_COMMIT: the commit before them)" + (f.equals(file) ? ": " + service + " on "
                        + image(v) : "") + ", its agents as they ran");
            }
            if (!files.contains(file)) {
                lines.add("# " + server.source().path() + ": set the image of service " + service + " back to " + image(v));
            }
            lines.add("docker compose -f " + file + " up -d " + Step.shellWord(service));
            for (Job a : composeAgents(agents)) {
                lines.add("docker compose -f " + Step.shellWord(a.source().path()) + " up -d "
                        + Step.shellWord(a.attributes().get("service")) + "   # the 2.x agent: " + a.command());
            }
        } else {
            lines.add("# pin " + server.name() + " back to Prefect " + v.label() + " (" + v.requirement() + ") and start it");
        }
        for (Job a : agents) {
            if (!composeAgents(agents).contains(a)) {
                lines.addAll(agentBack(a, server, v));
            }
        }
        lines.add("prefect deployment ls   # the 2.x server answers with the deployments of the dump");
        return Step.of(TITLE, lines,
                "Prefect 3 migrated the database schema forward when it started; a " + v.label() + " server does not run "
                        + "on it, so going back requires restoring the dump of the backup step (taken before the pause: "
                        + "the schedules come back active; runs made on 3.x since are lost). The deployments have the same "
                        + "names on 2.x and 3.x: this is the only way back for them",
                source, where);
    }

    /**
     * Giving back an agent that is no compose service: a unit's file as it was before the rewrite turned it into a
     * worker, with the 2.x library in its environment; the prefect-agent Helm chart's values (which have no command to
     * print); else the agent's command, as a comment, since migrate does not know how it was started.
     */
    private static List<String> agentBack(Job a, Job server, ServerVersion v) {
        String path = Step.shellWord(a.source().path());
        if ("prefect-agent".equals(a.attributes().get("chart"))) {
            return List.of("git checkout PRE_REWRITE_COMMIT -- " + path + "   # the prefect-agent chart's values as before "
                            + "`migrate rewrite` (PRE_REWRITE_COMMIT: the commit before it)",
                    "# uninstall the prefect-worker release that replaced " + a.name() + ", then install the prefect-agent "
                            + "chart again with " + a.source().path() + " as the 2.x agent was installed (helm upgrade "
                            + "--install RELEASE prefect/prefect-agent -f " + path + ")");
        }
        if (a.source().path().endsWith(".service")) {
            List<String> out = new ArrayList<>();
            out.add("git checkout PRE_REWRITE_COMMIT -- " + path + "   # the unit as before `migrate rewrite`: " + a.command());
            if (!server.source().path().endsWith(".service") || !sameExecutable(a, server)) {
                out.addAll(reinstall(a, v, "the environment " + unitOf(a) + " runs"));
            }
            out.add("systemctl daemon-reload");
            out.add("systemctl restart " + Step.shellWord(unitOf(a)) + "   # the " + v.label() + " agent, as before");
            return out;
        }
        return List.of("# start " + a.name() + " again as it ran on " + v.label() + " (" + ReadinessAssessor.at(a) + ")"
                + (a.command() == null ? "" : ": " + a.command()));
    }

    private static List<Job> composeAgents(List<Job> agents) {
        return agents.stream().filter(a -> a.attributes().get("service") != null && !a.source().path().endsWith(".service")
                && !a.attributes().containsKey("chart")).toList();
    }

    private static String image(ServerVersion v) {
        return v.image() != null ? v.image() : "prefecthq/prefect:" + v.label();
    }

    /** Restoring the backup as it was taken: a -Fc dump into a recreated database, or the SQLite file copied back. */
    private static List<String> restore(Job server, String date) {
        String backup = PlatformSteps.backup(server, date);
        if (backup.startsWith("pg_dump -Fc -h ")) {
            // the same connection flags; the 3.x tables and Alembic revision go with the dropped database
            String flags = backup.substring("pg_dump -Fc ".length(), backup.indexOf(" -f "));
            String db = backup.substring(backup.indexOf(".dump ") + ".dump ".length()).split("\\s+")[0];
            String dump = "prefect-" + date + ".dump";
            return List.of("dropdb " + flags + " " + db + "   # the database 3.x migrated: nothing of it is kept",
                    "createdb " + flags + " " + db,
                    "pg_restore " + flags + " -d " + db + " " + dump + "   # the dump the backup step took");
        }
        if (backup.startsWith("pg_dump")) {
            return List.of("pg_restore --clean --if-exists -d DATABASE prefect-" + date + ".dump   # the server's "
                    + "PostgreSQL database; drop and recreate it first if 3.x added tables the dump lacks");
        }
        return List.of("cp prefect-" + date + ".db ~/.prefect/prefect.db   # SQLite: the copy the backup step made");
    }

    private static List<String> reinstall(Job process, ServerVersion v, String where) {
        String exe = process.command() == null ? "" : process.command().strip().split("\\s+")[0];
        String pip = exe.endsWith("/prefect") ? Step.shellWord(exe.substring(0, exe.length() - "prefect".length()) + "pip")
                : "pip";
        return List.of(pip + " install '" + v.requirement() + "'   # " + where + ": exactly the 2.x it ran");
    }

    private static boolean sameExecutable(Job a, Job b) {
        return a.command() != null && b.command() != null
                && a.command().strip().split("\\s+")[0].equals(b.command().strip().split("\\s+")[0]);
    }

    private static String unitOf(Job process) {
        String path = process.source().path();
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
