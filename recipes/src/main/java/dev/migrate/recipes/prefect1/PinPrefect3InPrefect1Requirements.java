package dev.migrate.recipes.prefect1;

import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.PrefectTarget;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openrewrite.ExecutionContext;
import org.openrewrite.FindSourceFiles;
import org.openrewrite.Preconditions;
import org.openrewrite.ScanningRecipe;
import org.openrewrite.Tree;
import org.openrewrite.TreeVisitor;
import org.openrewrite.text.PlainText;
import org.openrewrite.text.PlainTextVisitor;

/**
 * Pins {@code prefect} requirements on 1.x to the targeted Prefect 3 release (PF108). Prefect 1 extras
 * ({@code [github,kubernetes]}) named task-library dependencies that Prefect 3 does not have, so they are
 * dropped with a note; when a converted flow uses {@code prefect_dask}, {@code prefect-dask} is added.
 */
public class PinPrefect3InPrefect1Requirements extends ScanningRecipe<PinPrefect3InPrefect1Requirements.Uses> {
    private static final Pattern PREFECT1 = Pattern.compile(
            "(?m)^prefect(?<extras>\\[[^\\]]*\\])?[ \\t]*(?:==|~=|>=|<=|<|>)[ \\t]*1(?:\\.[0-9*]+)*(?<rest>[^\\r\\n]*)$");
    /** Prefect 1's DaskExecutor (not LocalDaskExecutor, which becomes a thread pool) or an existing prefect_dask use. */
    private static final Pattern DASK = Pattern.compile("(?<!Local)DaskExecutor|prefect_dask");
    private final transient MigrationNotes notes = new MigrationNotes(this);

    /** Whether any Python file uses Dask as its executor (and so needs prefect-dask). */
    public static class Uses {
        boolean dask;
    }

    @Override
    public String getDisplayName() {
        return "Pin Prefect 3 in Prefect 1 requirements";
    }

    @Override
    public String getDescription() {
        return "Replaces `prefect==1.x` pins in requirements files with the targeted Prefect 3 release and adds "
                + "`prefect-dask` when the converted flows use the Dask task runner.";
    }

    @Override
    public Uses getInitialValue(ExecutionContext ctx) {
        return new Uses();
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getScanner(Uses acc) {
        return new TreeVisitor<Tree, ExecutionContext>() {
            @Override
            public Tree visit(Tree tree, ExecutionContext ctx) {
                if (tree instanceof org.openrewrite.SourceFile sf && sf.getSourcePath().toString().endsWith(".py")
                        && DASK.matcher(sf.printAll()).find()) {
                    acc.dask = true;
                }
                return tree;
            }
        };
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getVisitor(Uses acc) {
        return Preconditions.check(new FindSourceFiles("**/requirements*.txt;**/requirements/*.txt"),
                new PlainTextVisitor<>() {
                    @Override
                    public PlainText visitText(PlainText file, ExecutionContext ctx) {
                        String text = file.getText();
                        Matcher m = PREFECT1.matcher(text);
                        if (!m.find()) {
                            return file;
                        }
                        String pin = "prefect==" + PrefectTarget.from(ctx).pin() + m.group("rest");
                        if (m.group("extras") != null) {
                            notes.insertRow(ctx, new MigrationNotes.Row(file.getSourcePath().toString(), 0, getName(),
                                    false, "PF108: dropped Prefect 1 extras " + m.group("extras") + "; Prefect 3 "
                                    + "integrations are separate packages (prefect-docker, prefect-kubernetes, ...)"));
                        }
                        String newline = text.contains("\r\n") ? "\r\n" : "\n";
                        if (acc.dask && !text.contains("prefect-dask")) {
                            pin = pin + newline + "prefect-dask";
                        }
                        return file.withText(text.substring(0, m.start()) + pin + text.substring(m.end()));
                    }
                });
    }
}
