#!/bin/sh
/usr/bin/psql -c "select 1"
