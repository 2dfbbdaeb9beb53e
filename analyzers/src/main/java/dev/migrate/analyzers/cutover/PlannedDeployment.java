package dev.migrate.analyzers.cutover;

/**
 * The Prefect 3 deployment {@code migrate rewrite}'s legacy recipe (MoveLegacySchedulersToPrefect3) will write for a
 * legacy job that has none yet: the names the plan's commands use before the rewrite ran, so that they are the ones
 * the rewrite creates rather than a {@code FLOW/NAME} placeholder. The CLI asks the recipe (analyzers does not depend
 * on recipes) and passes them in {@link PlanOptions}.
 *
 * @param flow        the flow's name ({@code @flow(name=...)} of the module the recipe writes)
 * @param deployment  the deployment's name in that prefect.yaml (the legacy job's scan id)
 * @param prefectYaml the prefect.yaml the recipe writes it to, relative to the estate ({@code prefect/prefect.yaml})
 * @param recipe      the recipe to run, as {@code migrate rewrite --recipe} takes it
 */
public record PlannedDeployment(String flow, String deployment, String prefectYaml, String recipe) {
    /** {@code FLOW/DEPLOYMENT}, as the Prefect CLI names it. */
    public String qualified() {
        return flow + "/" + deployment;
    }
}
