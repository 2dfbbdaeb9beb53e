package dev.migrate.recipes.prefectcli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrate.analyzers.sources.python.SavedBlocks;
import dev.migrate.recipes.python.PrefectBlocks;
import dev.migrate.recipes.python.PyLiterals;
import dev.migrate.rewriters.python.PythonStyle;
import dev.migrate.rewriters.python.edit.Snippets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code --job-variable} flags that carry the settings of the infrastructure block a 2.x {@code prefect deployment
 * build -ib docker-container/etl-docker} named, when one script of the run saves that block with literal settings
 * ({@link SavedBlocks}): 2.x ran the deployment with the block's image, env, namespace and pull policy, which Prefect 3
 * reads from the deployment's job variables. A save that cannot be taken as it is (saved twice, under a computed name,
 * with computed values or a literal secret) copies nothing, and the note says why in the scan's words (PF205).
 */
public final class SavedBlockJobVariables {
    /** The block fields a build takes from its saved block, when its work pool type has them as job variables. */
    private static final List<String> COPIED = List.of("image", "env", "namespace", "image_pull_policy");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What the build gets from its saved block.
     *
     * @param flags  the values of the {@code --job-variable} flags to add ({@code image=org/etl:1.4}, or a JSON object)
     * @param note   what was copied from where, or why nothing was; null when no script of the run saves the block
     * @param manual whether a person must still set some of the block's settings
     */
    record Carried(List<String> flags, String note, boolean manual) {
        static final Carried NOTHING = new Carried(List.of(), null, false);
    }

    private SavedBlockJobVariables() {
    }

    /**
     * The job variables {@code reference} ({@code docker-container/etl-docker}) was saved with, leaving out those the
     * command sets itself ({@code existing}, the translated line's flags): as in 2.x, its overrides win over the block.
     */
    static Carried of(String reference, SavedBlocks.Lookup found, List<String> existing) {
        if (found.notFound()) {
            return Carried.NOTHING;
        }
        if (found.problem() != null) {
            return new Carried(List.of(), "PF205: the project saves infrastructure block `" + reference + "`, but "
                    + found.problem() + ": its settings are not copied into this command; set them as --job-variable "
                    + "flags or in the work pool's base job template", true);
        }
        SavedBlocks.Saved saved = found.block().orElseThrow();
        List<String> jobVariables = PrefectBlocks.get().infrastructure(saved.blockClass())
                .map(PrefectBlocks.Infrastructure::jobVariables).orElse(List.of());
        List<String> set = setBy(existing);
        List<String> flags = new ArrayList<>();
        List<String> copied = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        List<String> merged = new ArrayList<>();
        List<String> notCopied = new ArrayList<>();
        for (Map.Entry<String, SavedBlocks.Value> field : saved.fields().entrySet()) {
            String key = field.getKey();
            if (!COPIED.contains(key) || !jobVariables.contains(key)) {
                notCopied.add(key);
            } else if (set.contains(key)) {
                (mergeUnder(existing, key, field.getValue()) ? merged : kept).add(key);
            } else {
                Optional<String> flag = flag(key, field.getValue());
                flag.ifPresentOrElse(f -> {
                    flags.add(f);
                    copied.add(key);
                }, () -> notCopied.add(key));
            }
        }
        StringBuilder note = new StringBuilder("PF205: its settings are those of the " + saved.describe()
                + ", which this deployment loads by name");
        if (!copied.isEmpty()) {
            note.append(": ").append(String.join(", ", copied)).append(copied.size() == 1 ? " is" : " are")
                    .append(" passed as --job-variable");
        }
        if (!merged.isEmpty()) {
            note.append("; its ").append(String.join(", ", merged)).append(" entries are merged under the command's "
                    + "own (2.x set an --override env.X inside the block's ").append(String.join(", ", merged))
                    .append(")");
        }
        if (!kept.isEmpty()) {
            note.append("; the command's own --job-variable ").append(String.join(", ", kept))
                    .append(" is kept (it overrode the block in 2.x)");
        }
        if (!notCopied.isEmpty()) {
            note.append("; its ").append(String.join(", ", notCopied)).append(notCopied.size() == 1 ? " is" : " are")
                    .append(" not copied here: set ")
                    .append(notCopied.size() == 1 ? "it" : "them").append(" in the work pool's base job template "
                            + "or in this deployment's job_variables in prefect.yaml");
        }
        return new Carried(flags, note.toString(), !notCopied.isEmpty());
    }

    /**
     * The fields of a certain save ({@link SavedBlocks.Lookup#usable}) that a converted command line naming the block
     * passes as {@code --job-variable} flags, whatever flags of its own the command has (a flag of its own overrode the
     * block in 2.x, and stays): what the saving script's TODO can say lives on that deployment now.
     */
    public static List<String> passedFields(SavedBlocks.Saved saved) {
        List<String> jobVariables = PrefectBlocks.get().infrastructure(saved.blockClass())
                .map(PrefectBlocks.Infrastructure::jobVariables).orElse(List.of());
        List<String> out = new ArrayList<>();
        saved.fields().forEach((key, value) -> {
            if (COPIED.contains(key) && jobVariables.contains(key) && flag(key, value).isPresent()) {
                out.add(key);
            }
        });
        return out;
    }

    /**
     * The {@code --job-variable} value of one field: {@code key=value} for a string (3.8.3 {@code prefect deploy} keeps
     * the text after the first {@code =} as it is), a JSON object for a mapping ({@code {"env":{"MODE":"full"}}}, which
     * is read as JSON only when it holds no {@code =}). A value the shell would expand ({@code $HOME}) is no literal
     * any longer once written in a command: not copied.
     */
    private static Optional<String> flag(String key, SavedBlocks.Value value) {
        Optional<String> text = value.member() != null ? PrefectBlocks.get().enumValue(value.member())
                : value.string().map(s -> PrefectBlocks.get().jobVariableValue(key, s).orElse(s));
        if (text.isPresent()) {
            return text.filter(SavedBlockJobVariables::plain).map(t -> key + "=" + t);
        }
        Optional<Object> literal = PyLiterals.value(Snippets.expression(value.text(), PythonStyle.DEFAULT));
        if (literal.isEmpty() || !(literal.get() instanceof Map)) {
            return Optional.empty();
        }
        Map<String, Object> object = new LinkedHashMap<>();
        object.put(key, literal.get());
        try {
            String json = JSON.writeValueAsString(object);
            return json.indexOf('=') >= 0 || !plain(json) ? Optional.empty() : Optional.of(json);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /**
     * Puts a saved mapping ({@code env={"STAGE": "prod"}}) under the command's own object of that job variable
     * ({@code --job-variable '{"env":{"X":"1"}}'}, from {@code --override env.X=1}), the command's entries winning: 2.x
     * set those paths inside the block's value. False, changing nothing, when either is no object or the merged JSON
     * cannot be one --job-variable word.
     */
    private static boolean mergeUnder(List<String> flags, String key, SavedBlocks.Value saved) {
        Optional<Object> literal = saved.member() != null || saved.string().isPresent() ? Optional.empty()
                : PyLiterals.value(Snippets.expression(saved.text(), PythonStyle.DEFAULT));
        if (literal.isEmpty() || !(literal.get() instanceof Map<?, ?> savedMap)) {
            return false;
        }
        for (int i = 0; i < flags.size(); i++) {
            String value = JobVariableFlags.valueAt(flags, i);
            if (value == null || !value.startsWith("{")) {
                continue;
            }
            try {
                Map<String, Object> command = JSON.readValue(value, LinkedHashMap.class);
                if (!(command.get(key) instanceof Map<?, ?> own)) {
                    continue;
                }
                String savedJson = JSON.writeValueAsString(savedMap);
                if (!plain(savedJson)) {
                    return false;
                }
                Map<Object, Object> both = new LinkedHashMap<>(savedMap);
                both.putAll(own);
                command.put(key, both);
                String json = JSON.writeValueAsString(command);
                if (json.indexOf('=') >= 0) {
                    return false;
                }
                JobVariableFlags.setValue(flags, i, json);
                return true;
            } catch (JsonProcessingException e) {
                return false;
            }
        }
        return false;
    }

    /** Text a shell passes on as written once quoted (no expansion, no line break). */
    private static boolean plain(String text) {
        return text.indexOf('$') < 0 && text.indexOf('`') < 0 && text.indexOf('\n') < 0 && text.indexOf('\\') < 0;
    }

    /** The job variables the command's {@code --job-variable} flags set, by key. */
    private static List<String> setBy(List<String> flags) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < flags.size(); i++) {
            String value = JobVariableFlags.valueAt(flags, i);
            if (value == null) {
                continue;
            }
            int eq = value.indexOf('=');
            if (eq > 0) {
                out.add(value.substring(0, eq));
            } else {
                try {
                    JSON.readTree(value).fieldNames().forEachRemaining(out::add);
                } catch (JsonProcessingException e) {
                    // not an object prefect deploy reads either: it sets nothing
                }
            }
        }
        return out;
    }
}
