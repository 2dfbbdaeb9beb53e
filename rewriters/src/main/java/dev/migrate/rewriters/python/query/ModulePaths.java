package dev.migrate.rewriters.python.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Which file of a project a module name read in an import refers to, from paths alone (the code is never run, so
 * {@code sys.path} is unknown). {@code from .schedules import X} in {@code pkg/flows/etl.py} is
 * {@code pkg/flows/schedules.py} (or its package's {@code __init__.py}); an absolute {@code from common.schedules
 * import X} is the one project file whose path ends in {@code common/schedules.py}, and when several do, the one
 * next to the importing file (a script run from its own directory imports its siblings that way). Anything else is
 * unknown, never a guess.
 */
public final class ModulePaths {
    private ModulePaths() {
    }

    /** A name defined in a module: {@code module} as an import reads it (leading dots when relative). */
    public record ModuleName(String module, String name) {
    }

    /**
     * The project file (one of {@code files}, paths relative to the project root with {@code /}) that the module
     * {@code module} (leading dots for a relative import) names when {@code importer} imports it.
     */
    public static Optional<String> resolve(String importer, String module, Collection<String> files) {
        String from = importer.replace('\\', '/');
        String dir = from.contains("/") ? from.substring(0, from.lastIndexOf('/')) : "";
        int dots = 0;
        while (dots < module.length() && module.charAt(dots) == '.') {
            dots++;
        }
        String rest = module.substring(dots).replace('.', '/');
        if (dots > 0) {
            String base = dir;
            for (int i = 1; i < dots; i++) {
                if (base.isEmpty()) {
                    return Optional.empty(); // beyond the project's top
                }
                base = base.contains("/") ? base.substring(0, base.lastIndexOf('/')) : "";
            }
            String stem = join(base, rest);
            for (String candidate : rest.isEmpty() ? List.of(join(base, "__init__.py")) : List.of(stem + ".py", stem + "/__init__.py")) {
                if (files.contains(candidate)) {
                    return Optional.of(candidate);
                }
            }
            return Optional.empty();
        }
        if (rest.isEmpty()) {
            return Optional.empty();
        }
        List<String> matches = new ArrayList<>();
        String asFile = rest + ".py";
        String asPackage = rest + "/__init__.py";
        for (String f : files) {
            if (endsWithModule(f, asFile) || endsWithModule(f, asPackage)) {
                matches.add(f);
            }
        }
        if (matches.size() == 1) {
            return Optional.of(matches.get(0));
        }
        String sibling = join(dir, rest);
        return matches.stream().filter(f -> f.equals(sibling + ".py") || f.equals(sibling + "/__init__.py")).findFirst();
    }

    /**
     * The module part of a qualified name read through the imports and the name it defines: {@code
     * schedules.every_hour} gives {@code schedules} and {@code every_hour}; empty when there is no module part.
     */
    public static Optional<ModuleName> split(String qualifiedName) {
        int dots = 0;
        while (dots < qualifiedName.length() && qualifiedName.charAt(dots) == '.') {
            dots++;
        }
        int at = qualifiedName.lastIndexOf('.');
        if (at < 0 || at == qualifiedName.length() - 1) {
            return Optional.empty();
        }
        // "..x" (from .. import x) is the name x of the package two levels up, whose module is ".."
        String module = at < dots ? qualifiedName.substring(0, dots) : qualifiedName.substring(0, at);
        return Optional.of(new ModuleName(module, qualifiedName.substring(at + 1)));
    }

    private static boolean endsWithModule(String file, String suffix) {
        int at = file.length() - suffix.length();
        return at == 0 ? file.equals(suffix) : at > 0 && file.charAt(at - 1) == '/' && file.endsWith(suffix);
    }

    private static String join(String dir, String rest) {
        return dir.isEmpty() ? rest : rest.isEmpty() ? dir : dir + "/" + rest;
    }
}
