package dev.migrate.recipes.prefect2;

import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.internal.PrefectIntegrations;
import dev.migrate.recipes.internal.RegexEdits;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openrewrite.ExecutionContext;
import org.openrewrite.FindSourceFiles;
import org.openrewrite.Preconditions;
import org.openrewrite.Recipe;
import org.openrewrite.TreeVisitor;
import org.openrewrite.text.PlainText;
import org.openrewrite.text.PlainTextVisitor;

/**
 * Pins {@code prefect} requirements that name a 2.x version to the targeted 3.x release, keeping extras,
 * environment markers and comments, and moves integration packages to their first Prefect 3 release.
 */
public class PinPrefect3InRequirements extends Recipe {
    /** {@code name[extras] specifiers ; marker  # comment}, one requirement per line. */
    private static final Pattern REQUIREMENT = Pattern.compile(
            "(?m)^(?<name>prefect(?:-[a-z0-9]+)?)(?<extras>\\[[^\\]]*\\])?(?<spec>[ \\t]*(?:[=<>!~]=?|===)[^;#\\r\\n]*)?(?=[ \\t]*(?:;|#|\\r?$))");
    private static final Pattern VERSION = Pattern.compile("(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?");
    private static final Map<String, String> INTEGRATIONS = PrefectIntegrations.firstPrefect3Releases();

    @Override
    public String getDisplayName() {
        return "Pin Prefect 3 in requirements files";
    }

    @Override
    public String getDescription() {
        return "Replaces `prefect` requirements pinned to 2.x in `requirements*.txt` with the targeted Prefect 3 "
                + "release, and raises integration packages such as `prefect-aws` to their first release that "
                + "supports Prefect 3. Extras, markers and comments are kept.";
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getVisitor() {
        return Preconditions.check(new FindSourceFiles("**/requirements*.txt;**/requirements/*.txt;**/constraints*.txt"),
                new PlainTextVisitor<>() {
                    @Override
                    public PlainText visitText(PlainText file, ExecutionContext ctx) {
                        String text = file.getText();
                        PrefectTarget target = PrefectTarget.from(ctx);
                        String after = RegexEdits.replaceGroup(text, REQUIREMENT, 0, m -> {
                            String replacement = replacement(m, target);
                            String raw = m.group();
                            return replacement == null ? null : replacement + raw.substring(raw.stripTrailing().length());
                        });
                        return after.equals(text) ? file : file.withText(after);
                    }
                });
    }

    private static String replacement(Matcher m, PrefectTarget target) {
        String name = m.group("name");
        String extras = m.group("extras") == null ? "" : m.group("extras");
        String spec = m.group("spec") == null ? "" : m.group("spec").strip();
        Matcher v = VERSION.matcher(spec);
        if (name.equals("prefect")) {
            // Only 2.x pins move; a bare `prefect` or a 1.x pin belongs to other recipes or to the user.
            if (v.find() && v.group(1).equals("2")) {
                return name + extras + "==" + target.pin();
            }
            return null;
        }
        String first = INTEGRATIONS.get(name);
        if (first == null || !v.find() || spec.startsWith(">") && !spec.contains("<")) {
            return null;
        }
        if (compare(v, first) < 0 || spec.contains("<")) {
            return name + extras + ">=" + first;
        }
        return null;
    }

    private static int compare(Matcher v, String other) {
        String[] o = other.split("\\.");
        for (int i = 0; i < 3; i++) {
            int a = v.group(i + 1) == null ? 0 : Integer.parseInt(v.group(i + 1));
            int b = i < o.length ? Integer.parseInt(o[i]) : 0;
            if (a != b) {
                return Integer.compare(a, b);
            }
        }
        return 0;
    }
}
