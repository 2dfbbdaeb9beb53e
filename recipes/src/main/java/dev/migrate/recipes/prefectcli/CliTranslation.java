package dev.migrate.recipes.prefectcli;

import java.util.List;

/**
 * The result of translating one Prefect command line.
 *
 * @param argv   the new arguments, starting with the executable as it was written; equal to the input
 *               when nothing changed or when no safe translation exists
 * @param notes  what a reviewer must check: dropped flags and the reasons, choices made for them
 * @param manual true when a person must act: no safe translation exists and the command is left as it was, or
 *               the translation names something that must be changed by hand (a prefect-agent work pool)
 */
public record CliTranslation(List<String> argv, List<String> notes, boolean changed, boolean manual) {
    public CliTranslation {
        argv = List.copyOf(argv);
        notes = List.copyOf(notes);
    }

    static CliTranslation unchanged(List<String> argv) {
        return new CliTranslation(argv, List.of(), false, false);
    }
}
