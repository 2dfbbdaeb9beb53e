package com.corp.billing.service;

public interface Reconciler {
    void reconcileYesterday();
}
