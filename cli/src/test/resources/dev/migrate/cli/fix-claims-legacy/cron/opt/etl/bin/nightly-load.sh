#!/bin/sh
/usr/bin/python3 /opt/etl/load.py "$@"
