package loadstate

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
)

// LockDB takes, on PostgreSQL, the lock of example name's load in the database itself: a
// session advisory lock (pg_advisory_lock) held by a connection of its own, so that it
// keeps processes on other hosts off too. While another session holds it, LockDB calls
// waiting once and waits until it is released or ctx is done. The server releases it
// when the session ends, however the process ends. On SQLite use [Lock], on the file.
func LockDB(ctx context.Context, db DB, name string, waiting func()) (release func() error, err error) {
	if db.Dialect != "postgres" {
		return nil, errors.New("loadstate: LockDB is for PostgreSQL; lock an SQLite file with Lock")
	}
	h := fnv.New64a()
	h.Write([]byte("gongwei example load " + name))
	key := int64(h.Sum64())
	conn, err := db.SQL.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("loadstate: lock: %w", err)
	}
	err = poll(ctx, waiting, func() (got bool, err error) {
		err = conn.QueryRowContext(ctx, `SELECT pg_try_advisory_lock($1)`, key).Scan(&got)
		return got, err
	})
	if err != nil {
		conn.Close()
		return nil, fmt.Errorf("loadstate: lock: %w", err)
	}
	return releaser(func() error {
		_, err := conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock($1)`, key)
		return err
	}, conn), nil
}
