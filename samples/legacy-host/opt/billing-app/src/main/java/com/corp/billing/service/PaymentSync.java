package com.corp.billing.service;

public interface PaymentSync {
    void syncSinceLastCursor();
}
