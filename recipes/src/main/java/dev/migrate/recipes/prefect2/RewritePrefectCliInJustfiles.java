package dev.migrate.recipes.prefect2;

import dev.migrate.analyzers.sources.config.JustInterpolations;
import dev.migrate.analyzers.sources.config.LiteralVariables;
import dev.migrate.recipes.prefectcli.CliOptions;
import dev.migrate.recipes.prefectcli.ShellRewrite;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Translates Prefect 2 commands in the recipe lines of justfiles, which just indents with spaces or tabs. */
public class RewritePrefectCliInJustfiles extends RewritePrefectCliInMakefiles {
    @Override
    public String getDisplayName() {
        return "Rewrite Prefect 2 commands in justfiles";
    }

    @Override
    public String getDescription() {
        return "Replaces removed Prefect 2 commands in the indented recipe lines of justfiles with their Prefect 3 "
                + "forms.";
    }

    @Override
    protected String filePattern() {
        return "**/justfile;**/Justfile;**/.justfile;**/*.just";
    }

    /** just's {@code name := "..."} variables are quoted strings, not command lines. */
    @Override
    protected Pattern variableDefinition() {
        return null;
    }

    @Override
    protected String recipeIndent() {
        return " \t";
    }

    /** just leaves {@code $} to the shell: {@code $INFRA} is the shell's variable, not make's {@code $(I)}. */
    @Override
    protected boolean isMakeText() {
        return false;
    }

    /** just's variables ({@code {{infra}}}), the exported ones and those of the {@code .env} that dotenv-load reads. */
    @Override
    protected List<LiteralVariables.Assignment> assignments(String text) {
        return LiteralVariables.just("justfile", text, path -> null);
    }

    @Override
    protected List<LiteralVariables.Assignment> assignments(String path, String text, Function<String, String> files) {
        return LiteralVariables.just(path, text, files);
    }

    /**
     * A line's {@code {{ infra }}} is one word to just, which replaces it before the shell reads the line: it is
     * translated as {@code {{infra}}} and written back as the user spelled it. One whose expression keeps a space
     * ({@code {{ "a b" }}}) cannot be read as the shell's words: the command is left, with a note.
     */
    @Override
    protected ShellRewrite rewriteSegment(String segment, CliOptions options) {
        if (!segment.contains("{{")) {
            return super.rewriteSegment(segment, options);
        }
        String compacted = JustInterpolations.compact(segment);
        ShellRewrite r = super.rewriteSegment(compacted, options);
        if (!r.changed()) {
            return new ShellRewrite(segment, r.notes().stream().map(n -> JustInterpolations.restore(n, segment)).toList(),
                    false, r.manual());
        }
        if (JustInterpolations.keepsSpaces(segment)) {
            return new ShellRewrite(segment, List.of("a just interpolation of this line holds a space inside its braces, "
                    + "which the translation cannot keep; change the line by hand to the Prefect 3 form: "
                    + JustInterpolations.restore(r.text().strip(), segment)), false, true);
        }
        return new ShellRewrite(JustInterpolations.restore(r.text(), segment),
                r.notes().stream().map(n -> JustInterpolations.restore(n, segment)).toList(), true, r.manual());
    }
}
