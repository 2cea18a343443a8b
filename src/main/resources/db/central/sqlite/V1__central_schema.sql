-- PinDesk central receiver, schema 1 (SQLite). Keep in step with ../postgresql/V1__central_schema.sql:
-- same tables, columns and meaning; only the types differ. Times are Unix milliseconds (UTC).

-- Enrolled workstation keys: only these may send.
CREATE TABLE workstations (
  key_id      TEXT    PRIMARY KEY,          -- upper-case hex SM3 of the public point
  public_key  BLOB    NOT NULL,             -- 65 bytes 04 || x || y
  name        TEXT,                         -- given at enrolment, optional
  enrolled_at INTEGER NOT NULL
);

-- One row per journal: its signed header and where its chain stands.
CREATE TABLE journals (
  journal_id          TEXT    PRIMARY KEY,  -- 32 upper-case hex digits
  key_id              TEXT    NOT NULL REFERENCES workstations (key_id),
  workstation_id      TEXT    NOT NULL,     -- from the journal header
  header              BLOB    NOT NULL,
  header_sig          BLOB    NOT NULL,
  head_seq            INTEGER NOT NULL,
  head_hash           BLOB    NOT NULL,     -- h_head_seq (h_0 when head_seq = 0)
  segment             INTEGER NOT NULL,     -- segment of entry head_seq
  last_checkpoint_seq INTEGER NOT NULL,
  registered_at       INTEGER NOT NULL,
  last_receipt_at     INTEGER NOT NULL      -- when the head last moved (the receipt's "at")
);
CREATE INDEX journals_key ON journals (key_id);

-- Entries exactly as the workstation stored them (ciphertext, never decrypted here), kept as the
-- blocks they arrived in: one row per accepted batch holding its entries above the head then, in the
-- batch's entry encoding (docs/sync-protocol.md, "Batch"). A journal's blocks never overlap and leave
-- no gap: they cover 1..head_seq.
CREATE TABLE entry_blocks (
  journal_id  TEXT    NOT NULL REFERENCES journals (journal_id),
  first_seq   INTEGER NOT NULL,
  last_seq    INTEGER NOT NULL,
  entries     BLOB    NOT NULL,
  received_at INTEGER NOT NULL,
  PRIMARY KEY (journal_id, first_seq)
);

-- Every refused request (docs/sync-protocol.md).
CREATE TABLE refusals (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  at         INTEGER NOT NULL,
  key_id     TEXT,                          -- as sent; not proven for authentication refusals
  journal_id TEXT,
  code       TEXT    NOT NULL,
  seq        INTEGER,
  detail     TEXT    NOT NULL
);
CREATE INDEX refusals_journal ON refusals (journal_id, at);

-- Nonces of accepted requests, kept for the clock-skew window (replay protection).
CREATE TABLE nonces (
  key_id TEXT    NOT NULL,
  nonce  TEXT    NOT NULL,
  at     INTEGER NOT NULL,                  -- the request's signed time
  PRIMARY KEY (key_id, nonce)
);
CREATE INDEX nonces_at ON nonces (at);
