#!/usr/bin/env python3
"""Generates a synthetic monorepo for the `migrate scan` benchmark.

About 50,000 files and 1 GB, shaped like a real one: mostly unrelated code, docs and data (some of it mentions
"cron" or "schedule" in passing, some of it binary), and about 5% of files that define or configure jobs:
Prefect 2 flows and prefect.yaml, deployment.yaml build outputs, docker-compose agents, Kubernetes CronJobs,
crontabs, systemd units, Spring @Scheduled classes and shell scripts running `prefect deployment build`.
Output is deterministic for a given --seed. Nothing here is ever executed by the benchmark.

usage: generate.py OUT_DIR [--files 50000] [--megabytes 1024] [--seed 7]
"""
import argparse
import os
import random
import sys

WORDS = ("data pipeline customer order invoice report metric table column value record batch stream "
         "window user account region store product price amount total count daily weekly monthly load "
         "extract transform clean merge join filter group sort index cache retry timeout config option").split()


def lines(rng, n, width=(3, 12)):
    return "\n".join(" ".join(rng.choice(WORDS) for _ in range(rng.randint(*width))) for _ in range(n)) + "\n"


def py_module(rng, i, mention):
    body = [f'"""Module {i}: {" ".join(rng.choice(WORDS) for _ in range(6))}."""', "import json", "import os", ""]
    for f in range(rng.randint(4, 30)):
        name = "_".join(rng.choice(WORDS) for _ in range(2)) + f"_{f}"
        body += [f"def {name}(rows, limit={rng.randint(1, 999)}):",
                 f"    # {' '.join(rng.choice(WORDS) for _ in range(8))}",
                 "    out = []", "    for r in rows[:limit]:",
                 f"        out.append(r.get('{rng.choice(WORDS)}', {rng.random():.4f}))", "    return out", ""]
    if mention:
        body.append("# TODO: run this from the nightly cron until the new scheduler exists")
    return "\n".join(body) + "\n"


def js_module(rng, i):
    out = [f"// component {i}", "export function render(props) {"]
    for k in range(rng.randint(10, 80)):
        out.append(f"  const {rng.choice(WORDS)}{k} = props.{rng.choice(WORDS)} ?? {rng.randint(0, 500)};")
    out.append("  return null;\n}\n")
    return "\n".join(out)


def csv_data(rng, size):
    header = ",".join(rng.sample(WORDS, 8)) + "\n"
    row = ",".join(str(rng.randint(0, 10**6)) for _ in range(8)) + "\n"
    block = "".join(",".join(str((rng.randint(0, 10**6))) for _ in range(8)) + "\n" for _ in range(200))
    reps = max(1, size // len(block))
    return header + block * reps + row


def java_plain(rng, i):
    methods = "\n".join(f"    public int {rng.choice(WORDS)}{m}(int x) {{ return x * {m}; }}" for m in range(rng.randint(5, 40)))
    return f"package com.acme.lib{i % 50};\n\npublic class Util{i} {{\n{methods}\n}}\n"


# ---- job-defining files -------------------------------------------------------------------------------------
def prefect_flow(rng, i):
    cron = f"{rng.randint(0, 59)} {rng.randint(0, 23)} * * *"
    return (f"from prefect import flow, task\n\n@task\ndef step_{i}():\n    return {i}\n\n"
            f"@flow(name='flow-{i}')\ndef flow_{i}():\n    step_{i}()\n\n"
            f"if __name__ == '__main__':\n    flow_{i}.serve(name='flow-{i}', cron='{cron}')\n")


def prefect_yaml(rng, i):
    v = rng.choice(["2.14.9", "2.19.2", "3.1.0"])
    sched = (f"    schedule:\n      cron: \"0 {rng.randint(0, 23)} * * *\"\n" if v.startswith("2")
             else f"    schedules:\n      - cron: \"0 {rng.randint(0, 23)} * * *\"\n")
    return (f"name: proj-{i}\nprefect-version: {v}\ndeployments:\n  - name: dep-{i}\n"
            f"    entrypoint: flows/f{i}.py:flow_{i}\n{sched}    work_pool:\n      name: pool-{i % 7}\n")


def deployment_yaml(rng, i):
    return (f"name: dep-{i}\nwork_queue_name: default\nschedule:\n  cron: 0 {rng.randint(0, 23)} * * *\n"
            f"flow_name: flow-{i}\nmanifest_path: null\ninfrastructure:\n  type: process\n  _block_type_slug: process\n"
            f"storage: null\nentrypoint: flows/f{i}.py:flow_{i}\n")


def cronjob(rng, i):
    return (f"apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: job-{i}\nspec:\n"
            f"  schedule: \"*/{rng.randint(5, 59)} * * * *\"\n  concurrencyPolicy: Forbid\n  jobTemplate:\n    spec:\n"
            f"      template:\n        spec:\n          containers:\n            - name: c\n"
            f"              image: registry/job:{i}\n              command: [\"python\", \"run.py\", \"{i}\"]\n"
            f"          restartPolicy: OnFailure\n")


def crontab(rng, i):
    return "".join(f"{rng.randint(0, 59)} {rng.randint(0, 23)} * * * /opt/jobs/run-{i}-{k}.sh >> /var/log/j{k}.log 2>&1\n"
                   for k in range(rng.randint(1, 6)))


def systemd_timer(rng, i):
    return f"[Unit]\nDescription=job {i}\n\n[Timer]\nOnCalendar=*-*-* {rng.randint(0, 23):02d}:00:00\nPersistent=true\n\n[Install]\nWantedBy=timers.target\n"


def systemd_service(rng, i):
    return f"[Unit]\nDescription=job {i}\n\n[Service]\nType=oneshot\nUser=etl\nExecStart=/opt/jobs/job-{i}.sh\n"


def spring(rng, i):
    return (f"package com.acme.jobs{i % 20};\n\nimport org.springframework.scheduling.annotation.Scheduled;\n\n"
            f"public class Job{i} {{\n    @Scheduled(cron = \"0 {rng.randint(0, 59)} {rng.randint(0, 23)} * * *\")\n"
            f"    public void run() {{ }}\n\n    @Scheduled(fixedRate = {rng.randint(1, 60) * 1000})\n    public void poll() {{ }}\n}}\n")


def compose(rng, i):
    return (f"services:\n  agent:\n    image: prefecthq/prefect:2.14.9-python3.11\n"
            f"    command: prefect agent start -q queue-{i}\n    environment:\n      PREFECT_API_URL: http://server:4200/api\n")


def deploy_sh(rng, i):
    return (f"#!/bin/sh\nset -e\nprefect deployment build flows/f{i}.py:flow_{i} -n dep-{i} -q default "
            f"--cron \"0 {rng.randint(0, 23)} * * *\" --apply\n")


JOB_KINDS = [  # (weight, relative path pattern, generator)
    (30, "services/svc{s}/flows/flow_{i}.py", prefect_flow),
    (8, "services/svc{s}/deploy/{i}/prefect.yaml", prefect_yaml),
    (6, "services/svc{s}/deploy/{i}/flow-{i}-deployment.yaml", deployment_yaml),
    (12, "infra/k8s/svc{s}/cronjob-{i}.yaml", cronjob),
    (12, "ops/cron/host{s}/job-{i}.cron", crontab),
    (8, "ops/systemd/job-{i}.timer", systemd_timer),
    (8, "ops/systemd/job-{i}.service", systemd_service),
    (10, "services/svc{s}/src/main/java/com/acme/jobs/Job{i}.java", spring),
    (3, "services/svc{s}/docker-compose.{i}.yml", compose),
    (3, "services/svc{s}/scripts/deploy-{i}.sh", deploy_sh),
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--files", type=int, default=50000)
    ap.add_argument("--megabytes", type=int, default=1024)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    if os.path.exists(a.out) and os.listdir(a.out):
        sys.exit(f"{a.out} exists and is not empty; remove it or choose another directory")
    job_files = a.files // 20                       # ~5% define or configure jobs
    data_files = a.files // 12                      # large CSV/JSON data carry most of the bytes
    binary_files = a.files // 40
    code_files = a.files - job_files - data_files - binary_files
    written = 0

    def write(rel, content):
        nonlocal written
        p = os.path.join(a.out, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        mode = "wb" if isinstance(content, bytes) else "w"
        with open(p, mode) as f:
            f.write(content)
        written += len(content)

    code_budget = 0
    for i in range(code_files):
        s = i % 40
        kind = rng.random()
        mention = rng.random() < 0.03               # unrelated files that still say "cron" or "schedule"
        if kind < 0.45:
            write(f"services/svc{s}/pkg/m{i // 200}/mod_{i}.py", py_module(rng, i, mention))
        elif kind < 0.65:
            write(f"web/app{s}/src/c{i // 300}/comp_{i}.js", js_module(rng, i))
        elif kind < 0.75:
            write(f"libs/java{s}/src/main/java/Util{i}.java", java_plain(rng, i))
        elif kind < 0.87:
            doc = lines(rng, rng.randint(10, 120))
            if mention:
                doc += "The report is refreshed by a schedule owned by the data team.\n"
            write(f"docs/area{s}/page_{i}.md", doc)
        else:
            write(f"config/env{s}/settings_{i}.json", '{"' + '": 1, "'.join(rng.sample(WORDS, 12)) + '": 0}\n')
    code_budget = written
    data_size = max(10_000, (a.megabytes * 1024 * 1024 - code_budget - binary_files * 40_000) // max(1, data_files))
    data_size = min(data_size, 4 * 1024 * 1024)      # stay under the scanner's default 5 MiB limit
    for i in range(data_files):
        write(f"data/raw/d{i % 60}/extract_{i}.csv", csv_data(rng, int(data_size * rng.uniform(0.5, 1.5))))
    for i in range(binary_files):
        write(f"assets/img{i % 30}/image_{i}.png", b"\x89PNG\r\n\x1a\n\x00\x00" + rng.randbytes(rng.randint(5_000, 75_000)))
    total_weight = sum(w for w, _, _ in JOB_KINDS)
    for i in range(job_files):
        r = rng.uniform(0, total_weight)
        for w, pattern, gen in JOB_KINDS:
            if r < w:
                write(pattern.format(s=i % 40, i=i), gen(rng, i))
                break
            r -= w
    print(f"wrote {a.files} files, {written / 1024 / 1024:.0f} MiB to {a.out} "
          f"({job_files} job files, {data_files} data files, {binary_files} binaries)")


if __name__ == "__main__":
    main()
