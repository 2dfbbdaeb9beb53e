/**
 * Activity evidence: what a host's scheduler logs say about the jobs the scan found. A job the logs show never
 * running, or failing, is one to retire or fix rather than migrate as it is.
 */
package dev.migrate.analyzers.activity;
