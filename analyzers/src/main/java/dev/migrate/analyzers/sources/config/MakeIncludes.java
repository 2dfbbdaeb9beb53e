package dev.migrate.analyzers.sources.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The make variables a Makefile gets from the files it includes ({@code include .env}, {@code -include .env},
 * {@code sinclude config.mk}): make reads an included file as part of the Makefile, so an env file's
 * {@code INFRA=docker-container/etl} lines are make variables, read by recipe lines as {@code $(INFRA)}. They reach the
 * recipes' shells ({@code $$INFRA}) when exported: by an {@code export} line of either file, a bare {@code export}
 * (every variable), or the {@code .EXPORT_ALL_VARIABLES:} target. Only literal paths found in the repository are read
 * (make resolves them from the directory it runs in, taken as the Makefile's or the repository's root, as
 * {@link SourcedFiles} does); an included file's own includes are read too, a cycle once.
 */
public final class MakeIncludes {
    /** Make's directives may be indented (inside {@code ifneq (,$(wildcard .env))}); no shell has an include. */
    private static final Pattern INCLUDE = Pattern.compile("(?m)^[ \\t]*(?:-include|sinclude|include)[ \\t]+([^#\\r\\n]*)");
    /** Indented by spaces only: a tab-led {@code export X} is a recipe line's shell command. */
    private static final Pattern EXPORT_NAMES = Pattern.compile("(?m)^ *export((?:[ \\t]+[A-Za-z_][A-Za-z0-9_]*)*)[ \\t]*\\r?$");
    private static final Pattern EXPORT_ALL = Pattern.compile("(?m)^\\.EXPORT_ALL_VARIABLES[ \\t]*:");

    private MakeIncludes() {
    }

    /** What a Makefile and the files it includes set: make variables in reading order, and which are exported. */
    record Variables(List<LiteralVariables.Assignment> assignments, Set<String> exported, boolean exportAll) {
        boolean exports(String name) {
            return exportAll || exported.contains(name);
        }
    }

    /** The paths a Makefile includes, as written, in order. */
    public static List<String> in(String text) {
        List<String> out = new ArrayList<>();
        if (!text.contains("include")) {
            return out;
        }
        Matcher m = INCLUDE.matcher(text);
        while (m.find()) {
            for (String word : m.group(1).strip().split("[ \\t]+")) {
                if (!word.isEmpty()) {
                    out.add(word);
                }
            }
        }
        return out;
    }

    /** Whether a file may be one a Makefile includes or a script reads, by its name: an env file, a script, a .mk. */
    public static boolean mayBeIncluded(String path) {
        return SourcedFiles.mayBeSourced(path) || path.endsWith(".mk");
    }

    /**
     * The make variables of the Makefile at {@code path} and of the files it includes ({@code files} gives a
     * repository path's text, or null); an included file's carry where they are set ({@code .env:3}).
     */
    static Variables read(String path, String text, Function<String, String> files) {
        List<LiteralVariables.MakeAssignment> out = new ArrayList<>();
        Set<String> exported = new HashSet<>();
        boolean[] all = {false};
        read(path, path, text, files, out, exported, all, new HashSet<>(Set.of(path)));
        List<LiteralVariables.Assignment> kept = new ArrayList<>();
        for (LiteralVariables.MakeAssignment m : out) {
            if (!defaultOverridden(m, out)) {
                kept.add(m.assignment());
            }
        }
        return new Variables(kept, exported, all[0]);
    }

    private static void read(String top, String path, String text, Function<String, String> files,
                             List<LiteralVariables.MakeAssignment> out, Set<String> exported, boolean[] all,
                             Set<String> reading) {
        boolean included = !path.equals(top);
        for (LiteralVariables.MakeAssignment m : LiteralVariables.makeAssignments(text)) {
            LiteralVariables.Assignment a = m.assignment();
            out.add(included ? new LiteralVariables.MakeAssignment(a.readAt(0, a.value(), path, text), m.exported(),
                    m.orDefault()) : m);
            if (m.exported()) {
                exported.add(a.name());
            }
        }
        Matcher names = EXPORT_NAMES.matcher(text);
        while (names.find()) {
            if (names.group(1).isBlank()) {
                all[0] = true;
            } else {
                exported.addAll(List.of(names.group(1).strip().split("[ \\t]+")));
            }
        }
        all[0] |= EXPORT_ALL.matcher(text).find();
        if (reading.size() > SourcedFiles.MAX_DEPTH) {
            return;
        }
        for (String written : in(text)) {
            Optional<SourcedFiles.Found> found = SourcedFiles.resolve(top, written, files);
            if (found.isPresent() && reading.add(found.get().path())) {
                read(top, found.get().path(), found.get().text(), files, out, exported, all, reading);
                reading.remove(found.get().path());
            }
        }
    }

    /**
     * Whether {@code a}, the Makefile's {@code INFRA ?= default}, gives way to a plain assignment in an included file:
     * before it, the default is not taken; after it, it is replaced. {@code ?= } plus {@code -include .env} is how a
     * Makefile lets an env file override its defaults.
     */
    private static boolean defaultOverridden(LiteralVariables.MakeAssignment m, List<LiteralVariables.MakeAssignment> all) {
        return m.orDefault() && m.assignment().setIn() == null && all.stream().anyMatch(o -> !o.orDefault()
                && o.assignment().setIn() != null && o.assignment().name().equals(m.assignment().name()));
    }
}
