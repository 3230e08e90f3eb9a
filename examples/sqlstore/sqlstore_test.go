package sqlstore_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gongwei-lib/gongwei"

	"github.com/gongwei-lib/gongwei/examples/sqlstore"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/healthrecord/recordtest"
	"github.com/gongwei-lib/gongwei/internal/storetest"
)

// postgresEnv names the environment variable holding the DSN of a PostgreSQL database
// for the tests (.ci/run sets it). When it is unset the PostgreSQL tests skip; when it
// is set they fail if the server cannot be reached.
const postgresEnv = "GONGWEI_TEST_POSTGRES"

// sqliteStores returns a function opening a fresh database in a new file under t's
// temporary directory for each call: the newStore of a conformance suite. Domain
// suites use it as sqliteStores(t) with their accessor, e.g. db.HealthRecord().
func sqliteStores(t *testing.T) func() *sqlstore.DB { return opener(t, sqliteDSNs(t)) }

// postgresStores returns a function opening the PostgreSQL database of postgresEnv in a
// fresh schema (dropped when t ends) for each call. It skips t when postgresEnv is
// unset, and fails t when it is set but the server cannot be reached.
func postgresStores(t *testing.T) func() *sqlstore.DB { return opener(t, postgresDSNs(t)) }

// opener opens the DSN of each call of dsns.
func opener(t *testing.T, dsns func() string) func() *sqlstore.DB {
	return func() *sqlstore.DB {
		dsn := dsns()
		if dsn == "" {
			return nil
		}
		return open(t, dsn)
	}
}

// sqliteDSNs returns a function giving the DSN of a new file under t's temporary
// directory on each call.
func sqliteDSNs(t *testing.T) func() string {
	t.Helper()
	dir := t.TempDir()
	var n atomic.Int64
	return func() string {
		return "sqlite:" + filepath.Join(dir, fmt.Sprintf("store%d.db", n.Add(1)))
	}
}

// postgresDSNs returns a function giving, on each call, the DSN of the PostgreSQL
// database of postgresEnv with a fresh schema as its search path (dropped when t
// ends), or "" after reporting a failure. It skips t when postgresEnv is unset and
// fails t when the server cannot be reached.
func postgresDSNs(t *testing.T) func() string {
	t.Helper()
	dsn := os.Getenv(postgresEnv)
	if dsn == "" {
		t.Skipf("%s is not set: PostgreSQL tests skipped (.ci/run sets it)", postgresEnv)
	}
	ctx := context.Background()
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatalf("PostgreSQL from %s: %v", postgresEnv, err)
	}
	t.Cleanup(func() { admin.Close() })
	if err := admin.PingContext(ctx); err != nil {
		t.Fatalf("PostgreSQL from %s is unreachable: %v", postgresEnv, err)
	}
	var n atomic.Int64
	prefix := fmt.Sprintf("gw_test_%d_%s", os.Getpid(), strings.ToLower(strings.NewReplacer("/", "_", "-", "_").Replace(t.Name())))
	if len(prefix) > 50 {
		prefix = prefix[:50]
	}
	return func() string {
		schema := fmt.Sprintf("%s_%d", prefix, n.Add(1))
		if _, err := admin.ExecContext(ctx, `CREATE SCHEMA "`+schema+`"`); err != nil {
			t.Errorf("create schema: %v", err)
			return ""
		}
		t.Cleanup(func() {
			if _, err := admin.ExecContext(context.Background(), `DROP SCHEMA "`+schema+`" CASCADE`); err != nil {
				t.Errorf("drop schema: %v", err)
			}
		})
		u, err := url.Parse(dsn)
		if err != nil {
			t.Errorf("%s is not a URL", postgresEnv)
			return ""
		}
		q := u.Query()
		q.Set("search_path", schema)
		u.RawQuery = q.Encode()
		return u.String()
	}
}

// open opens dsn and closes it when t ends. It reports a failure with t.Errorf (it may
// run on a subtest's goroutine) and returns nil, which the suites report as fatal.
func open(t *testing.T, dsn string) *sqlstore.DB {
	db, err := sqlstore.Open(context.Background(), dsn)
	if err != nil {
		t.Errorf("Open: %v", err)
		return nil
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// freshDB opens the fresh database of the next DSN of dsns, closed when t ends, or
// stops t (the DSN is empty when the engine is not available; a failure to open is
// reported by open).
func freshDB(t *testing.T, dsns func() string) *sqlstore.DB {
	t.Helper()
	dsn := dsns()
	if dsn == "" {
		t.FailNow()
	}
	return mustOpen(t, dsn)
}

// mustOpen is open that stops t when dsn does not open (reported by open).
func mustOpen(t *testing.T, dsn string) *sqlstore.DB {
	t.Helper()
	db := open(t, dsn)
	if db == nil {
		t.FailNow()
	}
	return db
}

// engineStores runs f on every engine (see engines) with the store of returns for a
// fresh database and a background context.
func engineStores[S any](t *testing.T, of func(*sqlstore.DB) S, f func(t *testing.T, ctx context.Context, s S)) {
	engines(t, func(t *testing.T, dsns func() string) {
		f(t, context.Background(), of(freshDB(t, dsns)))
	})
}

// sqliteDB opens a fresh SQLite file under tb's temporary directory, closed when tb
// ends.
func sqliteDB(tb testing.TB) (*sqlstore.DB, error) {
	db, err := sqlstore.Open(context.Background(), "sqlite:"+filepath.Join(tb.TempDir(), "bench.db"))
	if err != nil {
		return nil, err
	}
	tb.Cleanup(func() { db.Close() })
	return db, nil
}

// engines runs f on SQLite and, when postgresEnv is set, on PostgreSQL, with a function
// giving a fresh database's DSN on each call.
func engines(t *testing.T, f func(t *testing.T, dsns func() string)) {
	t.Run("sqlite", func(t *testing.T) { f(t, sqliteDSNs(t)) })
	t.Run("postgres", func(t *testing.T) { f(t, postgresDSNs(t)) })
}

func putResidents(t *testing.T, s healthrecord.Store, n int) {
	t.Helper()
	for i := 1; i <= n; i++ {
		r := recordtest.Resident(i)
		r.Version = 1
		if err := s.PutResident(context.Background(), r, 0); err != nil {
			t.Fatal(err)
		}
	}
}

// migrations returns the number of migrations of domain in migrations/: the schema
// version Open brings a database to.
func migrations(t *testing.T, domain string) int {
	t.Helper()
	files, err := os.ReadDir(filepath.Join("migrations", domain))
	if err != nil || len(files) == 0 {
		t.Fatalf("migrations of %s: %d files, %v", domain, len(files), err)
	}
	return len(files)
}

// TestReopen: opening a database again reuses its data and applies no migration twice.
func TestReopen(t *testing.T) {
	engines(t, func(t *testing.T, dsns func() string) {
		ctx := context.Background()
		dsn := dsns()
		db := mustOpen(t, dsn)
		putResidents(t, db.HealthRecord(), 3)
		db.Close()
		again := mustOpen(t, dsn)
		want := migrations(t, "healthrecord")
		if v, err := again.SchemaVersion(ctx, "healthrecord"); err != nil || v != want {
			t.Errorf("SchemaVersion = %d, %v; want %d", v, err, want)
		}
		var n int
		if err := again.SQL().QueryRowContext(ctx, "SELECT COUNT(*) FROM schema_version WHERE domain = 'healthrecord'").Scan(&n); err != nil || n != want {
			t.Errorf("schema_version holds %d rows (%v), want %d", n, err, want)
		}
		got, err := storetest.Collect(again.HealthRecord().Residents(ctx, healthrecord.ResidentFilter{}))
		if err != nil || len(got) != 3 {
			t.Errorf("after reopening: %d residents (%v), want 3", len(got), err)
		}
	})
}

// TestNewerSchemaRefused: a database migrated by newer code (a version this code does
// not know) is refused rather than written.
func TestNewerSchemaRefused(t *testing.T) {
	engines(t, func(t *testing.T, dsns func() string) {
		ctx := context.Background()
		dsn := dsns()
		db := mustOpen(t, dsn)
		next := migrations(t, "healthrecord") + 1
		q := fmt.Sprintf("INSERT INTO schema_version (domain, version, name, applied) VALUES ('healthrecord', %d, '%04d_future.sql', 'x')", next, next)
		if _, err := db.SQL().ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
		db.Close()
		if db, err := sqlstore.Open(ctx, dsn); err == nil {
			db.Close()
			t.Fatal("Open of a newer schema succeeded")
		} else if !strings.Contains(err.Error(), "newer") {
			t.Errorf("Open of a newer schema: %v", err)
		}
	})
}

// TestConcurrentOpen: processes opening a new database at once apply each migration
// once (the migration lock).
func TestConcurrentOpen(t *testing.T) {
	engines(t, func(t *testing.T, dsns func() string) {
		dsn := dsns()
		if dsn == "" {
			t.FailNow()
		}
		const n = 4
		dbs := make([]*sqlstore.DB, n)
		var wg sync.WaitGroup
		for i := range dbs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				dbs[i] = open(t, dsn)
			}()
		}
		wg.Wait()
		for _, db := range dbs {
			if db == nil {
				t.FailNow()
			}
		}
		var rows int
		want := migrations(t, "healthrecord")
		if err := dbs[0].SQL().QueryRow("SELECT COUNT(*) FROM schema_version WHERE domain = 'healthrecord'").Scan(&rows); err != nil || rows != want {
			t.Errorf("schema_version holds %d rows (%v), want %d", rows, err, want)
		}
	})
}

// TestStreamCancelled: a stream reads rows as it goes: cancelling the context after the
// first resident makes the stream yield the context's error once and stop, instead of
// the 199 others.
func TestStreamCancelled(t *testing.T) {
	engines(t, func(t *testing.T, dsns func() string) {
		db := freshDB(t, dsns)
		putResidents(t, db.HealthRecord(), 200)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		n, errs := 0, 0
		for r, err := range db.HealthRecord().Residents(ctx, healthrecord.ResidentFilter{}) {
			if err != nil {
				errs++
				if !errors.Is(err, context.Canceled) || r != nil {
					t.Errorf("yielded %v, %v; want nil and an error wrapping context.Canceled", r, err)
				}
				continue
			}
			n++
			cancel()
		}
		if n != 1 || errs != 1 {
			t.Errorf("after cancelling: %d residents and %d errors, want 1 and 1", n, errs)
		}
	})
}

func TestOpenInvalid(t *testing.T) {
	_, err := sqlstore.Open(context.Background(), "mysql://root:s3cret@localhost/gw")
	if !errors.Is(err, gongwei.ErrInvalid) || strings.Contains(err.Error(), "s3cret") {
		t.Errorf("Open(mysql DSN) = %v, want gongwei.ErrInvalid without the DSN", err)
	}
	// An unreachable server fails Open, without repeating the password.
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err = sqlstore.Open(ctx, "postgres://gw:s3cret@127.0.0.1:1/gw?sslmode=disable&connect_timeout=5")
	if err == nil || strings.Contains(err.Error(), "s3cret") {
		t.Errorf("Open(unreachable) = %v, want an error without the password", err)
	}
}
