package dev.migrate.recipes.prefectcli;

import dev.migrate.analyzers.sources.config.DeploymentPool;
import dev.migrate.analyzers.sources.config.OutsideValues;
import dev.migrate.analyzers.sources.config.QueuePools;
import dev.migrate.analyzers.sources.python.SavedBlocks;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Choices the translation cannot make from the command line alone.
 *
 * @param poolType    the work pool type for workers replacing agents ({@code process}, {@code docker},
 *                    {@code kubernetes}, ...)
 * @param targetMinor the Prefect 3 minor release targeted (8 for 3.8); some flags arrived within 3.x
 * @param appliedLater the deployment files a {@code prefect deployment apply} after the command applies (same
 *                    script, later line or later in the same chain): a build writing one of them deploys
 * @param wholeWords  arguments holding an expansion that the command still gets as exactly one argument: a
 *                    shell word quoted as a whole ({@code "$QUEUE"}), any item of an exec-form list
 * @param typedPools  the work pools that commands before this one (same script) create with a worker type
 *                    ({@code prefect work-pool create etl --type=process}), by name, with that type
 * @param variables   the variables the file sets to one literal value before the command ({@code INFRA=process/etl}
 *                    at the top of a script, a workflow's {@code env:}), by name: read to understand what the command
 *                    deploys, never written into it
 * @param outside     the values the command reads that are set outside the repository (a GitHub Actions variable, a
 *                    GitLab CI/CD variable), named in the notes so a person knows where to read them
 * @param queuePools  the work pools the project's Prefect 2 deployments of each work queue move to (their
 *                    infrastructure blocks, in any file of the run): an agent's worker serves the pool of its queues
 * @param savedBlocks what the run's scripts save under a {@code "slug/name"} ({@code -ib docker-container/etl}), as
 *                    the conversions may use it: a build takes the settings of a certain save of its blocks
 * @param onlyEntries where the run's builds, once {@code prefect --no-prompt deploy}, would meet a prefect.yaml of one
 *                    other deployment, which Prefect would deploy under their names
 */
public record CliOptions(String poolType, int targetMinor, Set<String> appliedLater, Set<String> wholeWords,
                         Map<String, String> typedPools, Map<String, String> variables, OutsideValues outside,
                         QueuePools queuePools, Function<String, SavedBlocks.Lookup> savedBlocks,
                         OnlyEntryDeploys onlyEntries) {
    /** No script of the run saves any block. */
    private static final Function<String, SavedBlocks.Lookup> NONE_SAVED = r -> new SavedBlocks.Lookup(Optional.empty(), null);

    public static final CliOptions DEFAULT = new CliOptions("process", 8);

    public CliOptions {
        appliedLater = Set.copyOf(appliedLater);
        wholeWords = Set.copyOf(wholeWords);
        typedPools = Map.copyOf(typedPools);
        variables = Map.copyOf(variables);
        outside = outside == null ? OutsideValues.NONE : outside;
        queuePools = queuePools == null ? QueuePools.NONE : queuePools;
        savedBlocks = savedBlocks == null ? NONE_SAVED : savedBlocks;
        onlyEntries = onlyEntries == null ? OnlyEntryDeploys.NONE : onlyEntries;
    }

    public CliOptions(String poolType, int targetMinor, Set<String> appliedLater, Set<String> wholeWords,
                      Map<String, String> typedPools, Map<String, String> variables, OutsideValues outside,
                      QueuePools queuePools, Function<String, SavedBlocks.Lookup> savedBlocks) {
        this(poolType, targetMinor, appliedLater, wholeWords, typedPools, variables, outside, queuePools, savedBlocks,
                OnlyEntryDeploys.NONE);
    }

    public CliOptions(String poolType, int targetMinor, Set<String> appliedLater, Set<String> wholeWords,
                      Map<String, String> typedPools, Map<String, String> variables, OutsideValues outside,
                      QueuePools queuePools) {
        this(poolType, targetMinor, appliedLater, wholeWords, typedPools, variables, outside, queuePools, NONE_SAVED);
    }

    public CliOptions(String poolType, int targetMinor, Set<String> appliedLater, Set<String> wholeWords) {
        this(poolType, targetMinor, appliedLater, wholeWords, Map.of(), Map.of(), OutsideValues.NONE, QueuePools.NONE, NONE_SAVED);
    }

    public CliOptions(String poolType, int targetMinor) {
        this(poolType, targetMinor, Set.of());
    }

    public CliOptions(String poolType, int targetMinor, Set<String> appliedLater) {
        this(poolType, targetMinor, appliedLater, Set.of());
    }

    public CliOptions withAppliedLater(Set<String> files) {
        return new CliOptions(poolType, targetMinor, files, wholeWords, typedPools, variables, outside, queuePools,
                savedBlocks, onlyEntries);
    }

    public CliOptions withWholeWords(Set<String> words) {
        return new CliOptions(poolType, targetMinor, appliedLater, words, typedPools, variables, outside, queuePools,
                savedBlocks, onlyEntries);
    }

    public CliOptions withTypedPools(Map<String, String> pools) {
        return new CliOptions(poolType, targetMinor, appliedLater, wholeWords, pools, variables, outside, queuePools,
                savedBlocks, onlyEntries);
    }

    public CliOptions withVariables(Map<String, String> known) {
        return new CliOptions(poolType, targetMinor, appliedLater, wholeWords, typedPools, known, outside, queuePools,
                savedBlocks, onlyEntries);
    }

    public CliOptions withOutside(OutsideValues values) {
        return new CliOptions(poolType, targetMinor, appliedLater, wholeWords, typedPools, variables, values, queuePools,
                savedBlocks, onlyEntries);
    }

    public CliOptions withQueuePools(QueuePools pools) {
        return new CliOptions(poolType, targetMinor, appliedLater, wholeWords, typedPools, variables, outside, pools,
                savedBlocks, onlyEntries);
    }

    public CliOptions withSavedBlocks(Function<String, SavedBlocks.Lookup> lookup) {
        return new CliOptions(poolType, targetMinor, appliedLater, wholeWords, typedPools, variables, outside, queuePools,
                lookup, onlyEntries);
    }

    public CliOptions withOnlyEntries(OnlyEntryDeploys found) {
        return new CliOptions(poolType, targetMinor, appliedLater, wholeWords, typedPools, variables, outside, queuePools,
                savedBlocks, found);
    }

    /**
     * The typed work pool that stands in for 2.x's {@code default-agent-pool} of this type: agents and deployments
     * that named no pool (only queues) all land in it, each queue kept, as ConvertDeploymentYamlToPrefectYaml
     * names the pool of a deployment file without one.
     */
    public static String standInPool(String type) {
        return DeploymentPool.standIn(type);
    }
}
