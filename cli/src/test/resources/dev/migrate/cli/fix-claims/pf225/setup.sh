#!/bin/sh
prefect work-queue create nightly
