package com.corp.billing.service;

public interface InvoiceService {
    int generatePending();
}
