-- PinDesk central receiver, schema 1 (PostgreSQL). Keep in step with ../sqlite/V1__central_schema.sql:
-- same tables, columns and meaning; only the types differ. Times are Unix milliseconds (UTC).

-- Enrolled workstation keys: only these may send.
CREATE TABLE workstations (
  key_id      TEXT    PRIMARY KEY,          -- upper-case hex SM3 of the public point
  public_key  BYTEA   NOT NULL,             -- 65 bytes 04 || x || y
  name        TEXT,                         -- given at enrolment, optional
  enrolled_at BIGINT  NOT NULL
);

-- One row per journal: its signed header and where its chain stands.
CREATE TABLE journals (
  journal_id          TEXT    PRIMARY KEY,  -- 32 upper-case hex digits
  key_id              TEXT    NOT NULL REFERENCES workstations (key_id),
  workstation_id      TEXT    NOT NULL,     -- from the journal header
  header              BYTEA   NOT NULL,
  header_sig          BYTEA   NOT NULL,
  head_seq            BIGINT  NOT NULL,
  head_hash           BYTEA   NOT NULL,     -- h_head_seq (h_0 when head_seq = 0)
  segment             BIGINT  NOT NULL,     -- segment of entry head_seq
  last_checkpoint_seq BIGINT  NOT NULL,
  registered_at       BIGINT  NOT NULL,
  last_receipt_at     BIGINT  NOT NULL      -- when the head last moved (the receipt's "at")
);
CREATE INDEX journals_key ON journals (key_id);

-- Entries exactly as the workstation stored them (ciphertext, never decrypted here), kept as the
-- blocks they arrived in: one row per accepted batch holding its entries above the head then, in the
-- batch's entry encoding (docs/sync-protocol.md, "Batch"). A journal's blocks never overlap and leave
-- no gap: they cover 1..head_seq.
CREATE TABLE entry_blocks (
  journal_id  TEXT    NOT NULL REFERENCES journals (journal_id),
  first_seq   BIGINT  NOT NULL,
  last_seq    BIGINT  NOT NULL,
  entries     BYTEA   NOT NULL,
  received_at BIGINT  NOT NULL,
  PRIMARY KEY (journal_id, first_seq)
);

-- Every refused request (docs/sync-protocol.md).
CREATE TABLE refusals (
  id         BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at         BIGINT  NOT NULL,
  key_id     TEXT,                          -- as sent; not proven for authentication refusals
  journal_id TEXT,
  code       TEXT    NOT NULL,
  seq        BIGINT,
  detail     TEXT    NOT NULL
);
CREATE INDEX refusals_journal ON refusals (journal_id, at);

-- Nonces of accepted requests, kept for the clock-skew window (replay protection).
CREATE TABLE nonces (
  key_id TEXT    NOT NULL,
  nonce  TEXT    NOT NULL,
  at     BIGINT  NOT NULL,                  -- the request's signed time
  PRIMARY KEY (key_id, nonce)
);
CREATE INDEX nonces_at ON nonces (at);
