package com.corp.billing.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.corp.billing.service.InvoiceService;
import com.corp.billing.service.MetricsPublisher;
import com.corp.billing.service.PaymentSync;
import com.corp.billing.service.Reconciler;
import com.corp.billing.service.WebhookRetrier;

/**
 * Periodic billing work. Spring cron has SIX fields (seconds first).
 * Everything runs in the JVM's zone (UTC on etl-01) unless a zone is given.
 */
@Component
public class BillingScheduledJobs {

    private static final Logger log = LoggerFactory.getLogger(BillingScheduledJobs.class);

    private final InvoiceService invoices;
    private final PaymentSync payments;
    private final MetricsPublisher metrics;
    private final WebhookRetrier webhooks;
    private final Reconciler reconciler;

    public BillingScheduledJobs(InvoiceService invoices, PaymentSync payments, MetricsPublisher metrics,
                                WebhookRetrier webhooks, Reconciler reconciler) {
        this.invoices = invoices;
        this.payments = payments;
        this.metrics = metrics;
        this.webhooks = webhooks;
        this.reconciler = reconciler;
    }

    /** Nightly invoice run at 02:00:00. */
    @Scheduled(cron = "0 0 2 * * *")
    public void nightlyInvoiceRun() {
        int n = invoices.generatePending();
        log.info("nightly invoice run: {} invoices", n);
    }

    /** Payment provider sync, every 30 minutes in Berlin business hours. */
    @Scheduled(cron = "0 */30 8-18 * * MON-FRI", zone = "Europe/Berlin")
    public void syncPayments() {
        payments.syncSinceLastCursor();
    }

    @Scheduled(fixedRate = 60000)
    public void publishMetrics() {
        metrics.publish();
    }

    @Scheduled(fixedDelay = 300000, initialDelay = 60000)
    public void retryFailedWebhooks() {
        webhooks.retryFailed(50);
    }

    /** Cron comes from application.properties so ops can move it without a release. */
    @Scheduled(cron = "${billing.reconcile.cron}", zone = "America/New_York")
    public void reconcileWithBank() {
        reconciler.reconcileYesterday();
    }
}
