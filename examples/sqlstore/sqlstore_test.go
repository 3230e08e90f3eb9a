package sqlstore_test

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/gongwei-lib/gongwei/examples/sqlstore"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/healthrecord/recordtest"
)

// postgresEnv names the environment variable holding the DSN of a PostgreSQL database
// for the tests (.ci/run sets it). When it is unset the PostgreSQL tests skip; when it
// is set they fail if the server cannot be reached.
const postgresEnv = "GONGWEI_TEST_POSTGRES"

// sqliteStores returns a function opening a fresh database in a new file under t's
// temporary directory for each call: the newStore of a conformance suite. Domain
// suites use it as sqliteStores(t) with their accessor, e.g. db.HealthRecord().
func sqliteStores(t *testing.T) func() *sqlstore.DB {
	t.Helper()
	dir := t.TempDir()
	var n atomic.Int64
	return func() *sqlstore.DB {
		path := filepath.Join(dir, fmt.Sprintf("store%d.db", n.Add(1)))
		return open(t, "sqlite:"+path)
	}
}

// postgresStores returns a function opening the PostgreSQL database of postgresEnv in a
// fresh schema (dropped when t ends) for each call. It skips t when postgresEnv is
// unset, and fails t when it is set but the server cannot be reached.
func postgresStores(t *testing.T) func() *sqlstore.DB {
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
	return func() *sqlstore.DB {
		schema := fmt.Sprintf("%s_%d", prefix, n.Add(1))
		if _, err := admin.ExecContext(ctx, `CREATE SCHEMA "`+schema+`"`); err != nil {
			t.Errorf("create schema: %v", err)
			return nil
		}
		t.Cleanup(func() {
			if _, err := admin.ExecContext(context.Background(), `DROP SCHEMA "`+schema+`" CASCADE`); err != nil {
				t.Errorf("drop schema: %v", err)
			}
		})
		u, err := url.Parse(dsn)
		if err != nil {
			t.Errorf("%s is not a URL", postgresEnv)
			return nil
		}
		q := u.Query()
		q.Set("search_path", schema)
		u.RawQuery = q.Encode()
		return open(t, u.String())
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

// healthRecords adapts a DB opener to the newStore of recordtest.TestStore.
func healthRecords(newDB func() *sqlstore.DB) func() healthrecord.Store {
	return func() healthrecord.Store {
		db := newDB()
		if db == nil {
			return nil
		}
		return db.HealthRecord()
	}
}

func TestHealthRecordSQLite(t *testing.T) {
	recordtest.TestStore(t, healthRecords(sqliteStores(t)))
}

func TestHealthRecordPostgres(t *testing.T) {
	recordtest.TestStore(t, healthRecords(postgresStores(t)))
}
