package com.corp.billing.quartz;

import java.time.YearMonth;

import org.quartz.JobExecutionContext;
import org.quartz.PersistJobDataAfterExecution;
import org.springframework.scheduling.quartz.QuartzJobBean;

import com.corp.billing.service.StatementArchive;

/** Archives customer statements at month end (trigger defined in quartz_jobs.xml). */
@PersistJobDataAfterExecution
public class StatementArchiveJob extends QuartzJobBean {

    private StatementArchive archive;

    public void setArchive(StatementArchive archive) {
        this.archive = archive;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        YearMonth month = YearMonth.now();
        int archived = archive.archiveMonth(month);
        context.getJobDetail().getJobDataMap().put("lastArchivedMonth", month.toString());
        context.setResult(archived);
    }
}
