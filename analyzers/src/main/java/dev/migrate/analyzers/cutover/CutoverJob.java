package dev.migrate.analyzers.cutover;

import dev.migrate.analyzers.model.Job;
import java.util.List;
import dev.migrate.analyzers.sources.config.PrefectYamlDetector;
import java.util.Locale;

/**
 * One job being cut over, keyed by its name so that it keeps its identity when a recipe rewrites it in
 * place (a Prefect 2 deployment becomes a Prefect 3 one with a new scan id).
 *
 * @param key        the slug of the name: what {@code --job}, {@code record} and the validate config use
 * @param legacy     the legacy job in the inventory, or null once it is gone (rewritten or removed)
 * @param deployment the Prefect 3 deployment for it in the inventory, or null
 * @param declared   the validate config's job for it, or null
 * @param fallbacks  crontab lines that run the same scripts only where the legacy job's scheduler is missing (Debian's
 *                   {@code test -x /usr/sbin/anacron || run-parts /etc/cron.daily} for an anacron job)
 * @param supervisor the systemd service that keeps a sleep loop running ({@code Restart=}), or null: part of the same
 *                   job, and the switch that stops it ({@link dev.migrate.analyzers.model.SchedulerServices#supervisorOf})
 */
public record CutoverJob(String key, String name, Job legacy, Job deployment, DeclaredJob declared, List<Job> fallbacks,
        Job supervisor) {
    public CutoverJob {
        fallbacks = List.copyOf(fallbacks);
    }

    public CutoverJob(String key, String name, Job legacy, Job deployment, DeclaredJob declared, List<Job> fallbacks) {
        this(key, name, legacy, deployment, declared, fallbacks, null);
    }

    public CutoverJob(String key, String name, Job legacy, Job deployment, DeclaredJob declared) {
        this(key, name, legacy, deployment, declared, List.of());
    }

    /**
     * Lower case, runs of anything but letters and digits become one '-': "lake_ingestion" is "lake-ingestion". A Latin
     * letter loses its accent ("Café-Load" is "cafe-load"); letters of other scripts stay, so that "日次ロード" keeps a
     * key and "Ladung ü" and "Ladung ö" keep two (an ASCII-only key made the first empty and the others one job).
     */
    public static String keyOf(String name) {
        // from the redacted name: a key is printed in plans, statuses and commands, and a name may hold a secret
        String redacted = dev.migrate.analyzers.model.Redactor.redact(name);
        String unaccented = java.text.Normalizer.normalize(java.text.Normalizer.normalize(redacted,
                java.text.Normalizer.Form.NFD).replaceAll("(?<=[A-Za-z])\\p{M}+", ""), java.text.Normalizer.Form.NFC);
        return unaccented.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-+|-+$", "");
    }

    /** The name validations are recorded under: the validate config's, else the job's own. */
    public String validationName() {
        return declared != null ? declared.name() : name;
    }

    /**
     * The name cutover keys a job by: a {@code prefect.yaml} deployment's own {@code name:} ({@code nightly}), not the
     * {@code FLOW/DEPLOYMENT} the scan names it by ({@code etl/nightly}), so that it meets its legacy job of that name,
     * migrate's legacy recipe finds the deployments it named after a legacy job's scan id, and evidence recorded before
     * the scan named deployments by their flow keeps its job. The job's name otherwise.
     */
    public static String deploymentName(Job job) {
        return job.attributes().getOrDefault(PrefectYamlDetector.DEPLOYMENT_NAME, job.name());
    }

    /** The FLOW/DEPLOYMENT name of a job keyed by its deployment's own name ({@link #deploymentName}); else null. */
    static String flowNamed(Job job) {
        return job.attributes().containsKey(PrefectYamlDetector.DEPLOYMENT_NAME) && !job.name().equals(deploymentName(job))
                ? job.name() : null;
    }

    /**
     * The other name a validation, a gate or a {@code --job} may give the job: its deployment's FLOW/DEPLOYMENT name,
     * as Prefect prints it; null when there is none.
     */
    public String otherName() {
        String other = deployment != null ? flowNamed(deployment) : null;
        if (other == null && legacy != null) {
            other = flowNamed(legacy);
        }
        return other == null || keyOf(other).equals(key) ? null : other;
    }

    /** Whatever the inventory holds for the job: the legacy entry first. */
    public Job anyJob() {
        return legacy != null ? legacy : deployment;
    }
}
