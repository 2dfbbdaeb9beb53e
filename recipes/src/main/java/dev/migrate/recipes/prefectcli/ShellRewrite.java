package dev.migrate.recipes.prefectcli;

import java.util.List;

/** Shell text after its Prefect commands were translated, with what the reviewer must know. */
public record ShellRewrite(String text, List<String> notes, boolean changed, boolean manual) {
    public ShellRewrite {
        notes = List.copyOf(notes);
    }
}
