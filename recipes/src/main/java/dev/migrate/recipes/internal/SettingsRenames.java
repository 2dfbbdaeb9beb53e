package dev.migrate.recipes.internal;

import dev.migrate.analyzers.rules.PrefectApi;
import dev.migrate.recipes.PrefectRenames;
import dev.migrate.recipes.PrefectTarget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renames {@code PREFECT_*} settings in text, from the {@code env-var} entries of the catalogue's rename data.
 * A set picks the old names it renames; a name it renames then goes straight to its canonical name for the target,
 * following every rename the target has reached ({@code PREFECT_ORION_DATABASE_CONNECTION_URL} became
 * {@code PREFECT_API_DATABASE_CONNECTION_URL} in 2.8.1 and {@code PREFECT_SERVER_DATABASE_CONNECTION_URL} in 3.1),
 * so no rename stops at a name that the targeted release itself deprecates. Nor does one end on a name the target
 * does not read at all ({@link TargetSettings}): such an old name is kept and {@link #withoutSuccessor} finds it.
 *
 * <p>Only names of settings are renamed, never a reference to a variable ({@code $PREFECT_X}, {@code ${PREFECT_X}},
 * {@code ${PREFECT_X:-default}}): that reads a variable the host, the shell or a {@code .env} defines, which the
 * rename does not touch, so renaming the reference would read an unset variable. The one exception is a whole file
 * that itself sets the name on an earlier line (a script's {@code export}, a unit's {@code Environment=} read by its
 * {@code ExecStart=}): its later references read that setting and follow it. A compose file's reference follows too
 * when the caller knows its definition is renamed in the same run ({@link ComposeInterpolation}).
 */
public final class SettingsRenames {
    /**
     * A setting's name; one ending a path or ARN ({@code arn:aws:ssm:...:parameter/PREFECT__CLOUD__API_KEY}) names a
     * stored parameter, not a variable, and renaming it would point at a parameter nobody created.
     */
    private static final Pattern NAME = Pattern.compile("(?<![A-Za-z0-9_/])PREFECT_[A-Z0-9_]+(?![A-Za-z0-9_])");

    /** The old names of the set, each with its first replacement. */
    private final Map<String, String> start = new LinkedHashMap<>();
    /** Every 2.x and 3.x rename the target has reached, which a renamed name follows on to its canonical name. */
    private final Map<String, String> onward = new HashMap<>();
    /**
     * Old names of the set whose canonical name the target does not read (a 2.x successor a later release removed):
     * each with that name, kept as written, since renaming would only swap one ignored name for another.
     */
    private final Map<String, String> withoutSuccessor = new LinkedHashMap<>();

    private SettingsRenames(Predicate<PrefectRenames> include, PrefectTarget target) {
        for (PrefectRenames r : PrefectRenames.ofKind("env-var")) {
            if (!reached(r.to(), target)) {
                continue;
            }
            if (include.test(r)) {
                start.put(r.old(), r.replacement());
            }
            if (!r.old().startsWith("PREFECT__")) {
                onward.put(r.old(), r.replacement());
            }
        }
        for (String old : start.keySet()) {
            String to = resolve(old);
            if (!TargetSettings.reads(to, target)) {
                withoutSuccessor.put(old, to);
            }
        }
        start.keySet().removeAll(withoutSuccessor.keySet());
    }

    /**
     * Names removed before 3.x ({@code PREFECT_ORION_*}), and 2.x names Prefect 3 does not read at all but gave a
     * successor ({@code PREFECT_AGENT_QUERY_INTERVAL} is {@code PREFECT_WORKER_QUERY_SECONDS}): renaming them is
     * required, since no 3.x alias reads them.
     */
    public static SettingsRenames removed(PrefectTarget target) {
        return cached("removed", target, () -> new SettingsRenames(r -> !r.old().startsWith("PREFECT__")
                && (r.from().startsWith("2.0") && r.to().startsWith("2.")
                        || r.from().startsWith("2") && PrefectApi.get().canonicalSetting3(r.old()).isEmpty()
                                && PrefectApi.get().canonicalSetting3(r.replacement()).isPresent()), target));
    }

    /** Every 2.x or 3.0 name with a newer canonical name; the old ones still work as aliases. */
    public static SettingsRenames all(PrefectTarget target) {
        return cached("all", target, () -> new SettingsRenames(r -> !r.old().startsWith("PREFECT__") && (r.from().startsWith("2")
                || r.from().startsWith("3")), target));
    }

    /** Prefect 1 {@code PREFECT__SECTION__KEY} variables with a Prefect 3 setting (catalogue 4.4.1). */
    public static SettingsRenames prefect1(PrefectTarget target) {
        return cached("prefect1", target, () -> new SettingsRenames(r -> r.old().startsWith("PREFECT__")
                && r.from().startsWith("1"), target));
    }

    /** Built once per set and target: recipes ask for them for every file they visit. */
    private static SettingsRenames cached(String set, PrefectTarget target, Supplier<SettingsRenames> make) {
        return BUILT.computeIfAbsent(set + "@" + target.minor(), k -> make.get());
    }

    private static final Map<String, SettingsRenames> BUILT = new ConcurrentHashMap<>();

    /**
     * A reference left as written although the set renames the name it reads.
     *
     * @param offset  where the name starts in the text
     * @param name    the name as written (the old setting's)
     * @param renamed what the set renames that name to
     */
    public record KeptReference(int offset, String name, String renamed) {
    }

    /**
     * A whole file's text with every name the set renames replaced by its canonical name; a reference to a name
     * follows only when the text sets that name on an earlier line. The same text when nothing matched.
     */
    public String apply(String text) {
        return apply(text, Scope.FILE, NONE, NONE);
    }

    /**
     * {@link #apply(String)} leaving every occurrence of the names {@code keep} picks as written: the keys of a
     * {@code .env} template that compose reads as variables from a {@code .env} outside the run.
     */
    public String apply(String text, Predicate<String> keep) {
        return apply(text, Scope.FILE, NONE, keep);
    }

    /**
     * {@link #apply(String, Predicate)} also renaming the references to the names {@code follows} picks: a script's
     * {@code $PREFECT_ORION_X} that reads a key of an env file it sources, renamed in the same run.
     */
    public String apply(String text, Predicate<String> follows, Predicate<String> keep) {
        return apply(text, Scope.FILE, follows, keep);
    }

    /**
     * A YAML value with the names renamed and every reference kept: compose reads {@code ${...}} from the host's
     * environment or its {@code .env}, never from the file's own {@code environment:} keys.
     */
    public String applyKeepingReferences(String text) {
        return apply(text, Scope.VALUE, NONE, NONE);
    }

    /**
     * {@link #applyKeepingReferences(String)} renaming also the references to the names {@code follows} picks: a
     * compose variable whose definition (the project's {@code .env}) the same run renames.
     */
    public String applyKeepingReferences(String text, Predicate<String> follows) {
        return apply(text, Scope.VALUE, follows, NONE);
    }

    private static final Predicate<String> NONE = name -> false;

    private String apply(String text, Scope scope, Predicate<String> follows, Predicate<String> keep) {
        if (!text.contains("PREFECT_")) {
            return text;
        }
        List<Occurrence> all = occurrences(text, scope, follows, keep);
        if (all.stream().noneMatch(o -> o.renamed() != null && !o.kept())) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        int at = 0;
        for (Occurrence o : all) {
            if (o.renamed() != null && !o.kept()) {
                out.append(text, at, o.start()).append(o.renamed());
                at = o.start() + o.name().length();
            }
        }
        return out.append(text, at, text.length()).toString();
    }

    /** The canonical name for the target of a name the set renames ({@code PREFECT_ORION_API_PORT}), else empty. */
    public Optional<String> renamedName(String name) {
        return start.containsKey(name) ? Optional.of(resolve(name)) : Optional.empty();
    }

    /**
     * An old name kept because the target reads no successor of it.
     *
     * @param offset    where its first occurrence in the text starts
     * @param name      the old name
     * @param successor the name its renames lead to, which the target does not read
     */
    public record WithoutSuccessor(int offset, String name, String successor) {
    }

    /** True when some old name of the set has no successor on the target: only then is a text worth searching. */
    public boolean keepsAnyWithoutSuccessor() {
        return !withoutSuccessor.isEmpty();
    }

    /** The first occurrence of each old name of the set in the text that has no successor on the target. */
    public List<WithoutSuccessor> withoutSuccessor(String text) {
        if (withoutSuccessor.isEmpty() || !text.contains("PREFECT_")) {
            return List.of();
        }
        Map<String, WithoutSuccessor> first = new LinkedHashMap<>();
        Matcher m = NAME.matcher(text);
        while (m.find()) {
            String to = withoutSuccessor.get(m.group());
            if (to != null) {
                first.putIfAbsent(m.group(), new WithoutSuccessor(m.start(), m.group(), to));
            }
        }
        return List.copyOf(first.values());
    }

    /** The references of a whole file's text that {@link #apply(String)} keeps although the set renames their name. */
    public List<KeptReference> keptReferences(String text) {
        return keptReferences(text, Scope.FILE, NONE);
    }

    /** The references of a whole file's text that {@link #apply(String, Predicate, Predicate)} keeps. */
    public List<KeptReference> keptReferences(String text, Predicate<String> follows) {
        return keptReferences(text, Scope.FILE, follows);
    }

    /** The references of a YAML value that {@link #applyKeepingReferences(String)} keeps. */
    public List<KeptReference> keptReferencesInValue(String text) {
        return keptReferences(text, Scope.VALUE, NONE);
    }

    /** The references of a YAML value that {@link #applyKeepingReferences(String, Predicate)} keeps. */
    public List<KeptReference> keptReferencesInValue(String text, Predicate<String> follows) {
        return keptReferences(text, Scope.VALUE, follows);
    }

    private List<KeptReference> keptReferences(String text, Scope scope, Predicate<String> follows) {
        if (!text.contains("PREFECT_")) {
            return List.of();
        }
        return occurrences(text, scope, follows, NONE).stream().filter(o -> o.renamed() != null && o.kept())
                .map(o -> new KeptReference(o.start(), o.name(), o.renamed())).toList();
    }

    /**
     * True when the name at {@code start} is read as a variable: {@code $NAME}, {@code ${NAME}} or {@code ${NAME:-x}}.
     * So is a CI pipeline's {@code secrets.NAME} or {@code vars.NAME}, kept in the CI settings. Compose's escaped
     * {@code $$NAME} is none: it passes {@code $NAME} on to the container's shell, which reads the container's
     * environment, the names the file sets and renames.
     */
    public static boolean isReference(String text, int start) {
        if (text.startsWith("secrets.", start - 8) || text.startsWith("vars.", start - 5)) {
            return true; // a CI secret or variable (`${{ secrets.PREFECT_API_KEY }}`), stored outside the repository
        }
        int dollar = start > 0 && text.charAt(start - 1) == '$' ? start - 1
                : start > 1 && text.charAt(start - 1) == '{' && text.charAt(start - 2) == '$' ? start - 2 : -1;
        return dollar >= 0 && (dollar == 0 || text.charAt(dollar - 1) != '$');
    }

    private record Occurrence(int start, String name, String renamed, boolean kept) {
    }

    /** What the text is: a YAML value, a whole file (script, env file, unit), or a Makefile. */
    private enum Scope { VALUE, FILE, MAKEFILE }

    /**
     * A Makefile's own references: {@code $(NAME)}, and the recipe shell's {@code $$NAME} or {@code $${NAME}}. Make
     * imports the environment as variables, so both read the host's variable unless the Makefile (or a file it
     * includes) defines it.
     */
    private static boolean isMakeReference(String text, int start) {
        return start > 1 && text.charAt(start - 1) == '(' && text.charAt(start - 2) == '$'
                || start > 1 && text.charAt(start - 1) == '$' && text.charAt(start - 2) == '$'
                || start > 2 && text.charAt(start - 1) == '{' && text.charAt(start - 2) == '$' && text.charAt(start - 3) == '$';
    }

    /** {@link #apply(String, Predicate, Predicate)} for a Makefile, whose references {@link #isMakeReference} adds. */
    public String applyToMakefile(String text, Predicate<String> follows) {
        return apply(text, Scope.MAKEFILE, follows, NONE);
    }

    /** The references of a Makefile that {@link #applyToMakefile} keeps. */
    public List<KeptReference> keptReferencesInMakefile(String text, Predicate<String> follows) {
        return keptReferences(text, Scope.MAKEFILE, follows);
    }

    private List<Occurrence> occurrences(String text, Scope scope, Predicate<String> follows,
            Predicate<String> keep) {
        List<Occurrence> found = new ArrayList<>();
        Map<String, Integer> firstSetAt = new HashMap<>();
        Matcher m = NAME.matcher(text);
        while (m.find()) {
            String renamed = start.containsKey(m.group()) && !keep.test(m.group()) ? resolve(m.group()) : null;
            boolean reference = isReference(text, m.start()) || scope == Scope.MAKEFILE && isMakeReference(text, m.start());
            if (!reference) {
                firstSetAt.putIfAbsent(m.group(), m.start());
            }
            found.add(new Occurrence(m.start(), m.group(), renamed, reference && !follows.test(m.group())));
        }
        if (scope == Scope.VALUE) {
            return found;
        }
        List<Occurrence> out = new ArrayList<>(found.size());
        for (Occurrence o : found) {
            Integer set = firstSetAt.get(o.name());
            // make reads its variables when a rule runs, after the whole file was read: a definition anywhere counts
            boolean setAbove = set != null && (scope == Scope.MAKEFILE || set <= text.lastIndexOf('\n', o.start()));
            out.add(o.kept() && setAbove ? new Occurrence(o.start(), o.name(), o.renamed(), false) : o);
        }
        return out;
    }

    /** The canonical name for the target: the set's first rename, then every rename the target reached after it. */
    private String resolve(String name) {
        String current = start.get(name);
        for (int hops = 0; hops < 5 && onward.containsKey(current); hops++) {
            current = onward.get(current);
        }
        return current;
    }

    /** True when the rename's "to" version ("3.1", "2.8.1") is not newer than the target. */
    private static boolean reached(String to, PrefectTarget target) {
        String[] p = to.split("\\.");
        int major = Integer.parseInt(p[0]);
        return major < 3 || (p.length > 1 && Integer.parseInt(p[1]) <= target.minor());
    }
}
