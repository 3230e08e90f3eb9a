-- The one-pass read of the subjects (DB.Subjects) reads the slips in resident order,
-- each resident's by referral date, then ID: this index serves it without a sort.
CREATE INDEX IF NOT EXISTS referrals_resident_scan ON referrals (resident, referred, id);
