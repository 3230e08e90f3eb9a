-- The audit trail (healthrecord.AuditStore): append-only, one row per change of a
-- record, never updated or deleted. The entry is JSON in body; the columns are what
-- the filters and the order need: the position (seq, assigned by the engine in
-- increasing order), the instant (UTC text of fixed width, which sorts as the instants
-- do), the staff member, the record's division (filtered by prefix), kind, ID and
-- resident.
CREATE TABLE audit_entries (
	seq {{serial}},
	at {{key}} NOT NULL,
	staff {{key}} NOT NULL,
	division {{key}} NOT NULL,
	kind {{key}} NOT NULL,
	record_id {{key}} NOT NULL,
	resident {{key}} NOT NULL,
	body TEXT NOT NULL
);
CREATE INDEX audit_entries_record ON audit_entries (kind, record_id, seq);
CREATE INDEX audit_entries_division ON audit_entries (division, seq);
CREATE INDEX audit_entries_staff ON audit_entries (staff, seq);
CREATE INDEX audit_entries_resident ON audit_entries (resident, seq);
