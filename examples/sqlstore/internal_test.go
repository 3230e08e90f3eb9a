package sqlstore

import (
	"errors"
	"maps"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/gongwei-lib/gongwei"
)

func TestParseDSN(t *testing.T) {
	defaults := "_pragma=busy_timeout%2860000%29&_pragma=journal_mode%28WAL%29&_pragma=synchronous%28NORMAL%29&_txlock=immediate&_pragma=mmap_size%282147418112%29"
	for _, c := range []struct {
		dsn, dialect, driverDSN string
	}{
		{"sqlite:township.db", "sqlite", "township.db?" + defaults},
		{"sqlite://township.db", "sqlite", "township.db?" + defaults},
		{"sqlite:///var/lib/gw.db", "sqlite", "/var/lib/gw.db?" + defaults},
		{"file:gw.db?mode=rwc", "sqlite", "file:gw.db?mode=rwc&" + defaults},
		// Settings of the DSN win over the defaults.
		{"sqlite:gw.db?_txlock=deferred&_pragma=journal_mode(DELETE)", "sqlite",
			"gw.db?_txlock=deferred&_pragma=journal_mode(DELETE)&_pragma=busy_timeout%2860000%29&_pragma=synchronous%28NORMAL%29&_pragma=mmap_size%282147418112%29"},
		// A host that prefers an error to a signal on an I/O error turns the memory map off.
		{"sqlite:gw.db?_pragma=mmap_size(0)", "sqlite",
			"gw.db?_pragma=mmap_size(0)&_pragma=busy_timeout%2860000%29&_pragma=journal_mode%28WAL%29&_pragma=synchronous%28NORMAL%29&_txlock=immediate"},
		{"postgres://u:p@localhost/gw?sslmode=disable", "postgres", "postgres://u:p@localhost/gw?sslmode=disable"},
		{"postgresql://localhost/gw", "postgres", "postgresql://localhost/gw"},
	} {
		d, got, err := parseDSN(c.dsn)
		if err != nil {
			t.Errorf("parseDSN(%q): %v", c.dsn, err)
			continue
		}
		if d.name != c.dialect || got != c.driverDSN {
			t.Errorf("parseDSN(%q) = %s %q, want %s %q", c.dsn, d.name, got, c.dialect, c.driverDSN)
		}
	}
}

func TestParseDSNInvalid(t *testing.T) {
	for _, dsn := range []string{"", "gw.db", "mysql://root:s3cret@host/db", "sqlite:", "sqlite:?x=1", "file:", "sqlite:gw.db?%zz", "SQLITE:gw.db"} {
		_, _, err := parseDSN(dsn)
		if !errors.Is(err, gongwei.ErrInvalid) {
			t.Errorf("parseDSN(%q) = %v, want an error wrapping gongwei.ErrInvalid", dsn, err)
			continue
		}
		if len(dsn) > 8 && strings.Contains(err.Error(), dsn) || strings.Contains(err.Error(), "s3cret") {
			t.Errorf("parseDSN(%q): error %q repeats the DSN", dsn, err)
		}
	}
}

// FuzzParseDSN: no panic, and an error never repeats the DSN (which may hold a password):
// every error is one of the fixed texts parseDSN makes, whatever the DSN. (A DSN such as
// "postgres" may well occur inside a fixed text, which names the accepted schemes; that
// is no leak.)
func FuzzParseDSN(f *testing.F) {
	for _, s := range []string{"sqlite:a.db", "file:a.db?mode=ro", "postgres://u:pw@h/db", "sqlite:a?%", "mysql://u:secretpw@h",
		"postgres", "sqlite", "sqlite:", "sqlite:?x", "file:", "file:?a", "file:a?%", "postgresql:/", ""} {
		f.Add(s)
	}
	fixed := map[string]bool{}
	for _, bad := range []string{"mysql://u:pw@h", "sqlite:", "sqlite:a?%", "file:", "file:a?%"} {
		_, _, err := parseDSN(bad)
		if err == nil {
			f.Fatalf("parseDSN(%q) accepted a bad DSN", bad)
		}
		fixed[err.Error()] = true
	}
	f.Fuzz(func(t *testing.T, dsn string) {
		d, out, err := parseDSN(dsn)
		if err != nil {
			if !fixed[err.Error()] {
				t.Errorf("error %q is not one of the fixed texts %q: it may repeat the DSN", err, slices.Sorted(maps.Keys(fixed)))
			}
			if !errors.Is(err, gongwei.ErrInvalid) {
				t.Errorf("error %q does not wrap gongwei.ErrInvalid", err)
			}
			return
		}
		if d == nil || out == "" {
			t.Fatalf("parseDSN(%q) = %v, %q without an error", dsn, d, out)
		}
		if d == sqlite {
			_, q, _ := strings.Cut(out, "?")
			if _, err := url.ParseQuery(q); err != nil {
				t.Errorf("driver DSN %q has a malformed query", out)
			}
		}
	})
}

func TestRebind(t *testing.T) {
	q := "SELECT body FROM t WHERE a = ? AND b = '?' AND \"c?\" = ? -- why?\nAND d IN (?, ?)"
	if got := sqlite.rebind(q); got != q {
		t.Errorf("sqlite rebind changed the query: %q", got)
	}
	want := "SELECT body FROM t WHERE a = $1 AND b = '?' AND \"c?\" = $2 -- why?\nAND d IN ($3, $4)"
	if got := postgres.rebind(q); got != want {
		t.Errorf("postgres rebind:\ngot  %q\nwant %q", got, want)
	}
	for _, tbl := range []*table{residents.table, checkups.table, contracts.table, households.table} {
		if got := postgres.rebind(tbl.update); strings.Contains(got, "?") {
			t.Errorf("%s update keeps a ?: %q", tbl.name, got)
		}
	}
}

// FuzzRebind: no panic; SQLite's query is unchanged; PostgreSQL's has as many numbered
// placeholders as the input has question marks outside quotes and comments, and only
// those characters change.
func FuzzRebind(f *testing.F) {
	for _, s := range []string{"a = ? AND b = ?", "'?' ?", "\"?\" -- ?\n?", "'unclosed ?", "-- ?", "??", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		if got := sqlite.rebind(q); got != q {
			t.Fatalf("sqlite rebind changed %q", q)
		}
		got := postgres.rebind(q)
		if !strings.Contains(q, "?") && got != q {
			t.Fatalf("rebind of %q without placeholders changed it to %q", q, got)
		}
		n := strings.Count(q, "?") - strings.Count(got, "?")
		if n < 0 {
			t.Fatalf("rebind added question marks: %q -> %q", q, got)
		}
		if n > 0 && !strings.Contains(got, "$"+strconv.Itoa(n)) {
			t.Errorf("%d placeholders rewritten but no $%d in %q", n, n, got)
		}
	})
}

func TestPrefixRange(t *testing.T) {
	for _, c := range []struct{ p, lo, hi string }{
		{"110105", "110105", "110106"},
		{"110109", "110109", "11010:"}, // ':' follows '9'
		{"9", "9", ":"},
	} {
		lo, hi, ok := prefixRange(c.p)
		if !ok || lo != c.lo || hi != c.hi {
			t.Errorf("prefixRange(%q) = %q, %q, %v; want %q, %q", c.p, lo, hi, ok, c.lo, c.hi)
		}
		// Every digit string with the prefix lies in [lo, hi); the next prefix does not.
		for _, s := range []string{c.p, c.p + "0", c.p + "99999999999"} {
			if s < lo || s >= hi {
				t.Errorf("%q outside [%q, %q)", s, lo, hi)
			}
		}
	}
	for _, p := range []string{"11a", "1 ", "１"} {
		if _, _, ok := prefixRange(p); ok {
			t.Errorf("prefixRange(%q) accepted a non-digit prefix", p)
		}
	}
}

func TestStatements(t *testing.T) {
	src := "-- comment ; here\nCREATE TABLE a (\n\tk {{key}} PRIMARY KEY,\n\ts {{serial}}\n);\n\nCREATE INDEX a_k ON a (k) WHERE k <> '';\n"
	got, err := postgres.statements(src)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"CREATE TABLE a (\n\tk TEXT COLLATE \"C\" PRIMARY KEY,\n\ts BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY\n);",
		"CREATE INDEX a_k ON a (k) WHERE k <> '';",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("statements:\ngot  %q\nwant %q", got, want)
	}
	for _, bad := range []string{"CREATE TABLE a (k {{nope}});", "CREATE TABLE a (k {{key);", "CREATE TABLE a (k TEXT)"} {
		if _, err := sqlite.statements(bad); err == nil {
			t.Errorf("statements(%q): no error", bad)
		}
	}
}

func TestLoadMigrations(t *testing.T) {
	ok := fstest.MapFS{
		"migrations/b/0001_init.sql":  {Data: []byte("CREATE TABLE b (x TEXT);")},
		"migrations/a/0002_more.sql":  {Data: []byte("CREATE TABLE a2 (x TEXT);")},
		"migrations/a/0001_init.sql":  {Data: []byte("CREATE TABLE a1 (x TEXT);")},
		"migrations/a/0003_again.sql": {Data: []byte("CREATE TABLE a3 (x TEXT);")},
	}
	ds, err := loadMigrations(ok)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, ms := range ds {
		for _, m := range ms {
			got = append(got, m.domain+"/"+m.name)
		}
	}
	if want := "a/0001_init.sql a/0002_more.sql a/0003_again.sql b/0001_init.sql"; strings.Join(got, " ") != want {
		t.Errorf("order %v, want %s", got, want)
	}
	for name, fsys := range map[string]fstest.MapFS{
		"gap":       {"migrations/a/0001_x.sql": {}, "migrations/a/0003_y.sql": {}},
		"repeat":    {"migrations/a/0001_x.sql": {}, "migrations/a/0001_y.sql": {}},
		"from 2":    {"migrations/a/0002_x.sql": {}},
		"bad name":  {"migrations/a/1_x.sql": {}},
		"not .sql":  {"migrations/a/0001_x.txt": {}},
		"loose":     {"migrations/0001_x.sql": {}},
		"no number": {"migrations/a/init.sql": {}},
	} {
		if _, err := loadMigrations(fsys); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	// The embedded migrations load and every statement passes the macro expansion.
	ds, err = loadMigrations(migrationFS)
	if err != nil {
		t.Fatal(err)
	}
	for _, ms := range ds {
		for _, m := range ms {
			for _, d := range []*dialect{sqlite, postgres} {
				if _, err := d.statements(m.sql); err != nil {
					t.Errorf("%s/%s on %s: %v", m.domain, m.name, d.name, err)
				}
			}
		}
	}
}

func TestRawBodies(t *testing.T) {
	for _, c := range []struct {
		d       *dialect
		q, want string
	}{
		{sqlite, "SELECT body FROM residents WHERE id = ?", "SELECT CAST(body AS BLOB) FROM residents WHERE id = ?"},
		{sqlite, "SELECT archive FROM residents", "SELECT archive FROM residents"},
		{sqlite, "SELECT 1 FROM residents WHERE id = ?", "SELECT 1 FROM residents WHERE id = ?"},
		{postgres, "SELECT body FROM residents WHERE id = ?", "SELECT body FROM residents WHERE id = ?"},
	} {
		if got := c.d.rawBodies(c.q); got != c.want {
			t.Errorf("%s: rawBodies(%q) = %q, want %q", c.d.name, c.q, got, c.want)
		}
	}
}
