package loadstate

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei/healthrecord/recordtest"
	"github.com/gongwei-lib/gongwei/internal/synth"
)

// putResidents stores n residents: what a load writes.
func putResidents(t *testing.T, s *Session, n int) {
	t.Helper()
	for i := 1; i <= n; i++ {
		r := recordtest.Resident(i)
		r.Version = 1
		require.NoError(t, s.DB.HealthRecord().PutResident(context.Background(), r, 0))
	}
}

// TestSessionSQLite follows an SQLite file through its runs: new, loaded, reused, refused
// for another size, and an unfinished load removed and loaded again.
func TestSessionSQLite(t *testing.T) {
	ctx := context.Background()
	file := filepath.Join(t.TempDir(), "s.db")
	dsn := "sqlite:" + file
	var msg bytes.Buffer

	s, err := Open(ctx, dsn, "township", township, 3000, &msg)
	require.NoError(t, err)
	assert.Equal(t, Load, s.Action)
	assert.Equal(t, township, s.Config)
	require.NoError(t, s.Load(ctx, func(context.Context) error { putResidents(t, s, 3); return nil }))
	assert.Equal(t, "loading 400 residents into s.db\n", msg.String())
	require.NoError(t, s.Close())

	// Reused, of any size when none is asked for; nothing loaded again.
	msg.Reset()
	s, err = Open(ctx, dsn, "township", with(township, 0), 3000, &msg)
	require.NoError(t, err)
	assert.Equal(t, Reuse, s.Action)
	assert.Equal(t, township, s.Config)
	assert.Equal(t, 3, s.Held)
	require.NoError(t, s.Load(ctx, func(context.Context) error { t.Error("a completed load loaded again"); return nil }))
	require.NoError(t, s.Close())
	assert.Empty(t, msg.String())

	// Another size: refused.
	_, err = Open(ctx, dsn, "township", with(township, 500), 3000, &msg)
	assert.ErrorContains(t, err, "township: s.db holds a completed load of another configuration: residents 400 (asked for 500)")

	// A load that fails stays unfinished: the next run removes it and loads from scratch.
	s, err = Open(ctx, "sqlite:"+filepath.Join(t.TempDir(), "u.db"), "township", township, 3000, nil)
	require.NoError(t, err)
	boom := errors.New("boom")
	err = s.Load(ctx, func(context.Context) error { putResidents(t, s, 2); return boom })
	assert.ErrorIs(t, err, boom)
	assert.ErrorContains(t, err, "the load did not finish (the next run loads again)")
	require.NoError(t, s.Close())
	msg.Reset()
	s, err = Open(ctx, "sqlite:"+filepath.Join(filepath.Dir(s.file), "u.db"), "township", township, 3000, &msg)
	require.NoError(t, err)
	assert.Equal(t, Load, s.Action)
	assert.Equal(t, 0, s.Held, "the unfinished file was removed")
	assert.Equal(t, "u.db holds a load that did not finish (2 residents on file): removing it and loading again from scratch\n", msg.String())
	require.NoError(t, s.Close())
}

// TestSessionPostgres: on PostgreSQL an unfinished load is not removed but reported, and
// the session holds the advisory lock.
func TestSessionPostgres(t *testing.T) {
	dsn := os.Getenv(postgresEnv)
	if dsn == "" {
		t.Logf("%s is not set: sessions tested on SQLite only", postgresEnv)
		return
	}
	ctx := context.Background()
	pg := postgresDB(t, dsn) // a fresh schema
	var schema string
	require.NoError(t, pg.SQL.QueryRowContext(ctx, "SELECT current_schema()").Scan(&schema))
	sep := "?"
	if strings.Contains(dsn, "?") {
		sep = "&"
	}
	dsn += sep + "search_path=" + schema
	name := "county-" + schema

	s, err := Open(ctx, dsn, name, synth.DefaultConfig(100), 3000, nil)
	require.NoError(t, err)
	assert.Equal(t, Load, s.Action)
	_, err = LockDB(shortContext(t), DB{SQL: pg.SQL, Dialect: "postgres"}, name, nil)
	assert.ErrorIs(t, err, context.DeadlineExceeded, "the session holds the lock")
	require.Error(t, s.Load(ctx, func(context.Context) error { putResidents(t, s, 1); return errors.New("killed") }))
	require.NoError(t, s.Close())

	_, err = Open(ctx, dsn, name, synth.DefaultConfig(100), 3000, nil)
	assert.ErrorContains(t, err, "the database holds a load that did not finish (1 residents on file): empty the database (drop its tables) and run again")
}

func shortContext(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	t.Cleanup(cancel)
	return ctx
}

func TestSQLiteFile(t *testing.T) {
	for dsn, want := range map[string]string{
		"sqlite:a.db": "a.db", "sqlite://a.db": "a.db", "sqlite:///var/a.db?_txlock=deferred": "/var/a.db",
		"file:a.db?mode=rwc": "a.db", "postgres://u@h/db": "",
	} {
		assert.Equal(t, want, sqliteFile(dsn), dsn)
	}
}
