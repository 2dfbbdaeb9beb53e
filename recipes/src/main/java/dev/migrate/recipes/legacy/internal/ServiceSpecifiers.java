package dev.migrate.recipes.legacy.internal;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.sources.systemd.TemplateInstances;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * systemd expands {@code %}-specifiers in ExecStart= before it runs the command ({@code %%} is a literal {@code %},
 * {@code %n} the unit name...); a shell would not. The flow's command gets them expanded as systemd did, from
 * {@code systemd-specifiers.csv}; a specifier that needs the running system (machine id, host name), or the instance
 * of a template unit no instance of which the host enabled ({@code %i} of {@code backup@.service}), stays and is
 * reported. The job of an enabled instance runs as that instance.
 */
final class ServiceSpecifiers {
    private static final Map<Character, String> EXPANSIONS = load(false);
    private static final Map<Character, String> USER_UNIT_EXPANSIONS = load(true);

    private ServiceSpecifiers() {
    }

    /** Attribute naming the specifiers left in the command, for the report. */
    static final String UNRESOLVED = "systemd.unresolvedSpecifiers";

    /** The job with its command expanded; the job itself when it is no timer job or holds no specifier. */
    static Job expand(Job j) {
        if (j.kind() != JobKind.SYSTEMD_TIMER || j.command() == null || j.command().indexOf('%') < 0) {
            return j;
        }
        String service = j.attributes().getOrDefault(ScriptUnits.HOST_SERVICE, j.attributes().getOrDefault("service", ""));
        String unit = serviceUnit(service.substring(service.lastIndexOf('/') + 1), j);
        List<String> left = new ArrayList<>();
        String runAs = JobPlan.runAs(j);
        String command = expand(j.command(), unit, runAs, runAs == null ? HostUnits.owner(j.source().path()) : null, left);
        Map<String, String> attributes = new LinkedHashMap<>(j.attributes());
        if (!left.isEmpty()) {
            attributes.put(UNRESOLVED, String.join(" ", left));
        }
        return new Job(j.id(), j.kind(), j.name(), j.source(), j.schedules(), command, j.user(), j.env(), j.workingDir(),
                j.overlap(), j.dependsOn(), attributes);
    }

    /**
     * The unit a job runs as: for one enabled instance of a template ({@code backup@home} of {@code backup@.timer}),
     * the instance's name ({@code backup@home.service}), whose %i and %n systemd expands; otherwise the unit itself.
     */
    static String instanceUnit(String unit, Job j) {
        String instance = j.attributes().get(dev.migrate.analyzers.sources.systemd.SystemdDetector.INSTANCE);
        return instance != null && unit.contains("@.") ? unit.replace("@.", "@" + instance + ".") : unit;
    }

    /**
     * The unit a job's service runs as: a template service ({@code sync@.service}) as the instance the timer starts
     * ({@code sync@nightly.service} for {@code Unit=sync@nightly.service}, also when the timer is no template itself);
     * otherwise the unit itself.
     */
    static String serviceUnit(String unit, Job j) {
        String instance = TemplateInstances.serviceInstance(j.attributes());
        return instance != null && unit.contains("@.") ? unit.replace("@.", "@" + instance + ".") : unit;
    }

    /**
     * @param user  who the unit ran as; null for a user unit
     * @param owner a user unit's owner when the host dump's path names it ({@code home/jo/.config/systemd/user}): its
     *              manager expands %u to that name and %h to that home; null when not known
     */
    static String expand(String command, String unit, String user, String owner, List<String> unresolved) {
        String stem = unit.replaceAll("\\.[^.]*$", "");
        String prefix = stem.contains("@") ? stem.substring(0, stem.indexOf('@')) : stem;
        String instance = stem.contains("@") ? stem.substring(stem.indexOf('@') + 1) : "";
        String last = prefix.substring(prefix.lastIndexOf('-') + 1);
        // a template (name@.service, started by name@.timer) runs once per instance: which one is not in the unit
        boolean template = stem.endsWith("@");
        // who runs the command and their home: a system unit's User= (root's home is the only one known), a user
        // unit's owner when the path names it
        String name = user != null ? user : owner;
        String home = "root".equals(user) ? "/root" : user == null && owner != null ? "/home/" + owner : null;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            Map<Character, String> known = user == null ? USER_UNIT_EXPANSIONS : EXPANSIONS;
            String e = c == '%' && i + 1 < command.length() ? known.get(command.charAt(i + 1)) : null;
            if (e == null || e.contains("{home}") && home == null || e.contains("{user}") && name == null
                    || template && (e.contains("{instance") || e.contains("{unit}") || e.contains("{stem}") || e.contains("{file}"))) {
                // Unknown here (a user's home, a user unit's owner, the machine's id): kept, and reported as unresolved.
                out.append(c);
                if (c == '%' && i + 1 < command.length()) {
                    unresolved.add("%" + command.charAt(i + 1));
                    out.append(command.charAt(++i));
                }
                continue;
            }
            String unescapedInstance = TemplateInstances.unescape(instance);
            // %f: the unescaped instance as a path, or the unescaped prefix for a unit without one ("-" is the root)
            String file = "/" + TemplateInstances.unescape(instance.isEmpty() ? prefix : instance).replaceFirst("^/+", "");
            out.append(e.replace("{unit}", unit).replace("{stem}", stem).replace("{prefix}", prefix).replace("{final}", last)
                    .replace("{prefix:unescaped}", TemplateInstances.unescape(prefix))
                    .replace("{final:unescaped}", TemplateInstances.unescape(last))
                    .replace("{instance:unescaped}", unescapedInstance).replace("{file}", file)
                    .replace("{instance}", instance).replace("{user}", String.valueOf(name)).replace("{home}", String.valueOf(home)));
            i++;
        }
        return out.toString();
    }

    private static Map<Character, String> load(boolean userUnits) {
        Map<Character, String> m = new LinkedHashMap<>();
        try (InputStream in = ServiceSpecifiers.class.getResourceAsStream("/dev/migrate/recipes/systemd-specifiers.csv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] f = line.split(",", -1);
                if (!line.isBlank() && !line.startsWith("#") && !(userUnits && f[2].strip().equals("system"))) {
                    m.put(f[0].charAt(0), f[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(m);
    }
}
