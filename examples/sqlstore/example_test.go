package sqlstore_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/examples/sqlstore"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/healthrecord/recordtest"
)

// openExample opens an SQLite file in a new temporary directory, as ExampleOpen does,
// and returns the context to use and done, which closes the database and removes the
// directory. When it cannot, it prints the error and returns a nil database.
func openExample() (context.Context, *sqlstore.DB, func()) {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "sqlstore-example")
	if err != nil {
		fmt.Println(err)
		return ctx, nil, nil
	}
	db, err := sqlstore.Open(ctx, "sqlite:"+filepath.Join(dir, "township.db"))
	if err != nil {
		fmt.Println(err)
		os.RemoveAll(dir)
		return ctx, nil, nil
	}
	return ctx, db, func() { db.Close(); os.RemoveAll(dir) }
}

// Open an SQLite file (created and migrated on first use), store residents through the
// health record's store and stream a village back in archive-number order.
func ExampleOpen() {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "sqlstore-example")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)

	db, err := sqlstore.Open(ctx, "sqlite:"+filepath.Join(dir, "township.db"))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer db.Close()
	v, _ := db.SchemaVersion(ctx, "healthrecord")
	fmt.Println(db.Dialect(), "healthrecord schema version", v)

	records := db.HealthRecord()
	for i := 1; i <= 3; i++ {
		r := recordtest.Resident(i)
		r.Version = 1
		if err := records.PutResident(ctx, r, 0); err != nil {
			fmt.Println(err)
		}
	}
	// A second insert of the same resident is a version conflict.
	err = records.PutResident(ctx, recordtest.Resident(1), 0)
	fmt.Println(errors.Is(err, gongwei.ErrConflict), err)

	for r, err := range records.Residents(ctx, healthrecord.ResidentFilter{Prefix: "110105001101"}) {
		if err != nil {
			fmt.Println(err)
			break
		}
		fmt.Println(r.Archive, r.Version)
	}
	// Output:
	// sqlite healthrecord schema version 4
	// true sqlstore: put resident: stored version is not 0: gongwei: version conflict
	// 11010500110100002 1
	// 11010500110100003 1
	// 11010500110100004 1
}
