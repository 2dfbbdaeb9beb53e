package dev.migrate.recipes.prefect2;

import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.internal.SettingsRenameRecipe;
import dev.migrate.recipes.internal.SettingsRenames;

/** Renames {@code PREFECT_ORION_*} settings, which stopped working in 2.13, to their current names. */
public class RenameRemovedPrefectSettings extends SettingsRenameRecipe {
    @Override
    public String getDisplayName() {
        return "Rename removed PREFECT_ORION settings";
    }

    @Override
    public String getDescription() {
        return "Replaces `PREFECT_ORION_*` settings, removed in Prefect 2.13, with their current names in env files, "
                + "systemd units, scripts, Dockerfiles and YAML. Without this the settings are silently ignored.";
    }

    @Override
    protected SettingsRenames renames(PrefectTarget target) {
        return SettingsRenames.removed(target);
    }
}
