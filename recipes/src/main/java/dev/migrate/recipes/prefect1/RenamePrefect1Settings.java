package dev.migrate.recipes.prefect1;

import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.internal.KubernetesEnvSources;
import dev.migrate.recipes.internal.SettingsRenameRecipe;
import dev.migrate.recipes.internal.SettingsRenames;
import dev.migrate.recipes.internal.TextPositions;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openrewrite.ExecutionContext;
import org.openrewrite.SourceFile;
import org.openrewrite.Tree;
import org.openrewrite.TreeVisitor;

/**
 * Renames Prefect 1 {@code PREFECT__SECTION__KEY} variables to their Prefect 3 settings (PF111) in env files,
 * systemd units, scripts, Dockerfiles and YAML, from the 1.x {@code env-var} entries of the rename data.
 * Variables with no Prefect 3 setting ({@code PREFECT__BACKEND}, {@code PREFECT__CONTEXT__SECRETS__*}, ...) are
 * reported (not references to them, {@code ${PREFECT__BACKEND}}: those read a host variable, no setting), and a renamed API URL gets a note: Prefect 3 wants the {@code /api} endpoint, not {@code /graphql} or the
 * bare server endpoint, and Prefect 1 Cloud ({@code api.prefect.io}) is gone.
 */
public class RenamePrefect1Settings extends SettingsRenameRecipe {
    static final String CODE = "PF111";
    /** A Prefect 1 name left after the renames; not one ending a path or ARN, which names a stored parameter. */
    private static final Pattern LEFT = Pattern.compile("(?<![A-Za-z0-9_/])PREFECT__[A-Z0-9_]+");

    @Override
    public String getDisplayName() {
        return "Rename Prefect 1 PREFECT__ settings";
    }

    @Override
    public String getDescription() {
        return "Replaces Prefect 1 `PREFECT__SECTION__KEY` environment variables with their Prefect 3 settings "
                + "(`PREFECT__LOGGING__LEVEL` to `PREFECT_LOGGING_LEVEL`, `PREFECT__SERVER__ENDPOINT` to `PREFECT_API_URL`, ...) "
                + "and reports the ones Prefect 3 has no setting for.";
    }

    /** The Prefect 1 variables that became {@code PREFECT_API_URL}. */
    private static final Pattern OLD_API_URL = Pattern.compile("PREFECT__(?:SERVER__ENDPOINT|CLOUD__API)(?![A-Z0-9_])");
    private static final Pattern URL = Pattern.compile("https?://[^\\s\"'}]+");

    @Override
    protected SettingsRenames renames(PrefectTarget target) {
        return SettingsRenames.prefect1(target);
    }

    @Override
    protected String noteCode() {
        return CODE;
    }

    @Override
    protected String oldNameOnTarget() {
        return "Prefect 3 does not read Prefect 1 names";
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getVisitor(KubernetesEnvSources sources) {
        TreeVisitor<?, ExecutionContext> rename = super.getVisitor(sources);
        return new TreeVisitor<Tree, ExecutionContext>() {
            @Override
            public Tree visit(Tree tree, ExecutionContext ctx) {
                if (!(tree instanceof SourceFile before) || tree.getClass().getSimpleName().equals("PythonFile")) {
                    return tree;
                }
                Tree after = rename.visit(tree, ctx);
                if (after instanceof SourceFile sf) {
                    String text = sf.printAll();
                    String path = sf.getSourcePath().toString();
                    Set<String> left = new LinkedHashSet<>();
                    Matcher m = LEFT.matcher(text);
                    while (m.find()) {
                        // a kept reference (${PREFECT__LOGGING__LEVEL}) reads the host's variable: the base class
                        // notes it when the name has a Prefect 3 setting, and it is no setting of this file otherwise;
                        // a name with a setting left as written (a Secret's key a secretKeyRef reads) has its own note
                        if (!SettingsRenames.isReference(text, m.start())
                                && renames(PrefectTarget.from(ctx)).renamedName(m.group()).isEmpty() && left.add(m.group())) {
                            notes.insertRow(ctx, new MigrationNotes.Row(path, TextPositions.lineOf(text, m.start()),
                                    getName(), true, CODE + ": " + m.group() + " has no Prefect 3 setting; "
                                    + (m.group().startsWith("PREFECT__CONTEXT__SECRETS__")
                                    ? "store the secret in a Secret block" : m.group().equals("PREFECT__BACKEND")
                                    ? "remove it and set PREFECT_API_URL" : "remove it or find its Prefect 3 equivalent")));
                        }
                    }
                    if (after != before) {
                        apiUrlNotes(((SourceFile) before).printAll(), path, ctx);
                    }
                }
                return after;
            }
        };
    }

    /**
     * A note for each Prefect 1 API variable whose URL is not a Prefect 3 API: the server's {@code /graphql} or bare
     * endpoint ({@code http://host:4200}, where Prefect 3 serves {@code /api}), or Prefect 1 Cloud, which is shut down.
     * The URL is the rest of the variable's line, or the {@code value:} line under a YAML {@code name:} line.
     */
    private void apiUrlNotes(String text, String path, ExecutionContext ctx) {
        Matcher old = OLD_API_URL.matcher(text);
        while (old.find()) {
            if (SettingsRenames.isReference(text, old.start())) {
                continue; // a host variable read into another setting, kept as it is
            }
            int eol = text.indexOf('\n', old.end());
            String rest = text.substring(old.end(), eol < 0 ? text.length() : eol);
            int at = old.end();
            if (!URL.matcher(rest).find() && eol >= 0 && rest.isBlank()) {
                int next = text.indexOf('\n', eol + 1);
                String line = text.substring(eol + 1, next < 0 ? text.length() : next);
                if (line.strip().startsWith("value:")) {
                    rest = line;
                    at = eol + 1;
                }
            }
            Matcher url = URL.matcher(rest);
            if (!url.find() || url.group().matches(".*/api/?")) {
                continue;
            }
            String why = url.group().contains("api.prefect.io")
                    ? "names Prefect 1 Cloud (api.prefect.io), which is shut down; `prefect cloud login` sets the URL "
                            + "of a Prefect Cloud workspace"
                    : "must point at the Prefect 3 server's /api endpoint (http://HOST:4200/api), not Prefect 1's "
                            + (url.group().contains("/graphql") ? "/graphql" : "server endpoint");
            notes.insertRow(ctx, new MigrationNotes.Row(path, TextPositions.lineOf(text, at + url.start()), getName(),
                    true, CODE + ": PREFECT_API_URL " + why));
        }
    }
}
