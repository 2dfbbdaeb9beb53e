package dev.migrate.analyzers.rules;

import dev.migrate.analyzers.model.Applicability;
import dev.migrate.rewriters.io.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders each rule's documentation to {@code docs/rules/CODE.md} and an index. The docs are written once,
 * in the rule YAML; {@code RuleDocsTest} fails when the committed pages differ from what this renders.
 * Run {@code main(docsRulesDir)} (see docs/rules/README.md) to regenerate them.
 */
public final class RuleDocs {
    static final String INDEX = "index.md";
    /** Hand-written files in docs/rules/ that the generator leaves alone. */
    static final String README = "README.md";

    private RuleDocs() {
    }

    public static String markdown(Rule r) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(r.code()).append(": ").append(r.title()).append("\n\n");
        sb.append("Severity: **").append(lower(r.severity())).append("** · Fix: **")
                .append(lower(r.applicability()).replace('_', ' ')).append("** · Family: `")
                .append(r.family()).append("`\n\n");
        if (!r.fixedBy().isEmpty()) {
            sb.append(r.applicability() == Applicability.MANUAL ? "Recipes that do the mechanical part: "
                    : "Fixed by: ");
            sb.append(String.join(", ", r.fixedBy().stream().map(n -> "`" + n + "`").toList()))
                    .append(" (`migrate rewrite PATH --recipe NAME`, or one of the composites that include it)\n\n");
        }
        for (Map.Entry<String, String> e : r.doc().sections().entrySet()) {
            sb.append("## ").append(e.getKey()).append("\n\n");
            boolean codeBlock = e.getKey().equals("Example") || e.getKey().equals("Use instead")
                    && e.getValue().contains("\n");
            if (codeBlock) {
                sb.append("```\n").append(e.getValue()).append("\n```\n\n");
            } else {
                sb.append(e.getValue()).append("\n\n");
            }
        }
        return sb.toString().stripTrailing() + "\n";
    }

    public static String index(RuleRegistry rules) {
        StringBuilder sb = new StringBuilder("# Rules\n\nGenerated from `analyzers/src/main/resources/dev/migrate/"
                + "analyzers/rules/*.yaml` by `RuleDocs`; do not edit by hand.\n\n"
                + "| code | title | severity | fix |\n|---|---|---|---|\n");
        for (Rule r : rules.all()) {
            sb.append("| [").append(r.code()).append("](").append(r.code()).append(".md) | ").append(r.title())
                    .append(" | ").append(lower(r.severity())).append(" | ")
                    .append(lower(r.applicability()).replace('_', ' ')).append(" |\n");
        }
        return sb.toString();
    }

    /** Every generated file name with its content. */
    public static Map<String, String> render(RuleRegistry rules) {
        Map<String, String> files = new TreeMap<>();
        rules.all().forEach(r -> files.put(r.code() + ".md", markdown(r)));
        files.put(INDEX, index(rules));
        return files;
    }

    /** Generated files that differ from, are missing in, or are stale in {@code dir}. Empty means up to date. */
    public static List<String> stale(RuleRegistry rules, Path dir) throws IOException {
        Map<String, String> want = render(rules);
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : want.entrySet()) {
            Path p = dir.resolve(e.getKey());
            if (!Files.exists(p)) {
                problems.add(e.getKey() + " is missing");
            } else if (!Files.readString(p, StandardCharsets.UTF_8).equals(e.getValue())) {
                problems.add(e.getKey() + " is out of date");
            }
        }
        if (Files.isDirectory(dir)) {
            try (var files = Files.list(dir)) {
                files.map(p -> p.getFileName().toString())
                        .filter(n -> n.endsWith(".md") && !want.containsKey(n) && !n.equals(README))
                        .sorted().forEach(n -> problems.add(n + " documents no rule"));
            }
        }
        return problems;
    }

    public static void generate(RuleRegistry rules, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, String> e : render(rules).entrySet()) {
            AtomicFiles.write(dir.resolve(e.getKey()), e.getValue().getBytes(StandardCharsets.UTF_8));
        }
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                String n = p.getFileName().toString();
                if (n.matches("[A-Z][A-Z0-9]*\\d{3}\\.md") && !render(rules).containsKey(n)) {
                    Files.delete(p);
                }
            }
        }
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: RuleDocs DOCS_RULES_DIR   (for example docs/rules)");
            System.exit(2);
        }
        generate(RuleRegistry.standard(), Path.of(args[0]));
    }
}
