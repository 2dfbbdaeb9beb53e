package dev.migrate.recipes.prefect1;

import dev.migrate.analyzers.sources.runtime.IncludedRequirements;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.internal.IsRequirementsFile;
import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Nodes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openrewrite.ExecutionContext;
import org.openrewrite.Preconditions;
import org.openrewrite.ScanningRecipe;
import org.openrewrite.Tree;
import org.openrewrite.TreeVisitor;
import org.openrewrite.text.PlainText;
import org.openrewrite.text.PlainTextVisitor;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Pins {@code prefect} requirements on 1.x to the targeted Prefect 3 release (PF108). Prefect 1 extras
 * ({@code [github,kubernetes]}) named task-library dependencies that Prefect 3 does not have, so they are
 * dropped with a note; the integration packages the converted code needs ({@code prefect-dask} for DaskExecutor,
 * {@code prefect-aws}/{@code -gcp}/{@code -azure}/{@code -docker} for bucket and Docker storage, table
 * {@code prefect1-integrations.yaml}) are added. The files requirements files include ({@code -r base.txt},
 * {@code -c constraints/prod.txt}) are pinned too, whatever their names, since pip reads them the same way; the
 * packages go only where pip installs from, never into a file read only as constraints.
 */
public class PinPrefect3InPrefect1Requirements extends ScanningRecipe<PinPrefect3InPrefect1Requirements.Uses> {
    private static final Pattern PREFECT1 = Pattern.compile(
            "(?m)^prefect(?<extras>\\[[^\\]]*\\])?[ \\t]*(?:==|~=|>=|<=|<|>)[ \\t]*[01](?:\\.[0-9*]+)*"
            // the other specifiers of a range (`,<2.0`) go too: kept, they would exclude the new pin
            + "(?:[ \\t]*,[ \\t]*(?:[=<>!~]=?)[ \\t]*[0-9A-Za-z.*]+)*(?<rest>[^\\r\\n]*)$");
    /** An existing prefect_dask use (a second run sees the converted task runner). */
    private static final Pattern DASK = Pattern.compile("prefect_dask");
    /** Prefect 1 class -> the integration package its Prefect 3 form needs. */
    private static final Map<String, String> PACKAGES = load();
    private final transient MigrationNotes notes = new MigrationNotes(this);

    /** The integration packages the project's Prefect 1 code needs in Prefect 3 (Dask runner, bucket and Docker storage). */
    public static class Uses {
        final Set<String> packages = new TreeSet<>();
        /** What requirements files include, so a {@code -r base.txt} that holds the pin is edited too. */
        final IncludedRequirements requirements = new IncludedRequirements();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> load() {
        try (InputStream in = PinPrefect3InPrefect1Requirements.class
                .getResourceAsStream("/dev/migrate/recipes/prefect1-integrations.yaml")) {
            return Map.copyOf((Map<String, String>) new Yaml(new SafeConstructor(new LoaderOptions())).load(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String getDisplayName() {
        return "Pin Prefect 3 in Prefect 1 requirements";
    }

    @Override
    public String getDescription() {
        return "Replaces `prefect==1.x` pins in requirements files with the targeted Prefect 3 release and adds "
                + "the integration packages the converted flows need (prefect-dask, prefect-aws, prefect-gcp, prefect-azure, "
                + "prefect-docker).";
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
                if (tree instanceof PlainText text) {
                    acc.requirements.offer(text.getSourcePath().toString(), text.getText());
                }
                if (tree instanceof PythonFile file && !file.hasSyntaxErrors()) {
                    if (DASK.matcher(file.printAll()).find()) {
                        acc.packages.add("prefect-dask");
                    }
                    Imports imports = Imports.of(file.module());
                    for (Node call : Nodes.find(file.module(), NodeKind.CALL)) {
                        imports.qualifiedName(call).map(PACKAGES::get).ifPresent(acc.packages::add);
                    }
                }
                return tree;
            }
        };
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getVisitor(Uses acc) {
        Set<String> included = acc.requirements.included();
        return Preconditions.check(new IsRequirementsFile(included), new PlainTextVisitor<>() {
            @Override
            public PlainText visitText(PlainText file, ExecutionContext ctx) {
                String text = file.getText();
                // a file pip reads only with -c constrains versions: a package added there would not be installed
                boolean installs = !acc.requirements.onlyConstrains(file.getSourcePath().toString());
                Matcher m = PREFECT1.matcher(text);
                StringBuilder out = new StringBuilder();
                int end = 0;
                boolean first = true;
                String newline = text.contains("\r\n") ? "\r\n" : "\n";
                // every Prefect 1 line: one left on 1.x (`prefect[github]==0.15` under `prefect==0.15`) would
                // conflict with the new pin
                while (m.find()) {
                    String pin = "prefect==" + PrefectTarget.from(ctx).pin() + m.group("rest");
                    if (m.group("extras") != null) {
                        int line = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
                        notes.insertRow(ctx, new MigrationNotes.Row(file.getSourcePath().toString(), line, getName(),
                                false, "PF108: dropped Prefect 1 extras " + m.group("extras") + "; Prefect 3 "
                                + "integrations are separate packages (prefect-docker, prefect-kubernetes, ...)"));
                    }
                    if (first && installs) {
                        for (String pkg : acc.packages) {
                            if (!text.contains(pkg)) {
                                pin = pin + newline + pkg;
                            }
                        }
                    }
                    out.append(text, end, m.start());
                    end = m.end();
                    if (!first && m.group("rest").isBlank()) {
                        // the same pin again: the line goes, with its line break
                        end = text.startsWith("\r\n", end) ? end + 2 : text.startsWith("\n", end) ? end + 1 : end;
                    } else {
                        out.append(pin);
                    }
                    first = false;
                }
                if (first) {
                    return file;
                }
                return file.withText(out.append(text.substring(end)).toString());
            }
        });
    }
}
