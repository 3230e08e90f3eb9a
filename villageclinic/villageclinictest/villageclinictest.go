// Package villageclinictest checks implementations of [villageclinic.Store] against the
// store contract (TestStore) and provides fixtures that build valid records.
//
// Typical usage inside a store implementation's test:
//
//	func TestConformance(t *testing.T) {
//		villageclinictest.TestStore(t, func(t *testing.T) villageclinic.Store { return mystore.Open(t) })
//	}
package villageclinictest

import (
	"testing"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/internal/storetest"
	"github.com/gongwei-lib/gongwei/villageclinic"
)

// Codes used by the fixtures: a township, two of its villages, and another township's
// village.
const (
	Township                          = "110101001"
	Village      healthrecord.Village = "110101001001"
	OtherVillage healthrecord.Village = "110101001002"
	OtherTown    healthrecord.Village = "110101002001"
)

// Visit returns a valid supervision visit of village v on d with one finding, to be
// rectified within 30 days.
func Visit(id villageclinic.ID, v healthrecord.Village, d gongwei.Date) *villageclinic.Visit {
	return &villageclinic.Visit{ID: id, Village: v, Date: d, Items: []string{"健康档案", "慢病随访", "药品管理"},
		Findings: []villageclinic.Finding{{Area: "健康档案", Problem: "体检表填写不全", RectifyBy: d.AddDays(30)}}}
}

// Training returns a valid training session of township on d: two doctors of Village,
// both attending, scored 85 and 55 against a pass mark of 60 (the fixture's, not a rule).
func Training(id villageclinic.ID, township string, d gongwei.Date) *villageclinic.Training {
	a, b := 85, 55
	v := healthrecord.Village(township + "001")
	return &villageclinic.Training{ID: id, Township: township, Date: d, Topic: "高血压患者健康管理规范", Hours: 8, PassMark: 60,
		Attendees: []villageclinic.Attendee{{Doctor: "D1", Village: v, Attended: true, Score: &a}, {Doctor: "D2", Village: v, Attended: true, Score: &b}}}
}

// TestStore checks that an implementation of villageclinic.Store meets every clause of
// the contract documented on villageclinic.Store, for visits and for training sessions,
// each case a subtest on a fresh store from newStore naming the clause it checks. Run it
// with -race: one case runs concurrent writers.
func TestStore(t *testing.T, newStore func(t *testing.T) villageclinic.Store) {
	t.Helper()
	t.Run("Visit", func(t *testing.T) { storetest.RunDated(t, visits, newStore) })
	t.Run("Training", func(t *testing.T) { storetest.RunDated(t, trainings, newStore) })
}

var day = gongwei.MustDate(2025, time.April, 8)

var visits = storetest.Dated[villageclinic.Store, villageclinic.ID, villageclinic.Filter, *villageclinic.Visit]{
	Make: func(id villageclinic.ID, code string, d gongwei.Date) *villageclinic.Visit {
		return Visit(id, healthrecord.Village(code), d)
	},
	ID:      func(v *villageclinic.Visit) villageclinic.ID { return v.ID },
	Version: func(v *villageclinic.Visit) *int64 { return &v.Version },
	Change:  func(v *villageclinic.Visit, n int) { v.Findings[0].Rectified = v.Date.AddDays(n + 1) },
	Get:     villageclinic.Store.Visit,
	Put:     villageclinic.Store.PutVisit,
	Stream:  villageclinic.Store.Visits,
	Filter:  filter,
	Codes:   [3]string{string(Village), string(OtherVillage), string(OtherTown)}, Prefix: Township, Day: day,
}

var trainings = storetest.Dated[villageclinic.Store, villageclinic.ID, villageclinic.Filter, *villageclinic.Training]{
	Make:    Training,
	ID:      func(t *villageclinic.Training) villageclinic.ID { return t.ID },
	Version: func(t *villageclinic.Training) *int64 { return &t.Version },
	Change:  func(t *villageclinic.Training, n int) { t.Hours = n + 2 },
	Get:     villageclinic.Store.Training,
	Put:     villageclinic.Store.PutTraining,
	Stream:  villageclinic.Store.Trainings,
	Filter:  filter,
	Codes:   [3]string{Township, Township, "110101002"}, Prefix: Township, Day: day,
}

// filter is the filter of the streams of visits and training sessions by code prefix
// and period.
func filter(prefix string, p gongwei.Period) villageclinic.Filter {
	return villageclinic.Filter{Prefix: prefix, Period: p}
}
