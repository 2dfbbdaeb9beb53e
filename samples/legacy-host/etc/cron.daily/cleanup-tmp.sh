#!/bin/sh
# NOTE: added by J.R. 2022-05 - "runs every day".
# (run-parts skips file names containing a dot, so this has never run.)
find /var/tmp/etl -type f -mtime +2 -delete
