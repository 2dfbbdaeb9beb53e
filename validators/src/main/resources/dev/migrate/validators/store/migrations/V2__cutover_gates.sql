-- Gates of `migrate cutover` that only a person can confirm (runbooks updated, legacy disabled on a
-- host, ...): who confirmed what and when. Append-only; the newest row per (job, gate) counts.
CREATE TABLE cutover_gate (
    job          VARCHAR(200) NOT NULL,
    gate         VARCHAR(40)  NOT NULL,
    recorded_by  VARCHAR(200) NOT NULL,
    note         TEXT,
    recorded_at  VARCHAR(40)  NOT NULL,
    PRIMARY KEY (job, gate, recorded_at)
);
