// Package loadstate makes the examples' loads finish or say so. An example that loads a
// synthetic county or township (internal/synth) into a database records in that same
// database, in a table of its own (example_load), which generator configuration it began
// to load, and, as the very last write of the load, that the load completed. The next run
// reads that record and decides ([Decide]): a completed load of the configuration asked
// for is reused; an unfinished one (the process was killed, or failed) is loaded again
// from scratch, since the generator's records are written in many transactions and a
// partial chunk cannot be told from a whole one; a completed load of another
// configuration is refused with a message saying what is on file. A lock ([Lock], a
// sidecar lock file; [LockDB] on PostgreSQL) keeps a second process off a database that
// another one is loading: it waits, then finds the load complete. So an example never
// reports from partial data.
//
// The township and county examples share it. It is not API.
package loadstate

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/gongwei-lib/gongwei/internal/synth"
)

// Table is the table of the load records: one row per example (name), with the
// generator configuration as JSON, whether the load completed, and when it started and
// finished (RFC 3339, UTC).
const Table = "example_load"

const createTable = `CREATE TABLE IF NOT EXISTS ` + Table + ` (
	name     TEXT PRIMARY KEY,
	config   TEXT NOT NULL,
	complete INTEGER NOT NULL,
	started  TEXT NOT NULL,
	finished TEXT NOT NULL
)`

// State is what a database records of an example's load.
type State struct {
	// Found: a load was begun (Begin ran).
	Found bool
	// Config is the generator configuration the load was begun with.
	Config synth.Config
	// Complete: the load finished (Complete ran).
	Complete bool
}

// DB is the database an example loads into: a *sql.DB and its engine, "sqlite" or
// "postgres" (as sqlstore.DB's SQL and Dialect methods give them).
type DB struct {
	SQL     *sql.DB
	Dialect string
}

// q rewrites the ? placeholders of query for the engine.
func (db DB) q(query string) string {
	if db.Dialect != "postgres" {
		return query
	}
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			fmt.Fprintf(&b, "$%d", n)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Read returns the state of the load of example name, creating the table if absent.
func Read(ctx context.Context, db DB, name string) (State, error) {
	if _, err := db.SQL.ExecContext(ctx, createTable); err != nil {
		return State{}, fmt.Errorf("loadstate: create %s: %w", Table, err)
	}
	var st State
	var config string
	var complete int64
	err := db.SQL.QueryRowContext(ctx, db.q(`SELECT config, complete FROM `+Table+` WHERE name = ?`), name).Scan(&config, &complete)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return State{}, nil
	case err != nil:
		return State{}, fmt.Errorf("loadstate: read %s: %w", Table, err)
	}
	var rec loadRecord
	if err := json.Unmarshal([]byte(config), &rec); err != nil || rec.Edition != synth.Edition {
		// A configuration this code cannot read, or a load by another edition of the
		// generator (whose records differ): treat the load as unfinished.
		return State{Found: true}, nil
	}
	st.Found, st.Config, st.Complete = true, rec.Config, complete == 1
	return st, nil
}

// loadRecord is what the config column holds: the generator's configuration and its
// edition (synth.Edition).
type loadRecord struct {
	Edition int
	synth.Config
}

// recordOf is the config column of a load of cfg by this generator.
func recordOf(cfg synth.Config) ([]byte, error) {
	return json.Marshal(loadRecord{Edition: synth.Edition, Config: cfg})
}

// Begin records that a load of cfg by example name begins, not complete, replacing any
// earlier record. Call it before the first record of the load is written.
func Begin(ctx context.Context, db DB, name string, cfg synth.Config) error {
	if _, err := db.SQL.ExecContext(ctx, createTable); err != nil {
		return fmt.Errorf("loadstate: create %s: %w", Table, err)
	}
	config, err := recordOf(cfg)
	if err != nil {
		return err
	}
	_, err = db.SQL.ExecContext(ctx, db.q(`INSERT INTO `+Table+` (name, config, complete, started, finished) VALUES (?, ?, 0, ?, '')
		ON CONFLICT (name) DO UPDATE SET config = excluded.config, complete = 0, started = excluded.started, finished = ''`),
		name, string(config), now())
	if err != nil {
		return fmt.Errorf("loadstate: begin: %w", err)
	}
	return nil
}

// Complete records that the load of cfg by example name completed. Call it last, after
// every record of the load is written (and committed).
func Complete(ctx context.Context, db DB, name string, cfg synth.Config) error {
	config, err := recordOf(cfg)
	if err != nil {
		return err
	}
	res, err := db.SQL.ExecContext(ctx, db.q(`UPDATE `+Table+` SET complete = 1, finished = ? WHERE name = ? AND config = ?`),
		now(), name, string(config))
	if err != nil {
		return fmt.Errorf("loadstate: complete: %w", err)
	}
	if n, err := res.RowsAffected(); err == nil && n != 1 {
		return fmt.Errorf("loadstate: complete: no load of this configuration was begun")
	}
	return nil
}

func now() string { return time.Now().UTC().Format(time.RFC3339) }

// Action is what a run does with the database it is given.
type Action int

const (
	// Load: the database holds no load; load it.
	Load Action = iota
	// Reuse: it holds a completed load of the configuration asked for; report from it.
	Reuse
	// Reload: it holds an unfinished load (or records without a load record, from an
	// older version of the example); start afresh from an empty database.
	Reload
	// Refuse: it holds a completed load of another configuration; say so and stop.
	Refuse
)

// String names the action.
func (a Action) String() string {
	switch a {
	case Load:
		return "load"
	case Reuse:
		return "reuse"
	case Reload:
		return "reload"
	case Refuse:
		return "refuse"
	}
	return fmt.Sprintf("Action(%d)", int(a))
}

// Decide returns what to do with a database in state st that holds records (any
// residents at all) or not, when the configuration want is asked for, and the
// configuration to load or report. want.Residents = 0 asks for whatever a completed load
// holds (the residents flag was not given), and for defaultResidents when loading.
func Decide(st State, records bool, want synth.Config, defaultResidents int) (Action, synth.Config) {
	if st.Complete {
		if want.Residents == 0 {
			want.Residents = st.Config.Residents
		}
		if st.Config == want {
			return Reuse, want
		}
		return Refuse, want
	}
	if want.Residents == 0 {
		want.Residents = defaultResidents
	}
	if st.Found || records {
		return Reload, want
	}
	return Load, want
}

// Mismatch is the error of a Refuse: file holds a completed load of have, not want. Its
// message names the settings that differ and what to do.
func Mismatch(example, file string, have, want synth.Config) error {
	var diff []string
	add := func(what string, h, w any) {
		if h != w {
			diff = append(diff, fmt.Sprintf("%s %v (asked for %v)", what, h, w))
		}
	}
	add("residents", have.Residents, want.Residents)
	add("seed", have.Seed, want.Seed)
	add("county", have.County, want.County)
	add("townships", have.Townships, want.Townships)
	add("villages per township", have.VillagesPerTownship, want.VillagesPerTownship)
	add("year", have.Year, want.Year)
	return fmt.Errorf("%s: %s holds a completed load of another configuration: %s; run with -residents %d to report from it, or use another database (or remove this one) to load anew",
		example, file, strings.Join(diff, ", "), have.Residents)
}
