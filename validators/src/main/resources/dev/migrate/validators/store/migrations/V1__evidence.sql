-- One row per validated job per invocation; its checks are written in the same transaction.
CREATE TABLE validation_run (
    run_id       VARCHAR(64)  PRIMARY KEY,
    job          VARCHAR(200) NOT NULL,
    config_file  TEXT         NOT NULL,
    legacy_run   TEXT         NOT NULL,
    new_run      TEXT         NOT NULL,
    started_at   VARCHAR(40)  NOT NULL,
    finished_at  VARCHAR(40)  NOT NULL,
    status       VARCHAR(10)  NOT NULL,
    passed       INTEGER      NOT NULL,
    failed       INTEGER      NOT NULL,
    info         INTEGER      NOT NULL,
    report_json  TEXT         NOT NULL
);
CREATE INDEX validation_run_job ON validation_run (job, finished_at);
CREATE TABLE check_result (
    run_id        VARCHAR(64) NOT NULL REFERENCES validation_run (run_id),
    seq           INTEGER     NOT NULL,
    dataset       TEXT,
    check_name    VARCHAR(20) NOT NULL,
    subject       TEXT,
    legacy_value  TEXT,
    new_value     TEXT,
    difference    TEXT,
    threshold     TEXT,
    status        VARCHAR(10) NOT NULL,
    message       TEXT,
    samples_json  TEXT,
    PRIMARY KEY (run_id, seq)
);
