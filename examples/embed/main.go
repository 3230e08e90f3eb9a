// Command embed shows gongwei embedded in an existing hospital information system (HIS):
// the hospital's own patient table — its column names, its code values — is adapted to
// the library through healthrecord.ResidentStore (his.go), without copying the patients
// into the library's schema. The records the HIS has no table for (checkups, contracts,
// the service timeline) go to the reference SQL store's tables in the same database file.
//
//	go run ./examples/embed                 # a temporary database
//	go run ./examples/embed -db his.db      # keep the file
//
// It opens the HIS database (SQLite here, standing in for the hospital's server), creates
// the HIS's patient table with the patients a HIS would already hold if it is empty, and
// then does what a township health centre's HIS does with the library: look a patient up
// by ID number as typed at the desk (full-width digits), file a health record for each
// patient of the catchment area (allocating archive numbers, written back into the HIS
// row), record an elderly checkup, and compute the record indicators.
//
// The adapter passes the health-record store conformance suite (main_test.go), which is
// how a HIS vendor proves its own adapter.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/examples/sqlstore"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/indicators"
	"github.com/gongwei-lib/gongwei/internal/recordfix"
)

func main() {
	path := flag.String("db", "", "SQLite database file (default: a temporary file)")
	flag.Parse()
	if *path == "" {
		dir, err := os.MkdirTemp("", "gongwei-embed")
		if err != nil {
			log.Fatal(err)
		}
		defer os.RemoveAll(dir)
		*path = filepath.Join(dir, "his.db")
	}
	if err := run(context.Background(), os.Stdout, *path); err != nil {
		log.Fatal(err)
	}
}

// hisStore is the library's healthrecord.Store for the HIS: residents are the HIS's
// patient rows; the rest is the reference SQL store's tables.
type hisStore struct {
	healthrecord.ResidentStore
	healthrecord.HouseholdStore
	healthrecord.CheckupStore
	healthrecord.ContractStore
	healthrecord.TimelineStore
}

// openStore opens the database at path, creates the HIS table if absent and returns the
// composed store.
func openStore(ctx context.Context, path string) (*sqlstore.DB, healthrecord.Store, error) {
	db, err := sqlstore.Open(ctx, "sqlite:"+path)
	if err != nil {
		return nil, nil, err
	}
	if _, err := db.SQL().ExecContext(ctx, hisSchema); err != nil {
		db.Close()
		return nil, nil, err
	}
	lib := db.HealthRecord()
	return db, hisStore{&hisResidents{db.SQL()}, lib, lib, lib, lib}, nil
}

// village is the catchment village of the demo township health centre.
const village healthrecord.Village = "110105001101"

// seedHIS inserts the patients the HIS holds before the integration, as the HIS itself
// writes them (its own sex words, 8-digit dates), when the table is empty.
func seedHIS(ctx context.Context, db *sqlstore.DB) error {
	var n int
	if err := db.SQL().QueryRowContext(ctx, "SELECT COUNT(*) FROM his_patient").Scan(&n); err != nil || n > 0 {
		return err
	}
	patients := []struct {
		brid, xm, xb string
		birth        gongwei.Date
		seq          int
	}{
		{"ZY0001", "王桂兰", "女", gongwei.MustDate(1951, 4, 12), 2},
		{"ZY0002", "李德福", "男", gongwei.MustDate(1956, 9, 3), 1},
		{"MZ1043", "张建国", "男", gongwei.MustDate(1972, 1, 20), 3},
		{"MZ1077", "刘淑珍", "女", gongwei.MustDate(1958, 11, 30), 4},
		{"MZ2210", "陈小明", "男", gongwei.MustDate(1990, 6, 8), 5},
	}
	for _, p := range patients {
		id, err := healthrecord.NewIDNumber("110105", p.birth, p.seq)
		if err != nil {
			return err
		}
		_, err = db.SQL().ExecContext(ctx, `INSERT INTO his_patient (brid, xm, xb, csrq, sfzh, lxdh, jtzz) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			p.brid, p.xm, p.xb, fmt.Sprintf("%04d%02d%02d", p.birth.Year(), int(p.birth.Month()), p.birth.Day()),
			id.String(), "13900001111", "北京市朝阳区幸福村")
		if err != nil {
			return err
		}
	}
	return nil
}

func run(ctx context.Context, out io.Writer, path string) error {
	db, store, err := openStore(ctx, path)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := seedHIS(ctx, db); err != nil {
		return err
	}
	reg := healthrecord.New(store, healthrecord.Options{})
	year := gongwei.Year(2025)
	// Every write names its actor: the HIS passes the signed-in staff member of the
	// township health centre, who acts within the township.
	ctx = gongwei.WithActor(ctx, gongwei.Actor{Staff: "HIS0001", Institution: string(village[:9]), Within: gongwei.Division(village[:9])})

	// 1. At the desk: the ID number as typed through a Chinese input method.
	first, err := reg.Resident(ctx, "ZY0001")
	if err != nil {
		return err
	}
	typed := toFullWidth(first.IDNumber.String())
	found, err := reg.LookUp(ctx, typed)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "look-up by full-width ID number: HIS patient %s, %s, born %s\n", found.ID, found.Sex, found.BirthDate)

	// 2. File a health record for every HIS patient without one: the form's items the
	// HIS lacks are filled in by the doctor (here from the fixture form).
	filed := 0
	var residents []*healthrecord.Resident
	for r, err := range reg.Residents(ctx, healthrecord.ResidentFilter{}) {
		if err != nil {
			return err
		}
		residents = append(residents, r)
	}
	for _, r := range residents {
		if !r.Archive.IsZero() {
			continue
		}
		form := recordfix.Resident(1).Info
		form.Phone = r.Info.Phone
		form.Illnesses = []healthrecord.PastIllness{{Disease: healthrecord.DiseaseNone}}
		form.Operations = healthrecord.ProcedureHistory{Flag: healthrecord.HistoryNone}
		form.Injuries = healthrecord.ProcedureHistory{Flag: healthrecord.HistoryNone}
		form.Transfusions = healthrecord.ProcedureHistory{Flag: healthrecord.HistoryNone}
		form.Residence, form.LivingSince = healthrecord.ResidenceRegistered, gongwei.Date{}
		form.Updated = gongwei.MustDate(2025, 3, 1)
		r.Info = form
		r.Created = gongwei.MustDate(2025, 3, 1)
		r.Electronic = true
		if err := reg.Register(ctx, village, r); err != nil {
			return fmt.Errorf("file record of %s: %w", r.ID, err)
		}
		filed++
	}
	fmt.Fprintf(out, "health records filed for %d HIS patients in village %s\n", filed, village)

	// The archive numbers are now in the HIS's own table.
	rows, err := db.SQL().QueryContext(ctx, "SELECT brid, gw_dabh FROM his_patient ORDER BY brid")
	if err != nil {
		return err
	}
	for rows.Next() {
		var brid, dabh string
		if err := rows.Scan(&brid, &dabh); err != nil {
			rows.Close()
			return err
		}
		fmt.Fprintf(out, "  his_patient %s  gw_dabh %s\n", brid, dabh)
	}
	rows.Close()

	// 3. The elderly patients' checkups of the year (once: a second run finds them).
	for _, id := range []healthrecord.ResidentID{"ZY0001", "ZY0002"} {
		r, err := reg.Resident(ctx, id)
		if err != nil {
			return err
		}
		c := recordfix.Checkup(r, gongwei.MustDate(2025, 6, 10))
		if _, err := reg.Checkup(ctx, c.ID); err == nil {
			continue
		}
		if err := reg.SaveCheckup(ctx, c); err != nil {
			return fmt.Errorf("checkup of %s: %w", id, err)
		}
	}

	// 4. The indicators, straight from the HIS rows.
	tally := indicators.NewTally(16)
	if err := indicators.RecordIndicators(ctx, store, string(village), year, tally); err != nil {
		return err
	}
	unit := indicators.Unit(village)
	for _, code := range []indicators.Code{"record.electronic", "elderly.management"} {
		r, _ := tally.Rate(code, unit, year)
		ind, _ := indicators.Lookup(code)
		fmt.Fprintf(out, "%s %s: %d/%d = %s\n", unit, ind.Name.ZhHans, r.Numerator, r.Denominator, r)
	}
	return nil
}

// toFullWidth returns s in full-width digits and letters, as typed in a Chinese IME.
func toFullWidth(s string) string {
	b := make([]rune, 0, len(s))
	for _, c := range s {
		if c >= '!' && c <= '~' {
			c += 0xFEE0
		}
		b = append(b, c)
	}
	return string(b)
}
