// Package sqlstore is the reference SQL store of gongwei: one database/sql implementation
// of the domain packages' Store interfaces, on SQLite (embedded, through the pure-Go
// driver modernc.org/sqlite: no cgo, a file on disk) and on PostgreSQL (through
// github.com/jackc/pgx/v5/stdlib), chosen by the DSN given to [Open]:
//
//	db, err := sqlstore.Open(ctx, "sqlite:township.db")           // a file, created if absent
//	db, err := sqlstore.Open(ctx, "postgres://user@localhost/gw") // a PostgreSQL database
//	records := db.HealthRecord()                                  // a healthrecord.Store
//	reg := healthrecord.New(records, healthrecord.Options{})
//
// [Open] brings the schema up to date (see Migrations below), so a fresh file or an
// empty database is ready for use, and opening an existing one again reuses its data.
//
// # Domains
//
// Each domain package's Store is served by a method of DB returning a store type of
// its own, over the tables of its migration directory; all share one connection pool,
// and each passes its package's conformance suite on both engines:
//
//   - [DB.HealthRecord]: healthrecord.Store (residents, households, checkups, contracts, the service timeline)
//   - [DB.Chronic]: chronic.Store (patients managed for a chronic disease, their follow-up visits)
//   - [DB.Maternal]: maternal.Store (pregnancies, with their prenatal, delivery and postpartum records)
//   - [DB.Child]: child.Store (child health records of children aged 0-6, their visits)
//   - [DB.Immunization]: immunization.Store (registrations, vaccinations)
//   - [DB.Supervision]: supervision.Store (supervised units, inspections, complaints, reports)
//   - [DB.Education]: education.Store (health education activities)
//
// # Storage
//
// Each record type is one table. A row holds the columns the Store's lookups, filters,
// orderings and unique keys need (the record's ID, its version, the archive and ID
// numbers, the resident, the dates) and the whole record as JSON in a body column
// (jsonb on PostgreSQL, text on SQLite; see Reading the tables). Bodies are decoded
// straight from the bytes the driver scanned, with github.com/goccy/go-json where it
// gives the values encoding/json gives (valid UTF-8; encoding/json decides a body it
// rejects), two to three times faster: decoding is most of what reading costs. The
// store never reads the body but to return it, so the national forms' hundreds of fields
// need no columns of their own, a round trip returns every field exactly, and the schema
// changes only when a query needs a new column. Dates are stored as ISO text
// (YYYY-MM-DD), which compares and sorts as dates on every engine; the zero date is the
// empty text and sorts first. Key columns compare bytewise (COLLATE "C" on PostgreSQL),
// so streams come out in the same order as from the in-memory store whatever the
// database's locale. Absent unique keys (a child with no ID number) are stored as empty
// text and excluded from the unique indexes by partial indexes. The service timeline,
// the most numerous rows, has a single index: unique on (resident, kind, reference),
// an event without a reference counting as NULL there (distinct from every other). It
// also finds a resident's events, which are put in their order (date, then appending
// order) after they are found.
//
// # Computing from the database
//
// The per-resident stores ([DB.HealthRecord], [DB.Chronic], [DB.Maternal], [DB.Child],
// [DB.Immunization]) also implement indicators.SubjectSource ([DB.Subjects]), so
// indicators.Compute over them reads a jurisdiction in one pass instead of one query
// per resident and record kind: one query per table, each ordered by resident and served
// by an index (residents by ID; checkups, contracts, service events, chronic patients,
// pregnancies, child records and vaccinations by their resident column; chronic and
// child visits joined to their patient or child; the households by their head, an index
// on the head in the body), read and decoded on a goroutine per table and merged on the
// resident. Memory does not grow with the jurisdiction: a few batches of rows per table
// are held at a time. Supervision and education are read through their stores. For the
// indicators' rules alone (indicators.CountedSubjectSource, [DB.CountedSubjects]) the
// service events and vaccinations are decoded only in the fields the rules read, and
// the residents are not decoded at all: what the rules read of a resident (its dates,
// household, residence type, closure and stored outcome with the edition of the rules)
// is in columns of the residents table, written with the body by every put, and read
// from an index holding them all.
//
// # Reading the tables
//
// The tables are documented in their migrations (migrations/<domain>/*.sql); every
// record is in its table's body column as the JSON of its Go type (field names as in
// the Go documentation, dates as "YYYY-MM-DD", codes as their text). On PostgreSQL the
// body is jsonb, so an analyst can query any field:
//
//	SELECT body->'Info'->>'Residence', count(*) FROM residents GROUP BY 1;
//	SELECT count(*) FROM chronic_visits WHERE (body->'Hypertension'->>'Systolic')::int >= 140;
//	SELECT count(*) FROM residents WHERE body @> '{"Electronic": true}';
//
// On SQLite the body is JSON text, read with json_extract(body, '$.Info.Residence').
// The columns beside the body (IDs, versions, the archive and ID numbers, villages,
// dates, and on the residents what the indicators' rules read of them) are what the
// store's queries filter, order on and count; a host may read them, and
// must change the tables only through the stores.
//
// # Contract
//
// Every method honours the contracts documented on the Store interfaces and passes their
// conformance suites (recordtest.TestStore, chronictest.TestStore,
// maternaltest.TestStore, childtest.TestStore, ...) on both engines:
//
//   - SQL is written once, with ? placeholders, in the portable subset both engines
//     share (INSERT ... ON CONFLICT DO NOTHING, partial unique indexes, LIMIT); the
//     dialect rewrites the placeholders ($1, $2, ... on PostgreSQL) and fills the few
//     type names that differ (see the {{...}} macros of the migrations).
//   - A put runs in a transaction: "INSERT ... ON CONFLICT DO NOTHING" when prev is 0
//     and "UPDATE ... WHERE id = ? AND version = ?" otherwise. An insert that writes no
//     row is looked up: its ID stored means a conflict (gongwei.ErrConflict, for every
//     Store), another record holding one of its unique keys gongwei.ErrDuplicate; a
//     unique-index violation of an update is gongwei.ErrDuplicate too. An insert never
//     raises an error for a taken key, so it never aborts a batch's transaction on
//     PostgreSQL. Side tables (a resident's tags) are rewritten in the same transaction. On SQLite every transaction begins IMMEDIATE;
//     the writers of one DB take turns before they begin (waiting for their turn up to a
//     minute, or until their context ends), and a writer of another process is waited
//     for up to a minute (busy_timeout); the database runs in WAL mode, so
//     readers never wait for writers, and is read through a memory map of the file
//     (mmap_size; see [Open]). Bodies are read as BLOBs, which the driver copies once
//     instead of twice.
//   - Streams return iter.Seq2 over open rows: one record is decoded at a time, and
//     breaking out of the loop closes the rows and returns the connection to the pool.
//     The store may be written from inside the loop (the write uses another connection).
//   - Every call takes its context to the database; a cancelled context fails with an
//     error wrapping the context's error.
//   - Errors name the operation and wrap the gongwei sentinels, never a value: values
//     are always bound parameters, and the driver's message of a unique violation
//     (PostgreSQL's detail repeats the key) is replaced by gongwei.ErrDuplicate. DSNs
//     (which may hold a password) are never repeated either.
//
// # Batches
//
// Every domain store implements gongwei.Batcher through [DB.Batch]: the writes and reads
// made with the context a batch gives, through any domain store of the DB, run in one
// transaction, committed when the batch's function returns nil. The services' Import
// methods and internal/synth's county loads write a chunk of residents with all their
// records, of every domain, as one batch. Statements are prepared once per DB and bound
// to each transaction once; the SQLite settings above still hold (a batch begins
// IMMEDIATE after its turn among the DB's writers, so parallel loads into one file take
// turns by chunk, and the WAL starts again from its beginning between them). A batch inside a batch joins it. Streams inside a batch
// read their rows before yielding. The service events of a resident the batch itself
// inserted are kept in the batch and written when it commits (or before the batch reads
// the timeline), 100 rows per INSERT, with the results of writing them one by one: a
// repeat fails with gongwei.ErrDuplicate at once (timeline_batch.go). On PostgreSQL this
// saves a round trip per event. With DB.DeferWrites on, the resident's other records
// (checkups, contracts, tags, chronic registrations and follow-ups, pregnancies, child
// records and visits, vaccinations) are kept and written the same way, up to 128 rows
// per INSERT; reads of the batch see them. A key of a kept row found taken only at the end (a record stored
// before its resident) then fails the batch as a whole, and the next batch writes at
// once (deferred.go): off by default, so that each bad record of an import is reported.
//
// # Migrations
//
// The schema lives in embedded .sql files, one directory per domain package:
// migrations/<domain>/NNNN_description.sql, numbered from 0001 without gaps. The table
// schema_version records, per domain, every version applied and when. [Open] applies the
// missing versions of every domain in order, each version in its own transaction
// together with its schema_version row, under a lock (PostgreSQL's advisory lock, SQLite's
// writer lock), so two processes opening one database at once apply each version once.
// A database holding a version this code does not know is refused rather than
// written. Statements in a file are separated by a semicolon at the end of a line; the
// macros {{key}} (text compared bytewise: a key, a code, an ISO date) and {{serial}} (an
// auto-incrementing integer primary key) are replaced per engine, and a statement
// beginning with {{sqlite}} or {{postgres}} runs on that engine only (0002 turns the
// PostgreSQL bodies into jsonb with ALTER TABLE ... TYPE jsonb USING body::jsonb, so
// an existing database is upgraded in place on its next Open).
//
// # Adding a domain
//
// The health record is the first domain; every other domain package (chronic, maternal,
// child, immunization, supervision, education, ...) is added the same way, without
// touching the existing files:
//
//  1. migrations/<domain>/0001_init.sql: the domain's tables, with the columns its
//     Store's filters and keys need and a body column (see healthrecord's file). Later
//     changes are 0002_..., never edits of an applied file.
//  2. <domain>.go: a type <Domain>Store embedding store (which holds the *DB and gives
//     the Batch method), a method of DB returning it (db.HealthRecord(), db.Chronic(),
//     ...), and the Store methods, each one call to the table's descriptor: newRecords
//     names the table, its record, its indexed columns and how a record gives their
//     values; its get, put (versioned, joining the batch the context carries) and
//     stream (over a query its filters build) run the same queries for every table.
//     Separate store types per domain keep method names of different domains from
//     colliding.
//  3. <domain>_test.go: run the domain's conformance suite on both engines with the
//     test helpers sqliteStores and postgresStores (see sqlstore_test.go).
package sqlstore
