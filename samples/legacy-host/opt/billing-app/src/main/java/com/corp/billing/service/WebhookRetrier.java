package com.corp.billing.service;

public interface WebhookRetrier {
    void retryFailed(int maxAttempts);
}
