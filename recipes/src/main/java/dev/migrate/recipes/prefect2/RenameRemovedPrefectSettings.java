package dev.migrate.recipes.prefect2;

import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.internal.SettingsRenameRecipe;
import dev.migrate.recipes.internal.SettingsRenames;

/**
 * Renames {@code PREFECT_ORION_*} settings, which stopped working in 2.13, and the 2.x settings Prefect 3 dropped for
 * a successor ({@code PREFECT_AGENT_*} of the agents the workers replace), to their current names.
 */
public class RenameRemovedPrefectSettings extends SettingsRenameRecipe {
    @Override
    public String getDisplayName() {
        return "Rename removed PREFECT_ORION settings";
    }

    @Override
    public String getDescription() {
        return "Replaces `PREFECT_ORION_*` settings, removed in Prefect 2.13, and `PREFECT_AGENT_*` settings, whose "
                + "worker successors Prefect 3 reads instead, with their current names in env files, systemd units, "
                + "scripts, Dockerfiles and YAML. Without this the settings are silently ignored.";
    }

    @Override
    protected SettingsRenames renames(PrefectTarget target) {
        return SettingsRenames.removed(target);
    }
}
