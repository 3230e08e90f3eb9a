package sqlstore

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"
)

// migrationFS holds the schema: migrations/<domain>/NNNN_description.sql.
//
//go:embed migrations
var migrationFS embed.FS

// migration is one versioned schema change of one domain.
type migration struct {
	domain  string
	version int
	name    string // the file name, recorded in schema_version
	sql     string
}

// loadMigrations reads every domain's migrations from fsys (a directory "migrations"
// holding one directory per domain), sorted by domain, then version. Versions must be
// numbered from 1 without gaps or repeats.
func loadMigrations(fsys fs.FS) ([][]migration, error) {
	domains, err := fs.ReadDir(fsys, "migrations")
	if err != nil {
		return nil, fmt.Errorf("sqlstore: migrations: %w", err)
	}
	var out [][]migration
	for _, d := range domains {
		if !d.IsDir() {
			return nil, fmt.Errorf("sqlstore: migrations: %s is not a domain directory", d.Name())
		}
		files, err := fs.ReadDir(fsys, path.Join("migrations", d.Name()))
		if err != nil {
			return nil, fmt.Errorf("sqlstore: migrations: %w", err)
		}
		var ms []migration
		for _, f := range files {
			num, _, ok := strings.Cut(f.Name(), "_")
			v, err := strconv.Atoi(num)
			if f.IsDir() || !ok || err != nil || len(num) != 4 || v < 1 || !strings.HasSuffix(f.Name(), ".sql") {
				return nil, fmt.Errorf("sqlstore: migrations: %s/%s is not named NNNN_description.sql", d.Name(), f.Name())
			}
			b, err := fs.ReadFile(fsys, path.Join("migrations", d.Name(), f.Name()))
			if err != nil {
				return nil, fmt.Errorf("sqlstore: migrations: %w", err)
			}
			ms = append(ms, migration{domain: d.Name(), version: v, name: f.Name(), sql: string(b)})
		}
		sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
		for i, m := range ms {
			if m.version != i+1 {
				return nil, fmt.Errorf("sqlstore: migrations: %s: version %d where %d was expected (numbered from 1, no gaps or repeats)", m.domain, m.version, i+1)
			}
		}
		if len(ms) > 0 {
			out = append(out, ms)
		}
	}
	return out, nil
}

// statements splits a migration into statements, at semicolons ending a line, keeps
// those of d's engine (a statement beginning with {{sqlite}} or {{postgres}} runs on
// that engine only) and replaces the {{macros}} of d. Comment lines (--) are dropped.
func (d *dialect) statements(src string) ([]string, error) {
	var out []string
	var cur strings.Builder
	for _, line := range strings.Split(src, "\n") {
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "--") {
			continue
		}
		cur.WriteString(line)
		cur.WriteByte('\n')
		if strings.HasSuffix(t, ";") {
			out = append(out, strings.TrimSpace(cur.String()))
			cur.Reset()
		}
	}
	if strings.TrimSpace(cur.String()) != "" {
		return nil, fmt.Errorf("statement not ended by a semicolon at the end of a line")
	}
	kept := out[:0]
	for _, s := range out {
		// A statement tagged {{sqlite}} or {{postgres}} runs on that engine only.
		if engine, rest, ok := engineTag(s); ok {
			if engine != d.name {
				continue
			}
			s = rest
		}
		kept = append(kept, s)
	}
	out = kept
	for i, s := range out {
		for {
			a := strings.Index(s, "{{")
			if a < 0 {
				break
			}
			b := strings.Index(s[a:], "}}")
			if b < 0 {
				return nil, fmt.Errorf("unclosed {{ macro")
			}
			name := s[a+2 : a+b]
			v, ok := d.macros[name]
			if !ok {
				return nil, fmt.Errorf("unknown macro {{%s}}", name)
			}
			s = s[:a] + v + s[a+b+2:]
		}
		out[i] = s
	}
	return out, nil
}

// engineTag returns the engine of a statement that begins with {{sqlite}} or
// {{postgres}}, and the statement without the tag.
func engineTag(s string) (engine, rest string, ok bool) {
	for _, e := range []string{"sqlite", "postgres"} {
		if r, found := strings.CutPrefix(s, "{{"+e+"}}"); found {
			return e, strings.TrimSpace(r), true
		}
	}
	return "", s, false
}

// createVersions is the table of applied migrations.
const createVersions = `CREATE TABLE IF NOT EXISTS schema_version (
	domain {{key}} NOT NULL,
	version INTEGER NOT NULL,
	name TEXT NOT NULL,
	applied TEXT NOT NULL,
	PRIMARY KEY (domain, version)
);`

// migrate applies to db every migration of fsys not applied yet, each version in its
// own transaction with its schema_version row.
func (db *DB) migrate(ctx context.Context, fsys fs.FS) error {
	domains, err := loadMigrations(fsys)
	if err != nil {
		return err
	}
	create, err := db.d.statements(createVersions)
	if err != nil {
		return fmt.Errorf("sqlstore: migrate: %w", err)
	}
	// Concurrent CREATE TABLE IF NOT EXISTS can race on PostgreSQL: take the lock.
	if err := db.inTx(ctx, "migrate", func(tx *sql.Tx) error {
		return db.execAll(ctx, tx, "migrate", append(db.lockStatements(), create...))
	}); err != nil {
		return err
	}
	for _, ms := range domains {
		for _, m := range ms {
			if err := db.apply(ctx, m, len(ms)); err != nil {
				return err
			}
		}
	}
	return nil
}

func (db *DB) lockStatements() []string {
	if db.d.lock == "" {
		return nil
	}
	return []string{db.d.lock}
}

func (db *DB) execAll(ctx context.Context, tx *sql.Tx, op string, stmts []string) error {
	for _, s := range stmts {
		if _, err := tx.ExecContext(ctx, s); err != nil {
			return db.fail(ctx, op, err)
		}
	}
	return nil
}

// apply applies m unless it is applied already, under the migration lock. known is
// the highest version of m's domain this code knows: a database holding a higher one
// was written by newer code, and is refused.
func (db *DB) apply(ctx context.Context, m migration, known int) error {
	op := fmt.Sprintf("migrate %s to version %d", m.domain, m.version)
	stmts, err := db.d.statements(m.sql)
	if err != nil {
		return fmt.Errorf("sqlstore: %s (%s): %w", op, m.name, err)
	}
	return db.inTx(ctx, op, func(tx *sql.Tx) error {
		if err := db.execAll(ctx, tx, op, db.lockStatements()); err != nil {
			return err
		}
		var current int
		err := tx.QueryRowContext(ctx, db.d.rebind("SELECT COALESCE(MAX(version), 0) FROM schema_version WHERE domain = ?"), m.domain).Scan(&current)
		if err != nil {
			return db.fail(ctx, op, err)
		}
		if current > known {
			return fmt.Errorf("sqlstore: %s: the database holds version %d, newer than this code knows (%d)", op, current, known)
		}
		if current >= m.version {
			return nil
		}
		if err := db.execAll(ctx, tx, op, stmts); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, db.d.rebind("INSERT INTO schema_version (domain, version, name, applied) VALUES (?, ?, ?, ?)"),
			m.domain, m.version, m.name, time.Now().UTC().Format(time.RFC3339))
		if err != nil {
			return db.fail(ctx, op, err)
		}
		return nil
	})
}

// SchemaVersion returns the highest schema version of domain (a directory of the
// migrations, such as "healthrecord") applied to the database, or 0 when none is.
func (db *DB) SchemaVersion(ctx context.Context, domain string) (int, error) {
	var v int
	err := db.sql.QueryRowContext(ctx, db.d.rebind("SELECT COALESCE(MAX(version), 0) FROM schema_version WHERE domain = ?"), domain).Scan(&v)
	if err != nil {
		return 0, db.fail(ctx, "schema version", err)
	}
	return v, nil
}
