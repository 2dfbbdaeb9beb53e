package dev.migrate.analyzers.sources.systemd;

import dev.migrate.analyzers.model.JobKind;
import java.util.regex.Pattern;

/**
 * Recognises services that are schedulers themselves: Prefect servers, agents and workers, and long-running
 * scripts kept alive by {@code Restart=always} (a {@code while True} loop or a scheduler library).
 */
final class ServiceRoles {
    private static final Pattern PREFECT_SERVER = Pattern.compile("\\bprefect\\s+(server|orion)\\s+start\\b");
    private static final Pattern PREFECT_AGENT = Pattern.compile("\\bprefect\\s+agent\\s+start\\b");
    private static final Pattern PREFECT_WORKER = Pattern.compile("\\bprefect\\s+worker\\s+start\\b");
    /** A script run by an interpreter, or a scheduler program. */
    private static final Pattern SCRIPT = Pattern.compile(
            "(^|/|\\s)((python|pypy)[0-9.]*\\s+(-\\S+\\s+)*(\\S+\\.py|-m\\s+\\S+)|(ba|z|k)?sh\\s+\\S+\\.sh|node\\s+\\S+\\.js"
                    + "|\\S+\\.(py|sh|js|rb|pl))(\\s|$)|\\bcelery\\b.*\\bbeat\\b");
    /** Long-running programs that are servers, not schedulers. */
    private static final Pattern SERVER = Pattern.compile("\\b(gunicorn|uvicorn|hypercorn|daphne|flask\\s+run|manage\\.py\\s+runserver"
            + "|http\\.server|streamlit|jupyter|celery\\b(?!.*\\bbeat\\b)|airflow)\\b");

    private ServiceRoles() {
    }

    /** The job kind of a service that no timer starts, or null when it is not a scheduler. */
    static JobKind kindOf(String command, String restart) {
        if (command == null) {
            return null;
        }
        if (PREFECT_SERVER.matcher(command).find()) {
            return JobKind.PREFECT_SERVER;
        }
        if (PREFECT_AGENT.matcher(command).find()) {
            return JobKind.PREFECT_AGENT;
        }
        if (PREFECT_WORKER.matcher(command).find()) {
            return JobKind.PREFECT_WORKER;
        }
        if ("always".equals(restart) && SCRIPT.matcher(command).find() && !SERVER.matcher(command).find()) {
            return JobKind.SYSTEMD_SCHEDULER_SERVICE;
        }
        return null;
    }
}
