package dev.migrate.analyzers.sources.systemd;

import dev.migrate.analyzers.model.JobKind;
import java.util.regex.Pattern;

/**
 * Recognises services that are schedulers themselves: Prefect servers, agents and workers, and long-running
 * scripts kept alive by {@code Restart=always} (a {@code while True} loop or a scheduler library).
 */
public final class ServiceRoles {
    private static final Pattern PREFECT_SERVER = Pattern.compile("\\bprefect\\s+(server|orion)\\s+start\\b");
    private static final Pattern PREFECT_AGENT = Pattern.compile("\\bprefect\\s+agent\\s+start\\b");
    private static final Pattern PREFECT_WORKER = Pattern.compile("\\bprefect\\s+worker\\s+start\\b");
    /** A script run by an interpreter, or a scheduler program. */
    private static final Pattern SCRIPT = Pattern.compile(
            "(^|/|\\s)((python|pypy)[0-9.]*\\s+(-\\S+\\s+)*(\\S+\\.py|-m\\s+\\S+)|(ba|z|k)?sh\\s+\\S+\\.sh|node\\s+\\S+\\.js"
                    + "|\\S+\\.(py|sh|js|rb|pl))(\\s|$)|\\bcelery\\b.*\\bbeat\\b");
    /** A JVM application, a scheduler only when its unit says so (Spring {@code @Scheduled}, Quartz). */
    private static final Pattern JAR = Pattern.compile("\\bjava\\b.*\\s-jar\\s+\\S+\\.jar");
    private static final Pattern SCHEDULER_WORDS = Pattern.compile("(?i)schedul|\\bcron|\\bloop\\b|periodic|\\bbeat\\b");
    /**
     * What a unit that says nothing of scheduling says it serves instead: a script kept up by {@code Restart=always}
     * that names itself a server, listener or API answers requests; it is no scheduler.
     */
    private static final Pattern SERVES_WORDS = Pattern.compile("(?i)\\bserver\\b|listen|\\bapi\\b|\\bweb|https?\\b|proxy|socket"
            + "|gateway|dashboard|\\bbot\\b");
    /** Long-running programs that are servers, not schedulers. */
    private static final Pattern SERVER = Pattern.compile("\\b(gunicorn|uvicorn|hypercorn|daphne|flask\\s+run|manage\\.py\\s+runserver"
            + "|http\\.server|streamlit|jupyter|celery\\b(?!.*\\bbeat\\b)|airflow)\\b");

    /**
     * The attribute of a scheduler service that is a restarted {@code java -jar} unit saying nothing of scheduling: a
     * scheduler only if the jar is the build of the tree's Spring or Quartz module, which the JVM linking step
     * ({@code JvmServiceLinker}) decides once every file is read, dropping the attribute or the service.
     */
    public static final String UNANNOUNCED_JVM = "service.unannouncedJvm";

    private ServiceRoles() {
    }

    /** Whether {@link #kindOf} counts the unit a scheduler only as a restarted {@code java -jar} of unknown purpose. */
    public static boolean unannouncedJvm(String command, String restart, String description) {
        return announcedKind(command, restart, description) == null && kindOf(command, restart, description) != null;
    }

    /**
     * The job kind of a service that no timer starts, or null when it is not a scheduler. A script restarted on
     * failure counts too (as does a JVM application) when the unit's name, description or command says it schedules;
     * a script kept up with {@code Restart=always} does not when they say it serves (a server, listener, API or bot).
     * A restarted JVM application that does not say so counts until the scan knows better ({@link #UNANNOUNCED_JVM}).
     *
     * @param description the unit name, its {@code Description=} and its command, for the wording test
     */
    static JobKind kindOf(String command, String restart, String description) {
        JobKind announced = announcedKind(command, restart, description);
        boolean restarted = restart != null && !restart.equals("no");
        return announced != null || command == null ? announced
                : restarted && JAR.matcher(command).find() ? JobKind.SYSTEMD_SCHEDULER_SERVICE : null;
    }

    /** The kind the unit shows by itself, without the tree's builds: {@link #kindOf} but for an unannounced JVM. */
    private static JobKind announcedKind(String command, String restart, String description) {
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
        if (SERVER.matcher(command).find()) {
            return null;
        }
        boolean script = SCRIPT.matcher(command).find();
        boolean restarted = restart != null && !restart.equals("no");
        boolean saysScheduler = SCHEDULER_WORDS.matcher(description).find();
        if ("always".equals(restart) && script && (saysScheduler || !SERVES_WORDS.matcher(description).find())
                || restarted && saysScheduler && (script || JAR.matcher(command).find())) {
            return JobKind.SYSTEMD_SCHEDULER_SERVICE;
        }
        return null;
    }
}
