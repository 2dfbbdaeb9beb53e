package com.corp.billing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.scheduling.support.CronExpression;

class BillingScheduledJobsTest {

    @Test
    void reconcileCronFromPropertiesIsValid() {
        assertThat(CronExpression.isValidExpression("0 45 23 * * *")).isTrue();
    }
}
