package dev.migrate.recipes.legacy.internal;

import dev.migrate.analyzers.model.Job;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Unit files and drop-ins of a host dump's runtime directories: {@code /run/systemd/system}, {@code /run/systemd/transient},
 * the generators' {@code /run/systemd/generator*}, {@code /run/systemd/user}, and a user's
 * {@code /run/user/UID/systemd/...} ({@code $XDG_RUNTIME_DIR}, systemd.unit(5)'s user load path). They are runtime copies:
 * {@code systemd-run --on-calendar} writes a transient timer there, a generator or a boot or login script writes the
 * others, and /run is a tmpfs emptied at reboot ({@code /run/user/UID} also when the user's last session ends, unless
 * the user lingers). Deleting such a file from the dump deletes nothing that the next boot would not, and whatever
 * wrote it writes it again: the cleanup leaves them, cutover.sh stops such a unit rather than disabling it (a transient
 * unit has no install state, and {@code systemctl disable} fails on it), and a note says what to look for.
 */
final class RuntimeUnits {
    /** Group 1: {@code user/UID/} for a user's runtime directory, absent for the system's. */
    private static final Pattern RUNTIME = Pattern.compile("(?:^|.*/)run/(user/([^/]+)/)?systemd/[^/]+/.+");

    /** The user whose runtime directory holds the job's unit, by the uid of its path and the dump's etc/passwd. */
    static final String OWNER = "systemd.runtimeOwner";

    private RuntimeUnits() {
    }

    /**
     * The job with {@link #OWNER} when its unit (a timer, or the service that keeps a loop running) is in a user's
     * runtime directory ({@code run/user/1000/systemd/transient/x.timer}) and the dump's etc/passwd names the uid's user:
     * cutover.sh then reaches that user's manager ({@code systemctl --user -M jo@ stop x.timer}).
     */
    static Job withOwner(Job j, HostAccounts accounts) {
        for (String path : java.util.Arrays.asList(j.source() == null ? null : j.source().path(), j.attributes().get("service"))) {
            String uid = HostUnits.runtimeUid(path);
            HostAccounts.User user = uid == null ? null : accounts.user(path, uid);
            if (user != null) {
                Map<String, String> attributes = new java.util.LinkedHashMap<>(j.attributes());
                attributes.put(OWNER, user.name());
                // a user's manager runs the unit as that user (User= aside): so does the flow's worker
                return new Job(j.id(), j.kind(), j.name(), j.source(), j.schedules(), j.command(),
                        j.user() == null ? user.name() : j.user(), j.env(), j.workingDir(), j.overlap(), j.dependsOn(), attributes);
            }
        }
        return j;
    }

    static boolean isRuntime(String path) {
        return path != null && RUNTIME.matcher(path).matches();
    }

    /** What vanishes when: {@code at reboot}, or for a user's, {@code at reboot and when user UID's last session ends}. */
    private static String vanishes(String path) {
        Matcher m = RUNTIME.matcher(path);
        return m.matches() && m.group(1) != null
                ? "at reboot and when user " + m.group(2) + "'s last session ends (logout, unless the user lingers)"
                : "at reboot";
    }

    /**
     * Takes the runtime files out of {@code deleted} and out of the rewritten {@code files} ({@code texts} tells a legacy
     * file from a generated one).
     */
    static void keep(Map<String, String> texts, Set<String> deleted, Map<String, String> files) {
        deleted.removeIf(RuntimeUnits::isRuntime);
        files.keySet().removeIf(p -> isRuntime(p) && texts.containsKey(p));
    }

    /** The job with a note naming its runtime files, where it has any. */
    static JobPlan withNote(JobPlan p) {
        List<String> runtime = of(p.job());
        if (runtime.isEmpty()) {
            return p;
        }
        boolean one = runtime.size() == 1;
        return p.withNote(String.join(", ", runtime) + (one ? ": a runtime copy, which systemd forgets " : ": runtime copies, "
                + "which systemd forgets ") + vanishes(runtime.get(0)) + "; migrate neither edits nor deletes " + (one ? "it" : "them")
                + ", and cutover.sh stops the unit rather than disabling it. What wrote " + (one ? "it" : "them")
                + " (systemd-run --on-calendar, a generator, a boot or login script) writes " + (one ? "it" : "them")
                + " again: take the job out of that by hand");
    }

    /** The job's unit files and drop-ins that sit in a runtime directory, sorted. */
    private static List<String> of(Job j) {
        Set<String> out = new TreeSet<>();
        List<String> candidates = new ArrayList<>();
        candidates.add(j.source() == null ? null : j.source().path());
        candidates.add(j.attributes().get("service"));
        for (String key : List.of("timer.dropIns", "service.dropIns")) {
            candidates.addAll(List.of(j.attributes().getOrDefault(key, "").split("\\s+")));
        }
        candidates.stream().filter(RuntimeUnits::isRuntime).forEach(out::add);
        return List.copyOf(out);
    }
}
