package loadstate

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/gongwei-lib/gongwei/examples/sqlstore"
	"github.com/gongwei-lib/gongwei/internal/synth"
)

// Session is a database held by one run of an example: locked for the whole run, and,
// once [Session.Load] has returned without an error, holding a completed load of Config.
type Session struct {
	// DB is the open database.
	DB *sqlstore.DB
	// Config is the configuration on file (Reuse) or to load (Load).
	Config synth.Config
	// Action is Reuse when the database holds a completed load of Config, Load when it
	// must be loaded (it was new, or its unfinished load was removed).
	Action Action
	// Held is the number of residents on file when the session opened.
	Held int

	name    string
	file    string // the SQLite file, "" on PostgreSQL
	label   string // how messages name the database
	msg     io.Writer
	release func() error
}

// Open locks the database of dsn (an sqlstore DSN: sqlite:PATH, file:PATH or
// postgres://...) for example name, opens it and decides what to do with it (Decide):
//
//   - a completed load of want (want.Residents = 0: of any size) is reused;
//   - a new database is to be loaded with want (want.Residents = 0: defaultResidents);
//   - an unfinished load is removed, on SQLite by removing the file, and the database is
//     to be loaded from scratch; on PostgreSQL, where removing is the owner's decision,
//     Open fails with a message asking to empty the database;
//   - a completed load of another configuration is refused: Open fails with Mismatch.
//
// While another process holds the lock (a lock file beside the SQLite file; an advisory
// lock in the PostgreSQL database), Open waits, saying so on msg, which gets every
// message about loading (nil: none). Close the session when the run is done.
func Open(ctx context.Context, dsn, name string, want synth.Config, defaultResidents int, msg io.Writer) (*Session, error) {
	if msg == nil {
		msg = io.Discard
	}
	s := &Session{name: name, msg: msg, file: sqliteFile(dsn)}
	s.label = "the database"
	if s.file != "" {
		s.label = filepath.Base(s.file)
	}
	waiting := func() { fmt.Fprintf(msg, "waiting for another process using %s to finish...\n", s.label) }
	if s.file != "" {
		release, err := Lock(ctx, s.file, waiting)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		s.release = release
	}
	for attempt := 0; ; attempt++ {
		db, err := sqlstore.Open(ctx, dsn)
		if err != nil {
			s.Close()
			return nil, err
		}
		s.DB = db
		ldb := DB{SQL: db.SQL(), Dialect: db.Dialect()}
		if s.file == "" && s.release == nil {
			release, err := LockDB(ctx, ldb, name, waiting)
			if err != nil {
				s.Close()
				return nil, fmt.Errorf("%s: %w", name, err)
			}
			s.release = release
		}
		st, err := Read(ctx, ldb, name)
		if err == nil {
			err = db.SQL().QueryRowContext(ctx, "SELECT count(*) FROM residents").Scan(&s.Held)
		}
		if err != nil {
			s.Close()
			return nil, fmt.Errorf("%s: read the load record: %w", name, err)
		}
		action, cfg := Decide(st, s.Held > 0, want, defaultResidents)
		if action == Reload && attempt > 0 {
			action = Load // the file was just removed: never loop
		}
		s.Action, s.Config = action, cfg
		switch action {
		case Refuse:
			s.Close()
			return nil, Mismatch(name, s.label, st.Config, cfg)
		case Reload:
			if s.file == "" {
				s.Close()
				return nil, fmt.Errorf("%s: %s holds a load that did not finish (%d residents on file): empty the database (drop its tables) and run again",
					name, s.label, s.Held)
			}
			fmt.Fprintf(msg, "%s holds a load that did not finish (%d residents on file): removing it and loading again from scratch\n", s.label, s.Held)
			if err := s.DB.Close(); err != nil {
				s.DB = nil
				s.Close()
				return nil, err
			}
			s.DB = nil
			if err := removeSQLite(s.file); err != nil {
				s.Close()
				return nil, fmt.Errorf("%s: %w", name, err)
			}
			continue
		}
		return s, nil
	}
}

// Load runs load, which writes the whole load of s.Config, between the record that the
// load began and, last, the record that it completed; it does nothing when the session
// reuses a completed load. When load fails, the load stays unfinished on file, and the
// next run loads again.
func (s *Session) Load(ctx context.Context, load func(ctx context.Context) error) error {
	if s.Action == Reuse {
		return nil
	}
	ldb := DB{SQL: s.DB.SQL(), Dialect: s.DB.Dialect()}
	fmt.Fprintf(s.msg, "loading %d residents into %s\n", s.Config.Residents, s.label)
	err := Begin(ctx, ldb, s.name, s.Config)
	if err == nil {
		err = load(ctx)
	}
	if err == nil {
		err = Complete(ctx, ldb, s.name, s.Config)
	}
	if err != nil {
		return fmt.Errorf("%s: the load did not finish (the next run loads again): %w", s.name, err)
	}
	return nil
}

// Close closes the database and releases the lock.
func (s *Session) Close() error {
	var errs []error
	if s.DB != nil {
		errs = append(errs, s.DB.Close())
		s.DB = nil
	}
	if s.release != nil {
		errs = append(errs, s.release())
		s.release = nil
	}
	return errors.Join(errs...)
}

// sqliteFile returns the file of an SQLite DSN (sqlite:PATH, sqlite://PATH,
// file:PATH?...), or "" for another DSN.
func sqliteFile(dsn string) string {
	var path string
	switch {
	case strings.HasPrefix(dsn, "sqlite:"):
		path = strings.TrimPrefix(strings.TrimPrefix(dsn, "sqlite:"), "//")
	case strings.HasPrefix(dsn, "file:"):
		path = strings.TrimPrefix(dsn, "file:")
	default:
		return ""
	}
	path, _, _ = strings.Cut(path, "?")
	return path
}

// removeSQLite removes the SQLite database file path and its companion files.
func removeSQLite(path string) error {
	for _, f := range []string{path, path + "-wal", path + "-shm", path + "-journal"} {
		if err := os.Remove(f); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("remove the unfinished database: %w", err)
		}
	}
	return nil
}
