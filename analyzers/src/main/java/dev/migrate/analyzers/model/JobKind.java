package dev.migrate.analyzers.model;

/** What defines a job. The slug is used in job ids and reports, so it never changes. */
public enum JobKind {
    CRON("cron"),
    ANACRON("anacron"),
    CRON_RUN_PARTS("run-parts"),
    SYSTEMD_TIMER("systemd-timer"),
    SYSTEMD_SCHEDULER_SERVICE("systemd-scheduler"),
    PYTHON_SCHEDULE_LIB("py-schedule"),
    APSCHEDULER("apscheduler"),
    PYTHON_SLEEP_LOOP("py-loop"),
    CELERY_BEAT("celery-beat"),
    CIVIS_SCRIPT("civis"),
    PREFECT1_FLOW("prefect1"),
    PREFECT2_DEPLOYMENT("prefect2"),
    PREFECT3_DEPLOYMENT("prefect3"),
    PREFECT_SERVER("prefect-server"),
    PREFECT_AGENT("prefect-agent"),
    PREFECT_WORKER("prefect-worker"),
    SPRING_SCHEDULED("spring"),
    QUARTZ("quartz"),
    K8S_CRONJOB("k8s-cronjob"),
    GITHUB_SCHEDULE("github-schedule");

    private final String slug;

    JobKind(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }
}
