-- The audit trail (dev.cairn.audit). Portable SQL: the same file runs on H2 and PostgreSQL.
-- Append-only by design: the gateway only inserts entries and moves the head. For defence in
-- depth, grant its database role no more than SELECT, INSERT on audit_entry and SELECT, UPDATE
-- on audit_head.

CREATE TABLE audit_entry (
	seq BIGINT NOT NULL PRIMARY KEY,
	entry_type VARCHAR(16) NOT NULL,
	recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
	request_id VARCHAR(64) NOT NULL,
	principal VARCHAR(512),
	principal_kind VARCHAR(16),
	agent_client VARCHAR(512),
	on_behalf_of VARCHAR(512),
	channel VARCHAR(16) NOT NULL,
	tool VARCHAR(128) NOT NULL,
	target VARCHAR(512),
	arguments_digest VARCHAR(64),
	arguments VARCHAR(20000),
	decision VARCHAR(32),
	reasons VARCHAR(4000),
	policy_revision VARCHAR(128),
	decided_seq BIGINT,
	outcome VARCHAR(16),
	outcome_detail VARCHAR(2000),
	latency_micros BIGINT,
	prev_hash VARCHAR(64) NOT NULL,
	hash VARCHAR(64) NOT NULL
);

CREATE INDEX audit_entry_decided_seq ON audit_entry (decided_seq);
CREATE INDEX audit_entry_principal ON audit_entry (principal);
CREATE INDEX audit_entry_tool ON audit_entry (tool);
CREATE INDEX audit_entry_target ON audit_entry (target);

-- One row: the last sequence and hash written, sealed with the gateway's key (mac stays NULL
-- until the first append). It catches a truncated tail, and its row lock serializes appends
-- from several gateways sharing the database.
CREATE TABLE audit_head (
	id INT NOT NULL PRIMARY KEY,
	last_seq BIGINT NOT NULL,
	last_hash VARCHAR(64) NOT NULL,
	mac VARCHAR(64),
	CONSTRAINT audit_head_single_row CHECK (id = 1)
);

INSERT INTO audit_head (id, last_seq, last_hash, mac)
	VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', NULL);
