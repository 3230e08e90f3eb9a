-- The service timeline keeps one index instead of two: every event is one table row
-- and one index entry. The uniqueness of (resident, kind, ref) for events with a
-- reference moves to an index over every event, where an event without a reference
-- counts as NULL (distinct from every other), and the same index, led by the resident,
-- serves the reads by resident: a resident's few events are put in (date, seq) order
-- after they are found. The index of that order goes. Repeated runs change nothing.
DROP INDEX IF EXISTS service_events_order;
CREATE UNIQUE INDEX IF NOT EXISTS service_events_resident ON service_events (resident, kind, (NULLIF(ref, '')));
DROP INDEX IF EXISTS service_events_ref;
