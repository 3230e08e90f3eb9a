package loadstate

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei/examples/sqlstore"
	"github.com/gongwei-lib/gongwei/internal/synth"
)

// postgresEnv names the PostgreSQL database of the store's tests; the PostgreSQL cases
// run when it is set.
const postgresEnv = "GONGWEI_TEST_POSTGRES"

var township = synth.Config{Seed: 1, County: "410523", Townships: 1, VillagesPerTownship: 8, Residents: 400, Year: 2025}

func with(c synth.Config, residents int) synth.Config {
	c.Residents = residents
	return c
}

func TestDecide(t *testing.T) {
	done := State{Found: true, Config: township, Complete: true}
	for _, c := range []struct {
		name    string
		st      State
		records bool
		want    synth.Config
		action  Action
		cfg     synth.Config
	}{
		{"new file", State{}, false, township, Load, township},
		{"new file, no -residents: the default", State{}, false, with(township, 0), Load, with(township, 3000)},
		{"completed, same config", done, true, township, Reuse, township},
		{"completed, no -residents: the one on file", done, true, with(township, 0), Reuse, township},
		{"completed, other residents", done, true, with(township, 500), Refuse, with(township, 500)},
		{"completed, other seed", done, true, synth.Config{Seed: 2, County: "410523", Townships: 1, VillagesPerTownship: 8, Residents: 400, Year: 2025}, Refuse,
			synth.Config{Seed: 2, County: "410523", Townships: 1, VillagesPerTownship: 8, Residents: 400, Year: 2025}},
		{"begun, not completed", State{Found: true, Config: township}, true, township, Reload, township},
		{"begun, nothing written yet", State{Found: true, Config: township}, false, township, Reload, township},
		{"begun, not completed, no -residents", State{Found: true, Config: township}, true, with(township, 0), Reload, with(township, 3000)},
		{"records without a load record (an older version)", State{}, true, township, Reload, township},
	} {
		t.Run(c.name, func(t *testing.T) {
			action, cfg := Decide(c.st, c.records, c.want, 3000)
			assert.Equal(t, c.action, action)
			assert.Equal(t, c.cfg, cfg)
		})
	}
}

func TestMismatch(t *testing.T) {
	other := township
	other.Residents, other.Seed = 500, 7
	err := Mismatch("township", "t.db", township, other)
	assert.EqualError(t, err, "township: t.db holds a completed load of another configuration: residents 400 (asked for 500), seed 1 (asked for 7); "+
		"run with -residents 400 to report from it, or use another database (or remove this one) to load anew")
}

// engines returns the databases to test the load record on: a new SQLite file, and a
// fresh schema of the PostgreSQL database of postgresEnv when it is set.
func engines(t *testing.T) map[string]DB {
	t.Helper()
	ctx := context.Background()
	out := map[string]DB{}
	sq, err := sqlstore.Open(ctx, "sqlite:"+filepath.Join(t.TempDir(), "l.db"))
	require.NoError(t, err)
	t.Cleanup(func() { sq.Close() })
	out["sqlite"] = DB{SQL: sq.SQL(), Dialect: sq.Dialect()}
	if dsn := os.Getenv(postgresEnv); dsn != "" {
		out["postgres"] = postgresDB(t, dsn)
	} else {
		t.Logf("%s is not set: the load record is tested on SQLite only", postgresEnv)
	}
	return out
}

var schemas atomic.Int64

// postgresDB opens dsn with a fresh schema as its search path, dropped when t ends.
func postgresDB(t *testing.T, dsn string) DB {
	t.Helper()
	ctx := context.Background()
	admin, err := sql.Open("pgx", dsn)
	require.NoError(t, err)
	t.Cleanup(func() { admin.Close() })
	schema := fmt.Sprintf("loadstate_%d_%d", os.Getpid(), schemas.Add(1))
	_, err = admin.ExecContext(ctx, "CREATE SCHEMA "+schema)
	require.NoError(t, err, "PostgreSQL from %s", postgresEnv)
	t.Cleanup(func() { _, _ = admin.ExecContext(ctx, "DROP SCHEMA "+schema+" CASCADE") })
	sep := "?"
	if strings.Contains(dsn, "?") {
		sep = "&"
	}
	db, err := sqlstore.Open(ctx, dsn+sep+"search_path="+schema)
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	return DB{SQL: db.SQL(), Dialect: db.Dialect()}
}

// TestRecord: the load record reads back as written, on each engine.
func TestRecord(t *testing.T) {
	ctx := context.Background()
	for name, db := range engines(t) {
		t.Run(name, func(t *testing.T) {
			st, err := Read(ctx, db, "township")
			require.NoError(t, err)
			assert.Equal(t, State{}, st, "nothing on a new database")

			require.NoError(t, Begin(ctx, db, "township", township))
			st, err = Read(ctx, db, "township")
			require.NoError(t, err)
			assert.Equal(t, State{Found: true, Config: township}, st, "begun, not complete")
			st, err = Read(ctx, db, "county")
			require.NoError(t, err)
			assert.Equal(t, State{}, st, "one record per example")

			assert.Error(t, Complete(ctx, db, "township", with(township, 401)), "completing another configuration")
			require.NoError(t, Complete(ctx, db, "township", township))
			st, err = Read(ctx, db, "township")
			require.NoError(t, err)
			assert.Equal(t, State{Found: true, Config: township, Complete: true}, st)

			// A new load replaces the record, not complete until it completes.
			require.NoError(t, Begin(ctx, db, "township", with(township, 900)))
			st, err = Read(ctx, db, "township")
			require.NoError(t, err)
			assert.Equal(t, State{Found: true, Config: with(township, 900)}, st)
			var rows int
			require.NoError(t, db.SQL.QueryRowContext(ctx, "SELECT count(*) FROM "+Table).Scan(&rows))
			assert.Equal(t, 1, rows)
		})
	}
}

// TestEarlierEdition: a completed load written by an earlier edition of the generator
// (its records differ from today's) reads as unfinished, so the example loads again.
func TestEarlierEdition(t *testing.T) {
	ctx := context.Background()
	for name, db := range engines(t) {
		t.Run(name, func(t *testing.T) {
			require.NoError(t, Begin(ctx, db, "township", township))
			require.NoError(t, Complete(ctx, db, "township", township))
			old, err := json.Marshal(township) // the record as the first edition wrote it
			require.NoError(t, err)
			_, err = db.SQL.ExecContext(ctx, db.q("UPDATE "+Table+" SET config = ? WHERE name = ?"), string(old), "township")
			require.NoError(t, err)
			st, err := Read(ctx, db, "township")
			require.NoError(t, err)
			assert.Equal(t, State{Found: true}, st)
			action, _ := Decide(st, true, township, 400)
			assert.Equal(t, Reload, action)
		})
	}
}

// TestLock: a second holder waits, saying so once, until the first releases; a waiter
// whose context ends gives up.
func TestLock(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "t.db")
	release, err := Lock(ctx, path, func() { t.Error("the first holder waited") })
	require.NoError(t, err)
	assert.FileExists(t, LockFile(path))

	var waited atomic.Int64
	got := make(chan func() error)
	go func() {
		r, err := Lock(ctx, path, func() { waited.Add(1) })
		if err != nil {
			t.Error(err)
		}
		got <- r
	}()
	select {
	case <-got:
		t.Fatal("a second holder took the lock while the first held it")
	case <-time.After(300 * time.Millisecond):
	}
	assert.Equal(t, int64(1), waited.Load(), "waiting is said once")

	short, cancel := context.WithTimeout(ctx, 100*time.Millisecond)
	defer cancel()
	_, err = Lock(short, path, nil)
	assert.ErrorIs(t, err, context.DeadlineExceeded)

	require.NoError(t, release())
	select {
	case r := <-got:
		require.NotNil(t, r)
		require.NoError(t, r())
	case <-time.After(10 * time.Second):
		t.Fatal("the second holder did not get the lock after the first released it")
	}
}

// TestLockDB: on PostgreSQL a second session waits for the first's advisory lock.
func TestLockDB(t *testing.T) {
	ctx := context.Background()
	sq, err := sqlstore.Open(ctx, "sqlite:"+filepath.Join(t.TempDir(), "l.db"))
	require.NoError(t, err)
	defer sq.Close()
	_, err = LockDB(ctx, DB{SQL: sq.SQL(), Dialect: sq.Dialect()}, "county", nil)
	assert.Error(t, err, "LockDB on SQLite")

	dsn := os.Getenv(postgresEnv)
	if dsn == "" {
		t.Logf("%s is not set: LockDB tested on SQLite's refusal only", postgresEnv)
		return
	}
	a, b := postgresDB(t, dsn), postgresDB(t, dsn)
	name := fmt.Sprintf("test-%d", os.Getpid())
	release, err := LockDB(ctx, a, name, nil)
	require.NoError(t, err)
	short, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
	defer cancel()
	waited := false
	_, err = LockDB(short, b, name, func() { waited = true })
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.True(t, waited)
	require.NoError(t, release())
	release, err = LockDB(ctx, b, name, nil)
	require.NoError(t, err)
	require.NoError(t, release())
}

// TestHold: the test hook stops a load once it has loaded the residents it names.
func TestHold(t *testing.T) {
	var w bytes.Buffer
	t.Setenv(HoldEnv, "")
	require.NoError(t, Hold(context.Background(), &w, 1000))
	t.Setenv(HoldEnv, "200")
	require.NoError(t, Hold(context.Background(), &w, 100), "below the count")
	assert.Empty(t, w.String())
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- Hold(ctx, &w, 200) }()
	select {
	case err := <-done:
		t.Fatalf("Hold returned (%v) at the count", err)
	case <-time.After(100 * time.Millisecond):
	}
	cancel()
	assert.True(t, errors.Is(<-done, context.Canceled))
	assert.Equal(t, HeldMessage+" 200 residents ("+HoldEnv+")\n", w.String())
}

func TestActionString(t *testing.T) {
	for a, want := range map[Action]string{Load: "load", Reuse: "reuse", Reload: "reload", Refuse: "refuse", Action(9): "Action(9)"} {
		assert.Equal(t, want, a.String())
	}
}
