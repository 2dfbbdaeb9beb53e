package com.corp.billing.service;

public interface LedgerExporter {
    void export(java.time.LocalDate day, String target);
}
