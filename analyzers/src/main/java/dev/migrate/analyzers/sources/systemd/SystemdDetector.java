package dev.migrate.analyzers.sources.systemd;

import dev.migrate.analyzers.sources.config.DockerfileNames;
import dev.migrate.analyzers.model.Detector;
import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.Overlap;
import dev.migrate.analyzers.model.Prefilter;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.rules.Findings;
import dev.migrate.analyzers.schedule.ScheduleCheck;
import dev.migrate.analyzers.sources.config.PrefectCommandReport;
import dev.migrate.analyzers.sources.config.PrefectInvocation;
import dev.migrate.analyzers.sources.config.PrefectSettingsCheck;
import dev.migrate.rewriters.systemd.EnvironmentWords;
import dev.migrate.rewriters.systemd.ExecCommand;
import dev.migrate.rewriters.systemd.UnitFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds systemd timer jobs (each {@code .timer} paired with its {@code .service}) and services that are schedulers
 * themselves (Prefect server/agent/worker, {@code Restart=always} scripts). A timer and its service are separate
 * files, so units are collected in {@link #detect} and jobs are emitted in {@link #finish}.
 */
public final class SystemdDetector implements Detector {
    private static final Pattern DROP_IN = Pattern.compile("(?:^|/)([^/]+\\.(?:service|timer))\\.d/[^/]+\\.conf$");
    /** A type-wide drop-in ({@code service.d/10-timeout.conf}): every unit of the type reads it, where systemd looks. */
    private static final Pattern TYPE_DROP_IN = Pattern.compile("(?:^|/)(service|timer)\\.d/[^/]+\\.conf$");

    /** The scan's check (its host zone, {@link #hostZone}); UTC until the scanner names the zone. */
    private ScheduleCheck check;
    private final List<UnitSource> timers = new ArrayList<>();
    private final List<UnitSource> services = new ArrayList<>();
    /** Drop-ins by the unit file name they extend ({@code etl.service} for {@code etl.service.d/override.conf}). */
    private final Map<String, List<UnitSource.DropIn>> dropIns = new HashMap<>();
    /** Template instances the host enabled ({@code timers.target.wants/backup@home.timer}). */
    private final List<TemplateInstances.Enabled> enabled = new ArrayList<>();
    /** Every link (or copy) of a .wants directory: whether the host enabled a timer, or left it disabled. */
    private final TimerEnablement enablement = new TimerEnablement();
    /**
     * Copies a dump holds of the units the host enabled (timers.target.wants/x.timer, a link on the host), by path:
     * the unit itself is elsewhere, and a copy is only read when the dump lacks it.
     */
    private final Map<String, UnitSource> enabledCopies = new HashMap<>();
    /** The empty unit files of the load path: each masks its unit (with the files of its name of lower precedence). */
    private final Set<String> masked = new HashSet<>();
    /** Of {@link #masked}, the links to /dev/null ({@code systemctl mask}) rather than empty files. */
    private final Set<String> maskedByLink = new HashSet<>();
    /** Links of the load path to another unit file ({@code etl.service -> etl-v2.service}): the name is the target's alias. */
    private final List<Alias> aliases = new ArrayList<>();
    /** The dumps' etc/passwd: a user unit's owner, whose %u %U %h %s its ExecStart= and WorkingDirectory= get. */
    private final UserUnitSpecifiers owners = new UserUnitSpecifiers();
    /** The services whose deploy commands are reported once the units' own jobs are ({@link UnitDeployCommands}). */
    private final List<StartedService> deploying = new ArrayList<>();

    /** A service, the job that answers for its commands (null for none) and the timer's job that starts it (or null). */
    private record StartedService(UnitSource service, String owner, String timer) {
    }

    /** {@code name} is another name of {@code target} for the manager of {@code place} (systemd.unit(5), "Aliases"). */
    private record Alias(LoadPath.Place place, String name, String target) {
    }
    /** A unit file in a {@code .wants} (or .requires, .upholds) directory: an enabled unit, not one of its own. */
    private static final Pattern WANTED = Pattern.compile("(?:^|/)[^/]+\\.(?:wants|requires|upholds)/[^/]+\\.(?:timer|service)$");

    public SystemdDetector() {
        this(ScheduleCheck.inZone(java.time.ZoneId.of("UTC")));
    }

    public SystemdDetector(ScheduleCheck check) {
        this.check = check;
    }

    /** Schedules that name no zone are read in the scan's host zone (its options), not in a system property's. */
    @Override
    public void hostZone(java.time.ZoneId zone) {
        if (!check.hostZone().equals(zone)) {
            check = ScheduleCheck.inZone(zone);
        }
    }

    @Override
    public String name() {
        return "systemd";
    }

    /**
     * Units are recognised by name; their text need not contain any particular word. A script that writes units
     * names systemd (their directory, or the {@code systemctl daemon-reload} that makes systemd read them).
     */
    @Override
    public Prefilter prefilter() {
        return new Prefilter(List.of("systemd", "systemctl"), p -> isUnitPath(p) || Passwd.hostOf(p) != null);
    }

    static boolean isUnitPath(String path) {
        return path.endsWith(".timer") || path.endsWith(".service") || dropInTarget(path) != null;
    }

    /**
     * A dump's {@code timers.target.wants/backup@home.timer} link says the host enabled that instance (and one to a
     * plain unit, that the unit is enabled: read elsewhere).
     */
    @Override
    public boolean wantsLink(String path) {
        return WANTED.matcher(path).find();
    }

    /**
     * Besides the links of .wants directories, a link in the load path that masks a unit or drop-in ({@code -> /dev/null},
     * what {@code systemctl mask} writes) or gives a unit another name ({@code etl.service -> etl-v2.service}).
     */
    @Override
    public boolean wantsLink(String path, String target) {
        return wantsLink(path) || masksByLink(path, target) || aliasTarget(path, target) != null;
    }

    @Override
    public void detectLink(String path, String target, InventorySink sink) {
        if (wantsLink(path)) {
            detect(new ScanFile(path, ""), sink); // an enabled instance: its name says which
            return;
        }
        if (masksByLink(path, target)) {
            // read as the empty unit file is: the unit of that name (or that drop-in) is not loaded
            detect(new ScanFile(path, ""), sink);
            synchronized (this) {
                maskedByLink.add(path);
            }
            return;
        }
        String aliased = aliasTarget(path, target);
        if (aliased != null) {
            Alias alias = new Alias(LoadPath.ofUnit(path), path.substring(path.lastIndexOf('/') + 1), aliased);
            synchronized (this) {
                aliases.add(alias);
            }
        }
    }

    /** Where a link's text points on the dumped host: relative to the directory the link is in there. */
    private static String onHost(String hostDir, String target) {
        return java.nio.file.Path.of(hostDir).resolve(target).normalize().toString().replace('\\', '/');
    }

    /**
     * A unit file or drop-in of the load path linked to /dev/null: systemd.unit(5), "If a unit file is empty (i.e. has
     * the file size 0) or is symlinked to /dev/null, its configuration will not be loaded". Read from the link's text.
     */
    static boolean masksByLink(String path, String target) {
        if (!isUnitPath(path) || WANTED.matcher(path).find()) {
            return false;
        }
        LoadPath.Place place = dropInTarget(path) != null ? LoadPath.ofDropIn(path) : LoadPath.ofUnit(path);
        String dir = dropInTarget(path) != null ? path.substring(0, path.lastIndexOf('/')) : null;
        if (place == null) {
            return false;
        }
        String linkDir = dir == null ? place.hostDir() : place.hostDir() + dir.substring(dir.lastIndexOf('/'));
        return onHost(linkDir, target).equals("/dev/null");
    }

    /**
     * The unit a link of the load path names when it is an alias: a link to a unit file of another name and the same
     * type ({@code /etc/systemd/system/etl.service -> /usr/lib/systemd/system/etl-v2.service}, or {@code etl-v2.service}),
     * which systemd loads under the target's name, the link's being an alias of it. Null otherwise (a link to a unit of
     * its own name elsewhere, which is that unit's file).
     */
    static String aliasTarget(String path, String target) {
        if (dropInTarget(path) != null || WANTED.matcher(path).find() || LoadPath.ofUnit(path) == null) {
            return null;
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        String to = target.substring(target.lastIndexOf('/') + 1);
        String type = name.substring(name.lastIndexOf('.'));
        return (name.endsWith(".timer") || name.endsWith(".service")) && to.endsWith(type) && !to.equals(name)
                && to.length() > type.length() ? to : null;
    }

    @Override
    public boolean accepts(ScanFile file) {
        if (Passwd.hostOf(file.path()) != null) {
            return true;
        }
        if (WANTED.matcher(file.path()).find()) {
            return TemplateInstances.of(file.path()) != null || file.text().contains("["); // a link, or a copy
        }
        String n = file.fileName();
        if (n.endsWith(".timer") || n.endsWith(".service") || dropInTarget(file.path()) != null) {
            return file.text().contains("[") || masks(file);
        }
        return readsUnitsWrittenBy(file) && file.text().contains("[");
    }

    /**
     * Whether the units a file writes with here-documents are read (as units, with their lines): shell scripts (by
     * name or {@code #!} line) and Dockerfiles, where provisioning writes them.
     */
    public static boolean readsUnitsWrittenBy(ScanFile file) {
        String text = file.text();
        if (!text.contains("<<") || !text.contains("systemd") && !text.contains("systemctl")) {
            return false; // the prefilter's words: a script that writes units without them is not handed over
        }
        String n = file.fileName();
        return n.matches(".*\\.(?:sh|bash|zsh|ksh)") || DockerfileNames.is(n)
                || file.text().startsWith("#!") && file.text().lines().findFirst().orElse("").contains("sh");
    }

    /**
     * An empty file where systemd looks for units masks the unit (systemd.unit(5): "If a unit file is empty (i.e. has
     * the file size 0) or is symlinked to /dev/null, its configuration will not be loaded"), and an empty drop-in hides
     * the drop-ins of its name in directories of lower precedence. Elsewhere an empty file is nothing.
     */
    private static boolean masks(ScanFile file) {
        return file.text().isEmpty() && (dropInTarget(file.path()) != null ? LoadPath.ofDropIn(file.path())
                : LoadPath.ofUnit(file.path())) != null;
    }

    /**
     * The unit a drop-in extends, or null: {@code etl.service} for {@code .../etl.service.d/10-env.conf}, the prefix
     * {@code etl-.service} for {@code etl-.service.d/x.conf}, the type {@code service} for a {@code service.d/x.conf} of
     * systemd's load path (elsewhere a directory of that name is no drop-in directory).
     */
    private static String dropInTarget(String path) {
        if (!path.contains(".d/")) {
            return null; // both patterns need it; the prefilter asks this of every file of a tree
        }
        Matcher m = DROP_IN.matcher(path);
        if (m.find()) {
            return m.group(1);
        }
        Matcher type = TYPE_DROP_IN.matcher(path);
        return type.find() && LoadPath.ofDropIn(path) != null ? type.group(1) : null;
    }

    @Override
    public void detect(ScanFile file, InventorySink sink) {
        String passwdHost = Passwd.hostOf(file.path());
        if (passwdHost != null) {
            Map<String, Passwd.Entry> entries = Passwd.parse(file.text());
            synchronized (this) {
                owners.add(passwdHost, entries);
            }
            return;
        }
        if (WANTED.matcher(file.path()).find()) {
            TemplateInstances.Enabled enabled = TemplateInstances.of(file.path());
            // a copy is kept in case the dump lacks the unit (or the template) itself
            UnitSource copy = file.text().contains("[") ? new UnitSource(file) : null;
            enablement.add(file.path());
            synchronized (this) {
                if (enabled != null) {
                    this.enabled.add(enabled);
                }
                if (copy != null) {
                    enabledCopies.put(file.path(), copy);
                }
            }
            return;
        }
        if (!isUnitPath(file.path())) {
            written(file);
            return;
        }
        String extended = dropInTarget(file.path());
        // Parsing happens outside the lock; only the hand-over to the shared lists is serialised.
        if (extended != null) {
            UnitSource.DropIn dropIn = new UnitSource.DropIn(file.path(), UnitFile.parse(file.text()));
            synchronized (this) {
                dropIns.computeIfAbsent(extended, k -> new ArrayList<>()).add(dropIn);
            }
            return;
        }
        UnitSource unit = new UnitSource(file);
        synchronized (this) {
            (file.fileName().endsWith(".timer") ? timers : services).add(unit);
            if (file.text().isEmpty()) {
                masked.add(file.path());
            }
        }
    }

    /** The units and drop-ins a script writes, collected as unit files are. */
    private void written(ScanFile script) {
        for (EmbeddedUnits.Unit u : EmbeddedUnits.find(script.text())) {
            if (u.dropIn()) {
                UnitSource.DropIn dropIn = UnitSource.DropIn.embedded(script, u);
                synchronized (this) {
                    dropIns.computeIfAbsent(u.unitName(), k -> new ArrayList<>()).add(dropIn);
                }
            } else {
                UnitSource unit = UnitSource.embedded(script, u);
                synchronized (this) {
                    (u.unitName().endsWith(".timer") ? timers : services).add(unit);
                }
            }
        }
    }

    @Override
    public synchronized void finish(InventorySink sink) {
        // Drop-ins of one unit arrive in thread order; systemd applies them sorted by file name.
        dropIns.values().forEach(l -> l.sort(Comparator.comparing(UnitSource.DropIn::path)));
        // of the files of one name in the load path of one host, systemd reads the one of highest precedence
        hiddenByAliases(timers);
        hiddenByAliases(services);
        Map<String, String> maskedUnits = new HashMap<>(overridden(timers));
        maskedUnits.putAll(overridden(services));
        Set<String> units = new HashSet<>(maskedUnits.keySet());
        // a copy of an enabled unit whose file (or template) the dump lacks is the only text of that unit
        timers.forEach(t -> units.add(t.fileName()));
        services.forEach(t -> units.add(t.fileName()));
        new java.util.TreeMap<>(enabledCopies).forEach((path, copy) -> {
            TemplateInstances.Enabled instance = TemplateInstances.of(path);
            if (units.add(copy.fileName()) && (instance == null || !units.contains(instance.template()))) {
                (copy.fileName().endsWith(".timer") ? timers : services).add(copy);
            }
        });
        withDropIns(timers);
        withDropIns(services);
        timers.sort(Comparator.comparing(UnitSource::path).thenComparing(UnitSource::lineOffset));
        services.sort(Comparator.comparing(UnitSource::path).thenComparing(UnitSource::lineOffset));
        enabled.sort(Comparator.comparing(TemplateInstances.Enabled::instance).thenComparing(TemplateInstances.Enabled::path));
        List<PendingJob> pending = new ArrayList<>();
        Set<UnitSource> started = new HashSet<>();
        TimerJobs timerJobs = new TimerJobs(check, maskedUnits, owners);
        for (UnitSource timer : timers) {
            List<String> instances = timer.template() ? enabled.stream().filter(e -> e.template().equals(timer.fileName()))
                    .map(TemplateInstances.Enabled::instance).distinct().toList() : List.of();
            if (instances.isEmpty()) {
                // a template no instance of which the dump shows enabled: one job for all of them, as written
                pending.add(timerJob(timer, null, timerJobs, started));
            }
            for (String instance : instances) {
                String name = TemplateInstances.instanceName(timer.fileName(), instance);
                pending.add(timerJob(timer.instance(instance, dropInsFor(name, timer)), instance, timerJobs, started));
            }
        }
        for (UnitSource service : services) {
            if (!started.contains(service)) {
                PendingJob p = schedulerService(service);
                if (p != null) {
                    pending.add(p);
                }
                deploying.add(new StartedService(service, p == null ? null : p.job().id(), null));
            }
        }
        emit(pending, sink);
        for (StartedService s : deploying) {
            UnitDeployCommands.report(s.service(), ServiceFacts.of(s.service(), owners.owner(s.service().path())), s.owner(),
                    s.timer(), sink);
        }
        deploying.clear();
        timers.clear();
        services.clear();
        dropIns.clear();
        enabled.clear();
        enabledCopies.clear();
        enablement.clear();
        masked.clear();
        maskedByLink.clear();
        aliases.clear();
        owners.clear();
    }

    /**
     * Takes out of {@code units} the files an alias link of their name hides from a directory of higher precedence:
     * {@code /etc/systemd/system/etl.service -> etl-v2.service} makes etl.service a name of etl-v2.service, and the
     * package's {@code /usr/lib/systemd/system/etl.service} is no longer read (systemd-analyze verify agrees).
     */
    private void hiddenByAliases(List<UnitSource> units) {
        units.removeIf(u -> {
            LoadPath.Place place = u.embeddedIn() == null ? LoadPath.ofUnit(u.path()) : null;
            return place != null && aliases.stream().anyMatch(a -> a.name().equals(u.fileName())
                    && a.place().competesWith(place) && a.place().rank() < place.rank());
        });
    }

    /**
     * Takes out of {@code units} the unit files systemd does not read: those a file of the same name hides from a
     * directory of higher precedence in the load path of the same host and manager (a unit copied to
     * /etc/systemd/system to change it hides the package's in /usr/lib/systemd/system), and masked units (the empty
     * file of highest precedence), with every file of their name. Units a script writes, and files where systemd does
     * not look, stay as they are.
     *
     * @return the names of the masked units (a copy of such a unit in a .wants directory is no unit either), each with
     *         what masks it ({@code an empty unit file}, {@code a link to /dev/null})
     */
    private Map<String, String> overridden(List<UnitSource> units) {
        Map<String, UnitSource> first = new HashMap<>();
        Map<UnitSource, String> keys = new HashMap<>();
        for (UnitSource u : units) {
            LoadPath.Place place = u.embeddedIn() == null ? LoadPath.ofUnit(u.path()) : null;
            if (place == null) {
                continue;
            }
            String key = place.host() + "\0" + place.manager() + "\0" + u.fileName();
            keys.put(u, key);
            first.merge(key, u, (a, b) -> LoadPath.ofUnit(a.path()).rank() <= LoadPath.ofUnit(b.path()).rank() ? a : b);
        }
        Map<String, String> maskedNames = new HashMap<>();
        units.removeIf(u -> {
            String key = keys.get(u);
            if (key == null) {
                return false;
            }
            UnitSource read = first.get(key);
            if (masked.contains(read.path())) {
                maskedNames.put(u.fileName(), maskedByLink.contains(read.path()) ? "a link to /dev/null" : "an empty unit file");
                return true;
            }
            return read != u;
        });
        return maskedNames;
    }

    /** The job of one timer, or of one instance of a template timer ({@code instance} not null). */
    private PendingJob timerJob(UnitSource timer, String instance, TimerJobs timerJobs, Set<UnitSource> started) {
        String serviceName = timer.value("Timer", "Unit") != null ? prefixExpanded(timer.value("Timer", "Unit"), timer)
                : timer.baseName() + ".service";
        UnitSource service = pick(serviceName, timer.directory());
        String aliasOf = service == null ? aliased(serviceName, timer) : null;
        if (aliasOf != null && pick(aliasOf, timer.directory()) != null) {
            // etl.service -> etl-v2.service: systemd starts etl-v2.service, under either name
            service = pick(aliasOf, timer.directory());
        } else {
            aliasOf = null;
        }
        boolean instanceService = false;
        String template = TemplateInstances.templateOf(serviceName);
        String serviceInstance = template == null ? null : TemplateInstances.instanceOf(serviceName);
        if (service == null && template != null && !serviceInstance.contains("%") && pick(template, timer.directory()) != null) {
            // backup@home.service comes from the template backup@.service, with the instance's %i, whether a template
            // timer's instance starts it or a timer of its own names it (nightly.timer's Unit=sync@nightly.service);
            // the drop-ins of backup@home.service.d apply with the template's
            UnitSource templateService = pick(template, timer.directory());
            started.add(templateService);
            service = templateService.instance(serviceInstance, dropInsFor(serviceName, templateService));
            instanceService = true;
        } else if (service != null && template != null && !serviceInstance.contains("%")) {
            // a file of the instance's own name: systemd fills in its %i all the same
            started.add(service);
            service = service.instance(serviceInstance);
            instanceService = true;
        } else if (service == null && timer.template() && serviceName.matches("[^@]+@%[iI]\\.service")) {
            // a template timer's Unit=backup@%i.service is the template backup@.service, whichever instance runs
            service = pick(serviceName.replaceFirst("%[iI]", ""), timer.directory());
        }
        if (service != null) {
            started.add(service);
        }
        // an enabled instance is enabled by its link; a plain timer (or a template none of whose instances is enabled)
        // is enabled, disabled or static as the dump's .wants links say
        String state = instance != null ? TimerEnablement.ENABLED : enablement.state(timer);
        List<String> enabledBy = instance == null && TimerEnablement.ENABLED.equals(state)
                ? enablement.enabledBy(timer.fileName(), LoadPath.ofUnit(timer.path())) : List.of();
        PendingJob job = timerJobs.build(timer, serviceName, service, state, enabledBy);
        if (service != null) {
            deploying.add(new StartedService(service, job.job().id(), job.job().id()));
        }
        if (instance == null && !instanceService && aliasOf == null) {
            return job;
        }
        Map<String, String> attributes = new LinkedHashMap<>(job.job().attributes());
        if (aliasOf != null) {
            attributes.put(ALIAS_OF, aliasOf);
        }
        if (instanceService) {
            attributes.put(SERVICE_INSTANCE, serviceInstance);
        }
        if (instance != null) {
            attributes.put("Unit", serviceName); // with its %p and %i filled in
            attributes.put(INSTANCE, instance);
            attributes.put("systemd.enabledBy", String.join(" ", enabled.stream()
                    .filter(e -> e.instance().equals(instance) && e.template().equals(TemplateInstances.templateOf(timer.fileName())))
                    .map(TemplateInstances.Enabled::path).toList()));
        }
        Job j = job.job();
        return new PendingJob(new Job(j.id(), j.kind(), j.name(), j.source(), j.schedules(), j.command(), j.user(), j.env(),
                j.workingDir(), j.overlap(), j.dependsOn(), attributes), job.unitNames(), job.dependencyUnits(), job.findings());
    }

    /**
     * The unit an alias link of the timer's host and manager names ({@code etl-v2.service} for a link
     * {@code etl.service -> etl-v2.service}), or null: a timer outside the load path takes an alias of any host.
     */
    private String aliased(String name, UnitSource timer) {
        LoadPath.Place at = timer.embeddedIn() == null ? LoadPath.ofUnit(timer.path()) : null;
        return aliases.stream().filter(a -> a.name().equals(name) && (at == null || a.place().competesWith(at)))
                .map(Alias::target).sorted().findFirst().orElse(null);
    }

    /**
     * Attribute of a timer's job whose service the host names by an alias link ({@code etl.service -> etl-v2.service}):
     * the unit systemd starts, {@code etl-v2.service}.
     */
    public static final String ALIAS_OF = "systemd.aliasOf";

    /** {@code Unit=%p@%i.service}: %p is the timer's name up to its @ (or its suffix), as systemd expands it. */
    private static String prefixExpanded(String unit, UnitSource timer) {
        String base = timer.baseName();
        String prefix = base.contains("@") ? base.substring(0, base.indexOf('@')) : base;
        return unit.replace("%p", prefix);
    }

    /** Attribute of a template timer's job for one enabled instance: the instance ({@code home} of backup@home.timer). */
    public static final String INSTANCE = "systemd.instance";

    /**
     * Attribute of a timer's job whose service is an instance of a template service: the instance the service runs
     * as ({@code nightly} of {@code Unit=sync@nightly.service}, read from {@code sync@.service}). Its unit's
     * {@code %i} is that, whatever the timer's own name.
     */
    public static final String SERVICE_INSTANCE = "systemd.serviceInstance";

    private void withDropIns(List<UnitSource> units) {
        units.replaceAll(u -> u.withDropIns(dropInsFor(u.fileName(), u)));
    }

    /**
     * The drop-ins systemd reads for the unit {@code name} defined by {@code file}: those of the directories of each name
     * it searches ({@link DropInScopes}: its own, for an instance ({@code sync@nightly.service}) its template's, its dash
     * prefixes', its type's), of which a more specific file replaces a less specific one of the same name
     * ({@link UnitSource#effective(List, boolean)}). A drop-in configures the units of its own host and manager only: in
     * a tree of several host dumps, {@code web2/etc/systemd/system/etl.service.d} is no drop-in of web1's etl.service,
     * and {@code etc/systemd/user/etl.service.d} none of the system's.
     */
    private List<UnitSource.DropIn> dropInsFor(String name, UnitSource file) {
        List<String> scopes = DropInScopes.of(name);
        List<List<UnitSource.DropIn>> byScope = new ArrayList<>();
        for (int i = 0; i < scopes.size(); i++) {
            List<UnitSource.DropIn> found = dropIns.getOrDefault(scopes.get(i), List.of());
            boolean mine = i == 0 || i == 1 && scopes.get(1).equals(TemplateInstances.templateOf(name));
            byScope.add(found.stream().filter(d -> mine ? ownNear(d, file) : near(d, file)).toList());
        }
        return UnitSource.effective(byScope, true);
    }

    /**
     * Whether a drop-in of the unit's own name (or its template's) is one systemd reads for the unit of {@code file}.
     * Where both are in a host's load path, only its host's and manager's. A script's unit and drop-in have no host of
     * the tree (the script runs somewhere), so only their managers are compared: {@code /etc/systemd/user/x.service.d}
     * configures no system unit. Where either is outside the load path (a repository's {@code deploy/}), the name
     * alone says which unit it configures, as it will once installed.
     */
    private static boolean ownNear(UnitSource.DropIn d, UnitSource file) {
        LoadPath.Place unitPlace = file.place();
        if (unitPlace == null || d.place() == null) {
            return true;
        }
        boolean hosted = file.embeddedIn() == null && d.lineOffset() == 0;
        return hosted ? unitPlace.readsDropInsAt(d.place()) : sameManager(unitPlace, d.place());
    }

    private static boolean sameManager(LoadPath.Place unit, LoadPath.Place dropIn) {
        return unit.withHost("").readsDropInsAt(dropIn.withHost(""));
    }

    /**
     * Whether a shared drop-in (a prefix's, a type's) is where systemd reads it for the unit of {@code file}: in the
     * load path of the unit's host and manager, or outside the load path in the unit's own directory. A script's unit
     * reads those the same script writes for its manager: on the host it provisions, {@code cat > /etc/systemd/system/
     * service.d/10-user.conf} next to {@code cat > /etc/systemd/system/etl.service} configures that service, whatever the
     * host already had (which the tree does not show). Another script's, or the tree's, may be for another host.
     */
    private static boolean near(UnitSource.DropIn d, UnitSource file) {
        if (file.embeddedIn() != null || d.lineOffset() != 0) {
            return file.embeddedIn() != null && d.lineOffset() != 0 && d.path().equals(file.path())
                    && file.place() != null && d.place() != null && sameManager(file.place(), d.place());
        }
        LoadPath.Place unitPlace = file.place();
        if (unitPlace != null || d.place() != null) {
            return unitPlace != null && d.place() != null && unitPlace.readsDropInsAt(d.place());
        }
        String dir = d.path().substring(0, Math.max(d.path().lastIndexOf('/'), 0));
        return dir.contains("/") && dir.substring(0, dir.lastIndexOf('/')).equals(file.directory());
    }

    /** The service with that name, preferring the timer's own directory. */
    private UnitSource pick(String name, String directory) {
        UnitSource any = null;
        for (UnitSource s : services) {
            if (s.fileName().equals(name)) {
                if (s.directory().equals(directory)) {
                    return s;
                }
                any = any == null ? s : any;
            }
        }
        return any;
    }

    private PendingJob schedulerService(UnitSource service) {
        ServiceFacts facts = ServiceFacts.of(service, owners.owner(service.path()));
        JobKind kind = ServiceRoles.kindOf(facts.command(), service.value("Service", "Restart"),
                service.fileName() + " " + service.value("Unit", "Description") + " " + facts.command());
        if (kind == null) {
            return null;
        }
        String name = service.baseName();
        String id = service.jobIds().claim(kind, service.path(), name, service.fileName());
        SourceRef where = service.where();
        List<ScheduleSpec> schedules = kind == JobKind.SYSTEMD_SCHEDULER_SERVICE
                ? List.of(new ScheduleSpec(ScheduleSpec.Form.UNKNOWN, "in the code run by " + service.fileName(), null, where))
                : List.of();
        Map<String, String> attributes = new LinkedHashMap<>(facts.attributes());
        if (kind == JobKind.PREFECT_AGENT) {
            // the queues and pool the agent polls, as a compose agent's are read: the worker that replaces it polls the same
            attributes.putAll(PrefectAgentUnits.pollTargets(facts.command()));
        }
        if (ServiceRoles.unannouncedJvm(facts.command(), service.value("Service", "Restart"), service.fileName() + " "
                + service.value("Unit", "Description") + " " + facts.command())) {
            attributes.put(ServiceRoles.UNANNOUNCED_JVM, "true"); // kept only if its jar is built here, JvmServiceLinker
        }
        if (service.embeddedIn() != null) {
            attributes.put("systemd.embeddedIn", service.embeddedIn());
        }
        Job job = new Job(id, kind, name, where, schedules, facts.command(), facts.user(), facts.env(), facts.workingDir(),
                Overlap.UNKNOWN, List.of(), attributes);
        // at the command that runs, where a code-scanning annotation is useful
        List<UnitSource.Setting> exec = service.settings("Service", "ExecStart");
        SourceRef at = exec.isEmpty() ? where : exec.get(0).where();
        Finding finding = kind == JobKind.SYSTEMD_SCHEDULER_SERVICE
                ? Findings.of("SYD004", service.fileName() + " keeps '" + facts.command() + "' running (Restart="
                        + service.value("Service", "Restart") + ") with no timer: its schedule lives in that code", at, id)
                : Findings.of("SYD009", service.fileName() + " runs a " + kind.slug().replace('-', ' ')
                        + (kind == JobKind.PREFECT_AGENT ? "; agents do not exist in Prefect 3, use a worker for a work pool" : ""),
                        at, id);
        List<Finding> findings = new ArrayList<>(List.of(finding));
        if (kind == JobKind.PREFECT_SERVER) {
            // as a compose service's: the server is upgraded first and its database migrated in place (BHV006 follows
            // once the scan knows which Prefect the unit runs, PrefectServerUnits)
            findings.add(Findings.of("PF292", "self-hosted Prefect server (" + service.fileName() + ")", at, id));
        }
        prefectFindings(service, id, findings);
        return new PendingJob(job, List.of(service.fileName()), facts.dependencies(), findings);
    }

    /**
     * What the unit's Prefect commands and settings mean for Prefect 3, at their lines, as the same command in a
     * script is reported: a removed command (`prefect agent start`, `prefect orion start`) is breaking, with the
     * fix the systemd recipe makes; a setting Prefect 3 dropped or renamed is named.
     */
    private static void prefectFindings(UnitSource service, String id, List<Finding> out) {
        InventorySink into = new InventorySink() {
            @Override
            public void job(Job job) {
            }

            @Override
            public void finding(Finding f) {
                if (!f.code().equals("PF291") && !f.code().equals("PF292")) { // SYD009 names a worker; the server has its PF292 above
                    out.add(f);
                }
            }
        };
        for (String key : List.of("ExecStartPre", "ExecStart", "ExecStartPost", "ExecReload", "ExecStop")) {
            for (UnitSource.Setting exec : service.settings("Service", key)) {
                String command = ExecCommand.parse(exec.value()).command();
                for (PrefectInvocation inv : PrefectInvocation.find(command)) {
                    if (UnitDeployCommands.deploys(inv) && !key.equals("ExecReload") && !key.equals("ExecStop")) {
                        continue; // the deployment it declares is a job of its own, with its findings
                    }
                    PrefectCommandReport.findings(inv, exec.where(), id, into);
                }
            }
        }
        for (UnitSource.Setting env : service.settings("Service", "Environment")) {
            EnvironmentWords.parse(env.value()).keySet().stream().filter(k -> k.startsWith("PREFECT_"))
                    .forEach(k -> PrefectSettingsCheck.check(k, env.where(), id, into));
        }
    }

    /** Resolves After=/Requires= unit names to the ids of other jobs, then hands everything to the sink. */
    private static void emit(List<PendingJob> pending, InventorySink sink) {
        Map<String, String> idByUnit = new HashMap<>();
        for (PendingJob p : pending) {
            p.unitNames().forEach(u -> idByUnit.putIfAbsent(u, p.job().id()));
        }
        for (PendingJob p : pending) {
            Set<String> deps = new java.util.LinkedHashSet<>();
            for (String unit : p.dependencyUnits()) {
                String id = idByUnit.get(unit);
                if (id != null && !id.equals(p.job().id())) {
                    deps.add(id);
                }
            }
            Job j = p.job();
            sink.job(new Job(j.id(), j.kind(), j.name(), j.source(), j.schedules(), j.command(), j.user(), j.env(),
                    j.workingDir(), j.overlap(), List.copyOf(deps), new LinkedHashMap<>(j.attributes())));
            p.findings().forEach(sink::finding);
        }
    }
}
