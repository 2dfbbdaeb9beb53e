package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.model.SourceRef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The work pools a script creates with a type ({@code prefect work-pool create etl --type process}), so that what is
 * said about an agent or worker of that pool is what the script says rather than a guess: a 2.x agent's pool is
 * usually of type prefect-agent, which Prefect 3 workers refuse, but not when the script typed it otherwise.
 */
public final class CreatedPools {
    /** A pool of a known type and where it is created. */
    public record Pool(String name, String type, SourceRef where) {
        /** Whether Prefect 3 workers serve it (every type but the agents' own). */
        public boolean servedByWorkers() {
            return !type.equals("prefect-agent");
        }
    }

    public static final CreatedPools NONE = new CreatedPools(Map.of());

    /** Options of {@code work-pool create} that take a value (the pool's name is the first other word). */
    private static final Set<String> VALUED = Set.of("--type", "-t", "--base-job-template");

    private final Map<String, Pool> pools;

    private CreatedPools(Map<String, Pool> pools) {
        this.pools = pools;
    }

    /** The typed pools of these calls; a pool created twice is its last type. Pools created without a type are unknown. */
    public static CreatedPools of(List<Located> calls) {
        Map<String, Pool> found = new HashMap<>();
        for (Located c : calls) {
            PrefectInvocation inv = c.invocation();
            if (!inv.path().equals("work-pool create")) {
                continue;
            }
            Optional<String> type = inv.option("--type", "-t");
            Optional<String> name = name(inv.args());
            // a name in a variable ("$POOL") is the same pool for the commands of the same script, as the rewrite
            // relates them (TypedPoolsCreated); across files it may be anything (WorkPoolResolver leaves it out)
            if (type.isPresent() && name.isPresent() && !type.get().contains("$")) {
                found.put(name.get(), new Pool(name.get(), type.get(), c.where()));
            }
        }
        return found.isEmpty() ? NONE : new CreatedPools(Map.copyOf(found));
    }

    /** A {@code prefect ...} call and where it is written. */
    public record Located(PrefectInvocation invocation, SourceRef where) {
    }

    private static Optional<String> name(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (VALUED.contains(a)) {
                i++;
            } else if (!a.startsWith("-")) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** Every typed pool, in no particular order. */
    public java.util.Collection<Pool> all() {
        return pools.values();
    }

    public Optional<Pool> get(String name) {
        return Optional.ofNullable(pools.get(name));
    }
}
