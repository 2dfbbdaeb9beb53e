package com.corp.billing.quartz;

import java.time.LocalDate;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.springframework.scheduling.quartz.QuartzJobBean;

import com.corp.billing.service.LedgerExporter;

/** Exports the previous business day's ledger entries to the accounting partner. */
@DisallowConcurrentExecution
public class LedgerExportJob extends QuartzJobBean {

    private LedgerExporter exporter;
    private String target;

    public void setExporter(LedgerExporter exporter) {
        this.exporter = exporter;
    }

    /** Injected from the JobDataMap ("target"). */
    public void setTarget(String target) {
        this.target = target;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) throws JobExecutionException {
        try {
            exporter.export(LocalDate.now().minusDays(1), target);
        } catch (RuntimeException e) {
            throw new JobExecutionException(e, context.getRefireCount() < 3);
        }
    }
}
