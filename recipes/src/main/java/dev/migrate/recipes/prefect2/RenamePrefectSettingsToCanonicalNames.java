package dev.migrate.recipes.prefect2;

import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.internal.SettingsRenameRecipe;
import dev.migrate.recipes.internal.SettingsRenames;

/** Renames 2.x settings to their Prefect 3 canonical names (opt-in: the old names remain aliases). */
public class RenamePrefectSettingsToCanonicalNames extends SettingsRenameRecipe {
    @Override
    public String getDisplayName() {
        return "Rename Prefect settings to their Prefect 3 names";
    }

    @Override
    public String getDescription() {
        return "Replaces 2.x setting names such as `PREFECT_API_DATABASE_CONNECTION_URL` with the canonical names of "
                + "the targeted 3.x release, such as `PREFECT_SERVER_DATABASE_CONNECTION_URL`. The old names still "
                + "work as aliases, so run this only when every reader of the settings is on the target release. References to variables "
                + "(`${PREFECT_API_DATABASE_CONNECTION_URL}`) read the host's or a .env file's variables and are kept (renamed "
                + "together with the key when the compose project's .env in the repository defines it), and "
                + "so is the key of a Kubernetes `secretKeyRef` into a Secret not defined in the repository (a Secret, "
                + "SealedSecret, kustomize generator or ExternalSecret here is renamed with its keyRefs).";
    }

    @Override
    protected SettingsRenames renames(PrefectTarget target) {
        return SettingsRenames.all(target);
    }

    @Override
    protected String noteCode() {
        return "CFG002";
    }

    @Override
    protected String oldNameOnTarget() {
        return "the old name still works as an alias";
    }
}
