package dev.migrate.analyzers.sources.systemd;

import dev.migrate.analyzers.model.JobIdRegistry;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.rewriters.systemd.UnitFile;
import dev.migrate.rewriters.systemd.UnitLine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A unit as systemd sees it: the unit file plus its drop-ins ({@code name.service.d/*.conf}, applied in file-name
 * order), with the position of every setting for findings. A unit a script writes with a here-document
 * ({@link EmbeddedUnits}) is found in that script: its settings are at the script's lines.
 *
 * @param path       the file the unit is written in (the unit file, or the script)
 * @param name       the unit file name ({@code etl.timer})
 * @param lineOffset the line of {@code path} before the unit's first line (0 for a unit file)
 * @param embeddedIn how a script writes it ({@code shell here-document}), null for a unit file
 * @param expands    whether the script's shell fills in {@code $NAME} in the unit's text before systemd reads it
 * @param jobIds     the registry of {@code path}, for the id of the job it turns out to be once every unit is read
 * @param place      where it is in systemd's load path: its file's directory, or for a script's unit the directory the
 *                   script writes it to ({@code /etc/systemd/system}, of no host of the tree); null when nowhere systemd
 *                   looks
 */
record UnitSource(String path, String name, int lineOffset, String embeddedIn, boolean expands, UnitFile unit,
                  List<DropIn> dropIns, JobIdRegistry jobIds, LoadPath.Place place) {
    /**
     * One {@code .conf} file from the unit's {@code .d} directory, or a script's here-document that writes one.
     *
     * @param place where it is in systemd's load path (for a script's, where the script writes it), null when nowhere
     *              systemd looks: it then competes with no other drop-in of its name
     */
    record DropIn(String path, String fileName, int lineOffset, UnitFile unit, LoadPath.Place place) {
        DropIn(String path, UnitFile unit) {
            this(path, path.substring(path.lastIndexOf('/') + 1), 0, unit, LoadPath.ofDropIn(path));
        }

        DropIn withUnit(UnitFile other) {
            return new DropIn(path, fileName, lineOffset, other, place);
        }

        /** Where it is: its file, or the script line that writes it. */
        String shown() {
            return lineOffset == 0 ? path : path + ":" + lineOffset;
        }

        /** A drop-in a script writes with a here-document. */
        static DropIn embedded(ScanFile script, EmbeddedUnits.Unit unit) {
            return new DropIn(script.path(), unit.written().substring(unit.written().lastIndexOf('/') + 1),
                    unit.firstLine(), UnitFile.parse(unit.text()), LoadPath.ofDropIn(unit.written()));
        }
    }

    /** One assignment in a section, with where its value starts and how a report shows it ({@link #shownValues}). */
    record Setting(String key, String value, SourceRef where, String shown) {
    }

    UnitSource {
        dropIns = dropIns.stream().sorted(Comparator.comparing(DropIn::fileName)).toList();
    }

    UnitSource(ScanFile file) {
        this(file.path(), file.fileName(), 0, null, false, UnitFile.parse(file.text()), List.of(), file.jobIds(),
                LoadPath.ofUnit(file.path()));
    }

    /** A unit written by a script: its text starts after line {@code lineOffset} of the script. */
    static UnitSource embedded(ScanFile script, EmbeddedUnits.Unit unit) {
        return new UnitSource(script.path(), unit.unitName(), unit.firstLine(), "shell here-document", unit.expands(),
                UnitFile.parse(unit.text()), List.of(), script.jobIds(), LoadPath.ofUnit(unit.written()));
    }

    UnitSource withDropIns(List<DropIn> more) {
        List<DropIn> all = new ArrayList<>(dropIns);
        all.addAll(more);
        return new UnitSource(path, name, lineOffset, embeddedIn, expands, unit, all, jobIds, place);
    }

    /**
     * This template unit ({@code backup@.timer}) as its instance {@code instance} ({@code backup@home.timer}): the same
     * file and lines, with {@code %i} and {@code %I} expanded in its text and its drop-ins'.
     */
    UnitSource instance(String instance) {
        return instance(instance, dropIns);
    }

    /**
     * As {@link #instance(String)}, with the drop-ins systemd reads for the instance's name ({@code backup@home.service}):
     * those of its own directory, its template's, its dash prefixes' and its type's, as {@link #effective(List, boolean)}
     * chose them for that name. They replace the template's, which were chosen for the template's name.
     */
    UnitSource instance(String instance, List<DropIn> instanceDropIns) {
        List<DropIn> expanded = instanceDropIns.stream().map(d -> d.withUnit(
                UnitFile.parse(TemplateInstances.expand(d.unit().print(), instance)))).toList();
        return new UnitSource(path, TemplateInstances.instanceName(name, instance), lineOffset, embeddedIn, expands,
                UnitFile.parse(TemplateInstances.expand(unit.print(), instance)), expanded, jobIds, place);
    }

    /**
     * The drop-ins systemd applies of those found for a unit: {@code own} from its {@code name.d} directories and, for an
     * instance, {@code template} from its template's. See {@link #effective(List, boolean)}.
     */
    static List<DropIn> effective(List<DropIn> own, List<DropIn> template) {
        return effective(List.of(own, template), false);
    }

    /**
     * The drop-ins systemd applies of those found in the directories of each name it searches for a unit
     * ({@link DropInScopes}: its own, its template's, its dash prefixes', its type's), {@code byScope} most specific
     * first. All of them apply, in the lexicographic order of their file names whatever their directory; of files of one
     * name, systemd applies only the first it finds (systemd.unit(5): drop-ins in /etc take precedence over those in
     * /run, which take precedence over those in /usr/lib; a user's own directories and the shared user ones are one
     * load path for that user's manager, {@link LoadPath.Place#sharesLoadPathWith}). It searches the directories of the load path in order of
     * precedence, in each the names from the most specific, and the type-wide directories ({@code service.d}) after every
     * other, in each load path directory: an {@code override.conf} in {@code /etc/systemd/system/foo.service.d} hides the
     * package's in {@code /usr/lib/systemd/system/foo.service.d}, one in {@code /etc/systemd/system/foo-.service.d} hides
     * the package's {@code foo-bar.service.d}'s, and any unit's or prefix's hides the type's (systemd-analyze verify
     * agrees). Drop-ins of directories systemd does not read (a repository's {@code deploy/foo.service.d}) hide none but
     * those of less specific names.
     *
     * @param lastIsTypeWide whether the last list is the type-wide directories' ({@code service.d})
     */
    static List<DropIn> effective(List<List<DropIn>> byScope, boolean lastIsTypeWide) {
        List<DropIn> candidates = new ArrayList<>();
        List<Integer> scopes = new ArrayList<>();
        for (int s = 0; s < byScope.size(); s++) {
            for (DropIn d : byScope.get(s)) {
                candidates.add(d);
                scopes.add(s);
            }
        }
        int typeWide = lastIsTypeWide ? byScope.size() - 1 : -1;
        List<DropIn> out = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            DropIn d = candidates.get(i);
            boolean hidden = false;
            for (int j = 0; j < candidates.size() && !hidden; j++) {
                DropIn other = candidates.get(j);
                if (j == i || !other.fileName().equals(d.fileName())) {
                    continue;
                }
                int scope = scopes.get(i);
                int otherScope = scopes.get(j);
                if (d.place() != null && other.place() != null && d.place().sharesLoadPathWith(other.place())) {
                    boolean dType = scope == typeWide;
                    boolean otherType = otherScope == typeWide;
                    hidden = dType != otherType ? dType : other.place().rank() < d.place().rank()
                            || other.place().rank() == d.place().rank() && otherScope < scope;
                } else {
                    hidden = otherScope < scope;
                }
            }
            if (!hidden) {
                out.add(d);
            }
        }
        return out;
    }

    /** Whether this is a template unit ({@code backup@.timer}), which runs only as instances. */
    boolean template() {
        return baseName().endsWith("@");
    }

    String fileName() {
        return name;
    }

    /** Where the unit is defined: its file, or the line of the script command that writes it. */
    SourceRef where() {
        return embeddedIn == null ? SourceRef.file(path) : SourceRef.at(path, lineOffset, 1);
    }

    String directory() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** The unit name without its suffix ({@code etl} for {@code etl.timer}). */
    String baseName() {
        String n = fileName();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? n : n.substring(0, dot);
    }

    /** Assignments of {@code key} in {@code section} across the unit and its drop-ins; an empty one clears earlier ones. */
    List<Setting> settings(String section, String key) {
        List<Setting> out = new ArrayList<>();
        collect(path, lineOffset, unit, section, key, out);
        for (DropIn d : dropIns) {
            collect(d.path(), d.lineOffset(), d.unit(), section, key, out);
        }
        return out;
    }

    private static void collect(String file, int lineOffset, UnitFile unit, String section, String key, List<Setting> out) {
        for (int i : unit.indexesOf(section, key)) {
            UnitLine.Assignment a = (UnitLine.Assignment) unit.lines().get(i);
            if (a.value().isEmpty()) {
                out.clear();
                continue;
            }
            int col = a.indent().length() + a.key().length() + a.beforeEquals().length() + 1 + a.afterEquals().length() + 1;
            out.add(new Setting(key, a.value(), SourceRef.at(file, lineOffset + unit.lineNumber(i), col),
                    ShownContinuations.join(a.rawValue())));
        }
    }

    /**
     * Every value of a list setting as a report shows it: continuation lines joined with one space between the words
     * ({@link ShownContinuations}), where systemd's own join keeps the blanks around the backslash and the next line's
     * indent; the same words either way.
     */
    List<String> shownValues(String section, String key) {
        return settings(section, key).stream().map(Setting::shown).toList();
    }

    /** Every value of a list setting such as {@code Environment=}. */
    List<String> values(String section, String key) {
        return settings(section, key).stream().map(Setting::value).toList();
    }

    /** The effective value of a single-valued setting: the last assignment wins. */
    String value(String section, String key) {
        List<Setting> all = settings(section, key);
        return all.isEmpty() ? null : all.get(all.size() - 1).value();
    }

    /** Unit names listed in a dependency setting such as {@code After=}. */
    List<String> unitList(String section, String key) {
        List<String> out = new ArrayList<>();
        for (String v : values(section, key)) {
            for (String u : v.split("\\s+")) {
                if (!u.isBlank()) {
                    out.add(u);
                }
            }
        }
        return out;
    }
}
