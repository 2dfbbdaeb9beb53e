package dev.migrate.analyzers.sources.java;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.sources.systemd.UnitEnvironment;
import dev.migrate.analyzers.sources.systemd.UnitEnvironment.Value;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code -Duser.timezone} a systemd service gives its JVM through an environment variable of the unit
 * ({@code Environment=JAVA_TOOL_OPTIONS=-Duser.timezone=Europe/Paris}) or its own {@code java} command line. Which
 * variables count is who reads them: {@code JAVA_TOOL_OPTIONS} the JVM itself, before the command line's options;
 * {@code JDK_JAVA_OPTIONS} the {@code java} launcher, which puts it before the command line's arguments; any other
 * ({@code JAVA_OPTS}) only where the {@code ExecStart} expands it ({@code $JAVA_OPTS}, {@code ${JAVA_OPTS}}), at that
 * place. The last setting in that order wins, as a repeated {@code -D} does. Options after {@code -jar x.jar} are the
 * application's arguments, not the JVM's. Only the {@code -Duser.timezone} word is ever cited: those variables often
 * hold other flags, passwords among them.
 *
 * @param zone  the zone set, or null when the setting that wins names none the JVM knows (it then runs in GMT)
 * @param line  what sets it, cited ({@code JAVA_TOOL_OPTIONS=... -Duser.timezone=Europe/Paris ...}); null when it is
 *              the {@code ExecStart}'s own {@code -Duser.timezone}, which {@link JvmDefaultZoneDetector} reports
 * @param where the unit file and line that set it; null as {@code line} is
 */
record ServiceJvmOptions(String zone, String line, String where) {
    private static final String TOOL_OPTIONS = "JAVA_TOOL_OPTIONS";
    private static final String LAUNCHER_OPTIONS = "JDK_JAVA_OPTIONS";
    private static final Pattern USER_TIMEZONE = Pattern.compile("(?:^|\\s)-Duser\\.timezone=[\"']?([^\\s\"']*)");
    /** A variable the command line expands, as systemd does: {@code $NAME} or {@code ${NAME}}. */
    private static final Pattern EXPANDED = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}|\\$([A-Za-z_][A-Za-z0-9_]*)");

    /** Whether the command line's own {@code -Duser.timezone} is the one that wins. */
    boolean onCommandLine() {
        return line == null;
    }

    /**
     * The {@code user.timezone} the linked {@code service} gives its JVM, from its unit's and drop-ins' texts among
     * {@code texts} ({@code unitFiles}, in the order systemd reads them); empty when none sets it.
     */
    static Optional<ServiceJvmOptions> of(Job service, List<String> unitFiles, Map<String, String> texts) {
        String command = service.command();
        if (command == null) {
            return Optional.empty();
        }
        Map<String, Value> env = UnitEnvironment.of(unitFiles, texts);
        ServiceJvmOptions found = fromVariable(TOOL_OPTIONS, env.get(TOOL_OPTIONS));
        ServiceJvmOptions launcher = fromVariable(LAUNCHER_OPTIONS, env.get(LAUNCHER_OPTIONS));
        found = launcher != null ? launcher : found;
        for (String word : jvmWords(command)) {
            Matcher set = USER_TIMEZONE.matcher(word);
            if (set.find()) {
                found = new ServiceJvmOptions(known(set.group(1)), null, null); // the command line's own, JAV012
                continue;
            }
            Matcher var = EXPANDED.matcher(word);
            while (var.find()) {
                String name = var.group(1) != null ? var.group(1) : var.group(2);
                ServiceJvmOptions expanded = fromVariable(name, env.get(name));
                found = expanded != null ? expanded : found;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The command's words that the JVM reads as its own options: those before {@code -jar}'s archive. */
    private static List<String> jvmWords(String command) {
        List<String> out = new ArrayList<>();
        String[] words = command.strip().split("\\s+");
        for (int i = 1; i < words.length; i++) {
            if (words[i].equals("-jar") || words[i].matches("-(cp|classpath)") || !words[i].startsWith("-")
                    && !words[i].startsWith("$")) {
                break; // the archive or main class follows: the rest is the application's
            }
            out.add(words[i]);
        }
        return out;
    }

    /** The last {@code -Duser.timezone} in a variable's value, or null when it sets none. */
    private static ServiceJvmOptions fromVariable(String name, Value v) {
        if (v == null) {
            return null;
        }
        Matcher m = USER_TIMEZONE.matcher(v.value());
        String zone = null;
        while (m.find()) {
            zone = m.group(1);
        }
        // only the timezone word is cited: the variable's other words may be secrets
        return zone == null ? null : new ServiceJvmOptions(known(zone), name + "=... -Duser.timezone=" + zone + " ...",
                v.where());
    }

    /** The zone ID as Java knows it, or null for one it does not (the JVM falls back to GMT). */
    private static String known(String id) {
        try {
            return id.isEmpty() ? null : ZoneId.of(id).getId();
        } catch (DateTimeException e) {
            return null;
        }
    }
}
