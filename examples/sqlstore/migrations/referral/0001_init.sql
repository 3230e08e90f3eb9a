-- The referral register (referral.Store): one row a referral slip. The record is JSON in
-- body (jsonb on PostgreSQL); the columns are what the filters and the order need: the
-- village code (filtered by prefix), the resident, the kind and the referral date (ISO
-- text, '' for the zero date).
CREATE TABLE referrals (
	id {{key}} PRIMARY KEY,
	version BIGINT NOT NULL,
	village {{key}} NOT NULL,
	resident {{key}} NOT NULL,
	kind {{key}} NOT NULL,
	referred {{key}} NOT NULL,
	body TEXT NOT NULL
);
CREATE INDEX referrals_referred ON referrals (referred, id);
CREATE INDEX referrals_village ON referrals (village, referred);
CREATE INDEX referrals_resident ON referrals (resident);
