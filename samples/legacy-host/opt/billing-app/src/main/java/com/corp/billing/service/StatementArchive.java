package com.corp.billing.service;

public interface StatementArchive {
    int archiveMonth(java.time.YearMonth month);
}
