package com.corp.billing.service;

public interface FxRates {
    void refresh(String baseCurrency);
}
