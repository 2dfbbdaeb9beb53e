#!/bin/sh
find /tmp -mtime +7 -delete
