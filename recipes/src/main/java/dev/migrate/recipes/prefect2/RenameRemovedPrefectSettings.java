package dev.migrate.recipes.prefect2;

import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.internal.SettingsRenameRecipe;
import dev.migrate.recipes.internal.SettingsRenames;

/**
 * Renames {@code PREFECT_ORION_*} settings, which stopped working in 2.13, and the 2.x settings Prefect 3 dropped for
 * a successor ({@code PREFECT_AGENT_*} of the agents the workers replace), to their canonical names for the target
 * ({@code PREFECT_SERVER_DATABASE_CONNECTION_URL} from 3.1 on, not the 2.x name 3.x deprecates).
 */
public class RenameRemovedPrefectSettings extends SettingsRenameRecipe {
    @Override
    public String getDisplayName() {
        return "Rename removed PREFECT_ORION settings";
    }

    @Override
    public String getDescription() {
        return "Replaces `PREFECT_ORION_*` settings, removed in Prefect 2.13, and `PREFECT_AGENT_*` settings, whose "
                + "worker successors Prefect 3 reads instead, with their canonical names for the targeted release in "
                + "env files, systemd units, scripts, Dockerfiles and YAML. Without this the settings are silently ignored. "
                + "A setting whose successor the targeted release does not read "
                + "(`PREFECT_ORION_SERVICES_FLOW_RUN_NOTIFICATIONS_ENABLED` for 3.1 on) is kept as written, with a manual note. "
                + "References to variables (`${PREFECT_ORION_API_URL}`) read the host's or a .env file's variables and "
                + "are kept, unless the compose project's .env (or a script running compose) in the repository defines "
                + "them: that key and its references are renamed together. In Kubernetes manifests a `secretKeyRef`/`configMapKeyRef` key follows only a Secret or ConfigMap "
                + "defined in the repository (a manifest, a SealedSecret, a kustomize generator, an ExternalSecret; its key "
                + "is renamed in the same run); one made outside keeps its keys, so the "
                + "reference keeps its key and a note says what that Secret needs.";
    }

    @Override
    protected SettingsRenames renames(PrefectTarget target) {
        return SettingsRenames.removed(target);
    }

    @Override
    protected String noteCode() {
        return "CFG001";
    }

    @Override
    protected String oldNameOnTarget() {
        return "Prefect 3 does not read the old name";
    }
}
