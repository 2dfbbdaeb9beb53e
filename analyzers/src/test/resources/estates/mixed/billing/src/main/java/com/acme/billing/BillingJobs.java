package com.acme.billing;

import java.util.concurrent.TimeUnit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

@Component
public class BillingJobs {
    private static final String NIGHTLY = "0 30 2 * * MON-FRI";
    private static final long FIVE_MINUTES = 5 * 60 * 1000;

    @Scheduled(cron = NIGHTLY, zone = "Europe/Berlin")
    public void closeInvoices() {
        // ...
    }

    @Scheduled(fixedRate = FIVE_MINUTES, initialDelay = 10_000)
    public void pollPayments() {
    }

    @Scheduled(fixedDelay = 30, timeUnit = TimeUnit.SECONDS)
    public void drainQueue() {
    }

    @Scheduled(cron = "${billing.export.cron}")
    public void exportLedger() {
    }

    @Scheduled(cron = "${billing.reminder.cron:0 0 9 * * *}")
    public void sendReminders() {
    }

    @Scheduled(fixedRateString = "${billing.sync.rate}")
    public void syncRates() {
    }

    @Scheduled(cron = "*/15 * * * * *")
    public void heartbeat() {
    }
}
