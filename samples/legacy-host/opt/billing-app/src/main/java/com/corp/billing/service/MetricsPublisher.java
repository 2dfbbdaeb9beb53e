package com.corp.billing.service;

public interface MetricsPublisher {
    void publish();
}
