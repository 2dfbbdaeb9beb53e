package com.corp.billing.quartz;

import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

import com.corp.billing.service.FxRates;

/** Refreshes the FX rates used when invoices are converted to EUR. */
public class FxRefreshJob extends QuartzJobBean {

    private FxRates fxRates;

    public void setFxRates(FxRates fxRates) {
        this.fxRates = fxRates;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        fxRates.refresh("EUR");
    }
}
