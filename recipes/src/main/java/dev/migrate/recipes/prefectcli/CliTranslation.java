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
 * @param creates the work pools the notes ask to create, each with its type, in the notes' order
 */
public record CliTranslation(List<String> argv, List<String> notes, boolean changed, boolean manual,
                             List<CreatedPool> creates) {
    public CliTranslation {
        argv = List.copyOf(argv);
        notes = List.copyOf(notes);
        creates = List.copyOf(creates);
    }

    public CliTranslation(List<String> argv, List<String> notes, boolean changed, boolean manual) {
        this(argv, notes, changed, manual, List.of());
    }

    static CliTranslation unchanged(List<String> argv) {
        return new CliTranslation(argv, List.of(), false, false);
    }
}
