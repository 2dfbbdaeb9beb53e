package dev.migrate.recipes.prefectcli;

import java.util.List;

/**
 * Shell text after its Prefect commands were translated, with what the reviewer must know and the work pools its notes
 * ask to create ({@link CliTranslation#creates()}).
 */
public record ShellRewrite(String text, List<String> notes, boolean changed, boolean manual, List<CreatedPool> creates) {
    public ShellRewrite {
        notes = List.copyOf(notes);
        creates = List.copyOf(creates);
    }

    public ShellRewrite(String text, List<String> notes, boolean changed, boolean manual) {
        this(text, notes, changed, manual, List.of());
    }
}
