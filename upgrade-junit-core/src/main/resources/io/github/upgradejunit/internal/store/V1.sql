-- Schema version 1. One definition for every database: ${id} is the dialect's auto-increment key.
-- Times are microseconds since the epoch (UTC); every row carries its run and, where several JVMs
-- or machines may write, its runner.
CREATE TABLE runs (
  id TEXT PRIMARY KEY,
  created_at BIGINT NOT NULL,
  closed_at BIGINT,
  status TEXT NOT NULL,
  resource_prefix TEXT NOT NULL
);
CREATE TABLE phases (
  id ${id},
  run_id TEXT NOT NULL,
  phase TEXT NOT NULL,
  runner TEXT NOT NULL,
  started_at BIGINT NOT NULL,
  finished_at BIGINT,
  outcome TEXT
);
CREATE TABLE events (
  id ${id},
  run_id TEXT NOT NULL,
  at BIGINT NOT NULL,
  type TEXT NOT NULL,
  service TEXT,
  host TEXT,
  step TEXT,
  detail TEXT,
  runner TEXT NOT NULL
);
CREATE INDEX events_by_run ON events (run_id, at);
CREATE TABLE samples (
  run_id TEXT NOT NULL,
  service TEXT NOT NULL,
  series TEXT NOT NULL,
  intended_at BIGINT NOT NULL,
  started_at BIGINT NOT NULL,
  latency_us BIGINT NOT NULL,
  ok INTEGER NOT NULL,
  error_class TEXT,
  status INTEGER NOT NULL,
  detail TEXT,
  control INTEGER NOT NULL,
  runner TEXT NOT NULL
);
CREATE INDEX samples_by_run ON samples (run_id, service, intended_at);
CREATE TABLE iterations (
  run_id TEXT NOT NULL,
  check_id TEXT NOT NULL,
  service TEXT,
  started_at BIGINT NOT NULL,
  finished_at BIGINT NOT NULL,
  ok INTEGER NOT NULL,
  error TEXT,
  step TEXT,
  in_window INTEGER NOT NULL,
  runner TEXT NOT NULL
);
CREATE INDEX iterations_by_run ON iterations (run_id, check_id);
CREATE TABLE test_results (
  id ${id},
  run_id TEXT NOT NULL,
  phase TEXT NOT NULL,
  test_id TEXT NOT NULL,
  display_name TEXT NOT NULL,
  class_name TEXT,
  services TEXT,
  status TEXT NOT NULL,
  started_at BIGINT NOT NULL,
  finished_at BIGINT NOT NULL,
  error TEXT,
  output TEXT,
  runner TEXT NOT NULL
);
CREATE TABLE resources (
  run_id TEXT NOT NULL,
  resource_key TEXT NOT NULL,
  service TEXT NOT NULL,
  type TEXT NOT NULL,
  name TEXT NOT NULL,
  resource_id TEXT,
  state TEXT NOT NULL,
  fingerprint TEXT,
  created_at BIGINT NOT NULL,
  deleted_at BIGINT,
  error TEXT,
  PRIMARY KEY (run_id, resource_key)
);
CREATE TABLE resource_checks (
  id ${id},
  run_id TEXT NOT NULL,
  resource_key TEXT NOT NULL,
  phase TEXT NOT NULL,
  at BIGINT NOT NULL,
  verdict TEXT NOT NULL,
  details TEXT
);
CREATE TABLE ledger (
  id ${id},
  run_id TEXT NOT NULL,
  service TEXT NOT NULL,
  operation TEXT NOT NULL,
  target TEXT,
  answer TEXT NOT NULL,
  status INTEGER NOT NULL,
  at BIGINT NOT NULL,
  fate TEXT NOT NULL,
  settled_at BIGINT,
  detail TEXT,
  runner TEXT NOT NULL
);
CREATE TABLE versions (
  run_id TEXT NOT NULL,
  service TEXT NOT NULL,
  at BIGINT NOT NULL,
  version TEXT NOT NULL,
  release_name TEXT,
  runner TEXT NOT NULL
);
CREATE TABLE latencies (
  run_id TEXT NOT NULL,
  name TEXT NOT NULL,
  phase TEXT NOT NULL,
  at BIGINT NOT NULL,
  latency_us BIGINT NOT NULL,
  expected_interval_us BIGINT NOT NULL,
  runner TEXT NOT NULL
);
CREATE TABLE logs (
  run_id TEXT NOT NULL,
  at BIGINT NOT NULL,
  source TEXT NOT NULL,
  line TEXT NOT NULL,
  runner TEXT NOT NULL
);
CREATE INDEX logs_by_run ON logs (run_id, at);
CREATE TABLE reports (
  run_id TEXT PRIMARY KEY,
  created_at BIGINT NOT NULL,
  summary TEXT NOT NULL
);
