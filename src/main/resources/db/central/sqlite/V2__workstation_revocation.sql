-- PinDesk central receiver, schema 2 (SQLite). Keep in step with ../postgresql/V2__workstation_revocation.sql.
-- A workstation key can be revoked (a stolen or retired workstation): its requests are refused from
-- then on, what it sent before stays. Unix milliseconds (UTC); NULL while the key may send.
ALTER TABLE workstations ADD COLUMN revoked_at INTEGER;
