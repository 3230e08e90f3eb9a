// Package womenshealthtest checks implementations of [womenshealth.Store] against the
// store contract (TestStore) and provides fixtures that build valid records.
//
// Typical usage inside a store implementation's test:
//
//	func TestConformance(t *testing.T) {
//		womenshealthtest.TestStore(t, func(t *testing.T) womenshealth.Store { return mystore.Open(t) })
//		womenshealthtest.TestPremaritalStore(t, func(t *testing.T) womenshealth.PremaritalStore { return mystore.Open(t) })
//	}
package womenshealthtest

import (
	"testing"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/internal/storetest"
	"github.com/gongwei-lib/gongwei/womenshealth"
)

// Codes used by the fixtures: a township, two of its villages and another township's.
const (
	Township                          = "110101001"
	Village      healthrecord.Village = "110101001001"
	OtherVillage healthrecord.Village = "110101001002"
	OtherTown    healthrecord.Village = "110101002001"
)

// Screening returns a valid 两癌 check on d of a woman of village v aged 45, both
// screens normal.
func Screening(id womenshealth.ID, v healthrecord.Village, d gongwei.Date) *womenshealth.Screening {
	return &womenshealth.Screening{ID: id, Resident: healthrecord.ResidentID("W-" + string(id)), Village: v,
		Birth: d.AddYears(-45), Date: d, Cervical: womenshealth.Normal, Breast: womenshealth.Normal}
}

// Report returns a valid birth-defect report of a child of village v born on d,
// reported 3 days later.
func Report(id womenshealth.ID, v healthrecord.Village, d gongwei.Date) *womenshealth.Report {
	return &womenshealth.Report{ID: id, Village: v, Kind: womenshealth.BirthDefect, Birth: d, Event: d, Reported: d.AddDays(3)}
}

// Premarital returns a valid marriage registration on d of a man of village v aged 26,
// checked 10 days before.
func Premarital(id womenshealth.ID, v healthrecord.Village, d gongwei.Date) *womenshealth.Premarital {
	return &womenshealth.Premarital{ID: id, Village: v, Sex: gongwei.Male, Birth: d.AddYears(-26), Registered: d, Checked: d.AddDays(-10)}
}

// TestPremaritalStore checks that an implementation of womenshealth.PremaritalStore
// meets every clause of the store contract, each case a subtest on a fresh store from
// newStore. Run it with -race.
func TestPremaritalStore(t *testing.T, newStore func(t *testing.T) womenshealth.PremaritalStore) {
	t.Helper()
	storetest.RunDated(t, storetest.Dated[womenshealth.PremaritalStore, womenshealth.ID, womenshealth.Filter, *womenshealth.Premarital]{
		Make: func(id womenshealth.ID, c string, d gongwei.Date) *womenshealth.Premarital {
			return Premarital(id, healthrecord.Village(c), d)
		},
		ID:      func(m *womenshealth.Premarital) womenshealth.ID { return m.ID },
		Version: func(m *womenshealth.Premarital) *int64 { return &m.Version },
		Change:  func(m *womenshealth.Premarital, n int) { m.Checked = m.Registered.AddDays(-n - 20) },
		Get:     womenshealth.PremaritalStore.Premarital,
		Put:     womenshealth.PremaritalStore.PutPremarital,
		Stream:  womenshealth.PremaritalStore.Premaritals,
		Filter:  filter,
		Codes:   [3]string{string(Village), string(OtherVillage), string(OtherTown)}, Prefix: Township, Day: gongwei.MustDate(2025, time.May, 12),
	}, newStore)
}

// TestStore checks that an implementation of womenshealth.Store meets every clause of
// the contract documented on womenshealth.Store, for checks and for reports, each case a
// subtest on a fresh store from newStore. Run it with -race.
func TestStore(t *testing.T, newStore func(t *testing.T) womenshealth.Store) {
	t.Helper()
	day := gongwei.MustDate(2025, time.May, 12)
	codes := [3]string{string(Village), string(OtherVillage), string(OtherTown)}
	t.Run("Screening", func(t *testing.T) {
		storetest.RunDated(t, storetest.Dated[womenshealth.Store, womenshealth.ID, womenshealth.Filter, *womenshealth.Screening]{
			Make: func(id womenshealth.ID, c string, d gongwei.Date) *womenshealth.Screening {
				return Screening(id, healthrecord.Village(c), d)
			},
			ID:      func(s *womenshealth.Screening) womenshealth.ID { return s.ID },
			Version: func(s *womenshealth.Screening) *int64 { return &s.Version },
			Change: func(s *womenshealth.Screening, n int) {
				s.Breast, s.Referred = womenshealth.Abnormal, s.Date.AddDays(n+1)
			},
			Get:    womenshealth.Store.Screening,
			Put:    womenshealth.Store.PutScreening,
			Stream: womenshealth.Store.Screenings,
			Filter: filter,
			Codes:  codes, Prefix: Township, Day: day,
		}, newStore)
	})
	t.Run("Report", func(t *testing.T) {
		storetest.RunDated(t, storetest.Dated[womenshealth.Store, womenshealth.ID, womenshealth.Filter, *womenshealth.Report]{
			Make: func(id womenshealth.ID, c string, d gongwei.Date) *womenshealth.Report {
				return Report(id, healthrecord.Village(c), d)
			},
			ID:      func(r *womenshealth.Report) womenshealth.ID { return r.ID },
			Version: func(r *womenshealth.Report) *int64 { return &r.Version },
			Change:  func(r *womenshealth.Report, n int) { r.Reported = r.Event.AddDays(n + 10) },
			Get:     womenshealth.Store.Report,
			Put:     womenshealth.Store.PutReport,
			Stream:  womenshealth.Store.Reports,
			Filter:  filter,
			Codes:   codes, Prefix: Township, Day: day,
		}, newStore)
	})
}

// filter is the filter of the streams of checks, reports and marriage registrations
// by code prefix and period.
func filter(prefix string, p gongwei.Period) womenshealth.Filter {
	return womenshealth.Filter{Prefix: prefix, Period: p}
}
