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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * systemd expands {@code %}-specifiers in ExecStart=, WorkingDirectory=, Environment=, EnvironmentFile= and User= before it
 * uses them ({@code %%} is a literal {@code %}, {@code %n} the unit name...); a shell would not. The flow gets them
 * expanded as systemd did, from {@code systemd-specifiers.csv}; a specifier that needs the running system (machine id,
 * host name), or the instance of a template unit no instance of which the host enabled ({@code %i} of
 * {@code backup@.service}), stays and is reported. The job of an enabled instance runs as that instance.
 */
final class ServiceSpecifiers {
    private static final Map<Character, String> EXPANSIONS = load(false);
    private static final Map<Character, String> USER_UNIT_EXPANSIONS = load(true);

    private ServiceSpecifiers() {
    }

    /** Attribute naming the specifiers left in the command, for the report. */
    static final String UNRESOLVED = "systemd.unresolvedSpecifiers";
    /** The other settings whose specifiers are expanded; the attribute {@code UNRESOLVED.<setting>} names those left. */
    static final List<String> SETTINGS = List.of("WorkingDirectory", "Environment", "EnvironmentFile", "User");

    /**
     * Whose user specifiers ({@code %u %U %g %G %h %s}) a unit's manager expands; a null field is not known here.
     * systemd.unit(5): they name the user running the service manager, "not influenced by the User= setting".
     */
    record Manager(String user, String uid, String group, String gid, String home, String shell) {
        /**
         * The system manager runs as root: root, 0 and /root whatever User= the unit runs its command as. Root's shell
         * (%s) is not its passwd entry: systemd gives root the shell it was built with (its default-user-shell option;
         * /bin/bash in Debian 12's systemd 252, as systemd-analyze shows), or /bin/sh when that is missing. Which build
         * the host runs is not in its units: %s stays, and is reported.
         */
        static final Manager SYSTEM = new Manager("root", "0", "root", "0", "/root", null);

        /**
         * A user unit's manager runs as the unit's owner: the name a host dump's path gives
         * ({@code home/jo/.config/systemd/user}), and with the dump's etc/passwd entry of that name, their uid, primary
         * gid, home and shell (the manager's $HOME and $SHELL, which systemd sets from that entry), and the group's name
         * from etc/group. Without passwd, the home is the one the path shows and the rest is not known. Null owner:
         * nothing is known.
         */
        static Manager owner(String owner, HostAccounts.User entry, String groupName) {
            if (owner == null) {
                return new Manager(null, null, null, null, null, null);
            }
            if (entry == null) {
                return new Manager(owner, null, null, null, "/home/" + owner, null);
            }
            return new Manager(owner, entry.uid(), groupName, entry.gid(), entry.home(), entry.shell());
        }
    }

    /**
     * The job with its command, working directory, environment values, environment files and user expanded; the job
     * itself when it is neither a timer's nor a scheduler service's job, or none of those holds a specifier. A
     * scheduler service (a process hosting APScheduler, a loop, a Quartz application) is read as a timer's service is:
     * its jobs run with what systemd gave the process.
     */
    static Job expand(Job j) {
        return expand(j, HostAccounts.NONE);
    }

    /**
     * As {@link #expand(Job)}, with the users of the host dumps in the tree: a user unit's owner's ids, group, home and
     * shell, and the home of User= for WorkingDirectory=~, come from the dump's etc/passwd and etc/group.
     */
    static Job expand(Job j, HostAccounts accounts) {
        boolean timer = j.kind() == JobKind.SYSTEMD_TIMER;
        if (!timer && j.kind() != JobKind.SYSTEMD_SCHEDULER_SERVICE || !holdsSpecifier(j) && !specialDirectory(j.workingDir())) {
            return j;
        }
        String unit;
        boolean userUnit;
        String unitPath;
        if (timer) {
            String service = j.attributes().getOrDefault(ScriptUnits.HOST_SERVICE, j.attributes().getOrDefault("service", ""));
            unit = serviceUnit(service.substring(service.lastIndexOf('/') + 1), j);
            userUnit = JobPlan.isUserUnit(j);
            unitPath = JobPlan.unitPath(j);
        } else {
            unit = j.name() + ".service"; // the service's own job: named after its unit
            unitPath = j.source().path();
            // a user's runtime directory (run/user/1000/systemd/transient) is that user's manager's too
            userUnit = unitPath.contains("systemd/user/") || HostUnits.runtimeUid(unitPath) != null;
        }
        Manager manager = userUnit ? userManager(unitPath, accounts) : Manager.SYSTEM;
        Map<String, String> attributes = new LinkedHashMap<>(j.attributes());
        Set<String> left = new LinkedHashSet<>();
        String command = j.command() == null ? null : expand(j.command(), unit, userUnit, manager, left);
        if (!left.isEmpty()) {
            attributes.put(UNRESOLVED, String.join(" ", left));
        }
        Map<String, Set<String>> leftIn = new LinkedHashMap<>();
        SETTINGS.forEach(s -> leftIn.put(s, new LinkedHashSet<>()));
        // User=%i of a template, User=%p: systemd expands it before it looks the user up
        String user = j.user() == null ? null : expand(j.user(), unit, userUnit, manager, leftIn.get("User"));
        String dir = j.workingDir() == null ? null : expand(j.workingDir(), unit, userUnit, manager, leftIn.get("WorkingDirectory"));
        dir = workingDirectory(dir, user, manager, accounts.user(unitPath, user));
        Map<String, String> env = new LinkedHashMap<>();
        j.env().forEach((name, value) -> env.put(name, expand(value, unit, userUnit, manager, leftIn.get("Environment"))));
        if (j.attributes().containsKey("EnvironmentFile")) {
            attributes.put("EnvironmentFile", expand(j.attributes().get("EnvironmentFile"), unit, userUnit, manager,
                    leftIn.get("EnvironmentFile")));
        }
        leftIn.forEach((setting, specifiers) -> {
            if (!specifiers.isEmpty()) {
                attributes.put(UNRESOLVED + "." + setting, String.join(" ", specifiers));
            }
        });
        return new Job(j.id(), j.kind(), j.name(), j.source(), j.schedules(), command, user, env, dir,
                j.overlap(), j.dependsOn(), attributes);
    }

    /**
     * The manager of a user unit: its owner is the user whose home holds it ({@code home/jo/.config/systemd/user}), or
     * whose uid names the runtime directory ({@code run/user/1000/systemd/...}), looked up in the dump's etc/passwd
     * (without it, only the uid is known of a runtime directory's owner).
     */
    private static Manager userManager(String unitPath, HostAccounts accounts) {
        String uid = HostUnits.runtimeUid(unitPath);
        HostAccounts.User entry = uid != null ? accounts.user(unitPath, uid) : accounts.user(unitPath, HostUnits.owner(unitPath));
        String group = entry == null ? null : accounts.groupName(unitPath, entry.gid());
        if (uid != null) {
            return entry == null ? new Manager(null, uid, null, null, null, null) : Manager.owner(entry.name(), entry, group);
        }
        return Manager.owner(HostUnits.owner(unitPath), entry, group);
    }

    /** The attributes naming specifiers left in a service's settings, which the jobs its process runs inherit. */
    static Map<String, String> unresolvedSettings(Job service) {
        Map<String, String> out = new LinkedHashMap<>();
        service.attributes().forEach((k, v) -> {
            if (k.startsWith(UNRESOLVED + ".")) {
                out.put(k, v);
            }
        });
        return out;
    }

    /**
     * systemd.exec(5): WorkingDirectory=~ is the home of the User= user (the manager's user without one), and a
     * leading {@code -} only says a missing directory is no error. Another user's home is the host dump's etc/passwd
     * entry's ({@code userEntry}); without one it stays {@code ~}, and the flow starts in the home of the user its
     * worker runs as, which is that user. Root's home is /root whatever passwd says: systemd does not look it up.
     */
    private static String workingDirectory(String dir, String user, Manager manager, HostAccounts.User userEntry) {
        if (dir == null) {
            return null;
        }
        String d = dir.startsWith("-") ? dir.substring(1) : dir;
        if (!d.equals("~")) {
            return d;
        }
        boolean root = "root".equals(user) || "0".equals(user);
        if (user == null || user.equals(manager.user()) || root && manager == Manager.SYSTEM) {
            return manager.home() != null ? manager.home() : d;
        }
        return root ? "/root" : userEntry != null && !userEntry.home().isEmpty() ? userEntry.home() : d;
    }

    /** WorkingDirectory=~ or a directory with the leading - that makes a missing one no error. */
    private static boolean specialDirectory(String dir) {
        return dir != null && (dir.equals("~") || dir.startsWith("-"));
    }

    private static boolean holdsSpecifier(Job j) {
        return j.command() != null && j.command().indexOf('%') >= 0 || j.workingDir() != null && j.workingDir().indexOf('%') >= 0
                || j.user() != null && j.user().indexOf('%') >= 0
                || j.env().values().stream().anyMatch(v -> v != null && v.indexOf('%') >= 0)
                || j.attributes().getOrDefault("EnvironmentFile", "").indexOf('%') >= 0;
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
     * @param userUnit whether a user's manager loads the unit (then the 'system' directories of the table differ)
     * @param manager  the user specifiers of the unit's manager
     * @param unresolved collects the specifiers kept as written
     */
    static String expand(String text, String unit, boolean userUnit, Manager manager, Set<String> unresolved) {
        String stem = unit.replaceAll("\\.[^.]*$", "");
        String prefix = stem.contains("@") ? stem.substring(0, stem.indexOf('@')) : stem;
        String instance = stem.contains("@") ? stem.substring(stem.indexOf('@') + 1) : "";
        String last = prefix.substring(prefix.lastIndexOf('-') + 1);
        // a template (name@.service, started by name@.timer) runs once per instance: which one is not in the unit
        boolean template = stem.endsWith("@");
        Map<Character, String> known = userUnit ? USER_UNIT_EXPANSIONS : EXPANSIONS;
        Map<String, String> who = new LinkedHashMap<>();
        who.put("{user}", manager.user());
        who.put("{uid}", manager.uid());
        who.put("{group}", manager.group());
        who.put("{gid}", manager.gid());
        who.put("{home}", manager.home());
        who.put("{shell}", manager.shell());
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String e = c == '%' && i + 1 < text.length() ? known.get(text.charAt(i + 1)) : null;
            boolean unknownUser = e != null && who.entrySet().stream().anyMatch(w -> e.contains(w.getKey()) && w.getValue() == null);
            if (e == null || unknownUser
                    || template && (e.contains("{instance") || e.contains("{unit}") || e.contains("{stem}") || e.contains("{file}"))) {
                // Unknown here (a user unit's owner or their ids, the machine's id): kept, and reported as unresolved.
                out.append(c);
                if (c == '%' && i + 1 < text.length()) {
                    unresolved.add("%" + text.charAt(i + 1));
                    out.append(text.charAt(++i));
                }
                continue;
            }
            String unescapedInstance = TemplateInstances.unescape(instance);
            // %f: the unescaped instance as a path, or the unescaped prefix for a unit without one ("-" is the root)
            String file = "/" + TemplateInstances.unescape(instance.isEmpty() ? prefix : instance).replaceFirst("^/+", "");
            String expanded = e.replace("{unit}", unit).replace("{stem}", stem).replace("{prefix}", prefix).replace("{final}", last)
                    .replace("{prefix:unescaped}", TemplateInstances.unescape(prefix))
                    .replace("{final:unescaped}", TemplateInstances.unescape(last))
                    .replace("{instance:unescaped}", unescapedInstance).replace("{file}", file)
                    .replace("{instance}", instance);
            for (Map.Entry<String, String> w : who.entrySet()) {
                expanded = w.getValue() == null ? expanded : expanded.replace(w.getKey(), w.getValue());
            }
            out.append(expanded);
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
