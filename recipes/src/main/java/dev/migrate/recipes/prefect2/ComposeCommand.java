package dev.migrate.recipes.prefect2;

import dev.migrate.recipes.prefectcli.CliOptions;
import dev.migrate.recipes.prefectcli.CliTranslation;
import dev.migrate.recipes.prefectcli.PrefectCommandRewriter;
import dev.migrate.recipes.prefectcli.ShellRewrite;
import dev.migrate.recipes.prefectcli.YamlSequences;
import dev.migrate.recipes.prefectcli.YamlShellScalars;
import java.util.List;
import org.openrewrite.yaml.tree.Yaml;

/**
 * The Prefect 3 form of a compose service's {@code command:} or {@code entrypoint:}, whether written as
 * shell text ({@code prefect agent start -q q}) or as an exec list ({@code ["prefect", "agent", "start"]},
 * possibly {@code ["sh", "-c", "prefect agent start ..."]}). Lists keep their layout and quoting.
 *
 * @param value  the new value; null when the list's quoting cannot hold the new words (a person edits it)
 * @param before the command as one line of text, as it was
 * @param after  the command as one line of text, translated
 */
record ComposeCommand(Yaml.Block value, String before, String after, List<String> notes, boolean manual) {
    boolean changed() {
        return !after.equals(before);
    }

    /** The translation of {@code field}'s value; null when it is neither shell text nor a list of words. */
    static ComposeCommand of(Yaml.Mapping.Entry field, CliOptions options) {
        if (field.getValue() instanceof Yaml.Scalar scalar) {
            String shell = YamlShellScalars.toShell(scalar);
            if (shell == null) {
                return null;
            }
            ShellRewrite r = PrefectCommandRewriter.rewrite(shell, options);
            String after = YamlShellScalars.fromShell(scalar, r.text());
            boolean fits = YamlShellScalars.fits(scalar, scalar.getValue(), after);
            return new ComposeCommand(fits ? scalar.withValue(after) : null, scalar.getValue(), after, r.notes(),
                    r.manual());
        }
        List<String> argv = YamlSequences.words(field.getValue());
        if (argv == null) {
            return null;
        }
        CliTranslation t = PrefectCommandRewriter.rewriteArgv(argv, options);
        Yaml.Sequence value = YamlSequences.withWords((Yaml.Sequence) field.getValue(), t.argv());
        return new ComposeCommand(value, String.join(" ", argv), String.join(" ", t.argv()), t.notes(), t.manual());
    }
}
