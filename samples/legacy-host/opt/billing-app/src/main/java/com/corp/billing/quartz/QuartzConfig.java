package com.corp.billing.quartz;

import java.util.TimeZone;

import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Quartz jobs that need persistence and misfire handling (JDBC job store, see application.properties). */
@Configuration
public class QuartzConfig {

    @Bean
    public JobDetail ledgerExportJobDetail() {
        return JobBuilder.newJob(LedgerExportJob.class)
                .withIdentity("ledgerExport", "finance")
                .usingJobData("target", "sftp://ledger.partner-accounting.example/in")
                .storeDurably()
                .build();
    }

    @Bean
    public Trigger ledgerExportTrigger(JobDetail ledgerExportJobDetail) {
        // 03:15 New York time, weekdays (Quartz cron: sec min hour dom mon dow)
        return TriggerBuilder.newTrigger()
                .forJob(ledgerExportJobDetail)
                .withIdentity("ledgerExportTrigger", "finance")
                .withSchedule(CronScheduleBuilder.cronSchedule("0 15 3 ? * MON-FRI")
                        .inTimeZone(TimeZone.getTimeZone("America/New_York"))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }

    @Bean
    public JobDetail fxRefreshJobDetail() {
        return JobBuilder.newJob(FxRefreshJob.class)
                .withIdentity("fxRefresh", "rates")
                .storeDurably()
                .build();
    }

    @Bean
    public Trigger fxRefreshTrigger(JobDetail fxRefreshJobDetail) {
        return TriggerBuilder.newTrigger()
                .forJob(fxRefreshJobDetail)
                .withIdentity("fxRefreshTrigger", "rates")
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMinutes(10)
                        .repeatForever())
                .build();
    }
}
