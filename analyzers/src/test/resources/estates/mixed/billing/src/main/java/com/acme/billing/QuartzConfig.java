package com.acme.billing;

import static org.quartz.CronScheduleBuilder.cronSchedule;
import static org.quartz.JobBuilder.newJob;
import static org.quartz.SimpleScheduleBuilder.simpleSchedule;
import static org.quartz.TriggerBuilder.newTrigger;

import java.util.TimeZone;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;

public class QuartzConfig {
    @DisallowConcurrentExecution
    public static class ReconcileJob implements Job {
        @Override
        public void execute(JobExecutionContext context) {
        }
    }

    public void register(Scheduler scheduler) throws SchedulerException {
        JobDetail job = newJob(ReconcileJob.class).withIdentity("reconcile", "billing").build();
        Trigger trigger = newTrigger()
                .withIdentity("reconcile-nightly", "billing")
                .withSchedule(cronSchedule("0 15 1 ? * MON-FRI").inTimeZone(TimeZone.getTimeZone("America/New_York")))
                .build();
        scheduler.scheduleJob(job, trigger);
    }

    public void registerCleanup(Scheduler scheduler) throws SchedulerException {
        Trigger t = newTrigger().withIdentity("cleanup-every-10m")
                .withSchedule(simpleSchedule().withIntervalInMinutes(10).repeatForever())
                .forJob("cleanup")
                .build();
        scheduler.scheduleJob(t);
    }
}
