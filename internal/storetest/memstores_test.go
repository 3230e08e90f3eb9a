package storetest_test

import (
	"context"
	"testing"

	"github.com/gongwei-lib/gongwei/child"
	"github.com/gongwei-lib/gongwei/child/childtest"
	childmem "github.com/gongwei-lib/gongwei/child/memstore"
	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/chronic/chronictest"
	chronicmem "github.com/gongwei-lib/gongwei/chronic/memstore"
	"github.com/gongwei-lib/gongwei/education"
	"github.com/gongwei-lib/gongwei/education/educationtest"
	educationmem "github.com/gongwei-lib/gongwei/education/memstore"
	"github.com/gongwei-lib/gongwei/healthrecord"
	recordmem "github.com/gongwei-lib/gongwei/healthrecord/memstore"
	"github.com/gongwei-lib/gongwei/healthrecord/recordtest"
	"github.com/gongwei-lib/gongwei/internal/storetest"
	"github.com/gongwei-lib/gongwei/maternal"
	"github.com/gongwei-lib/gongwei/maternal/maternaltest"
	maternalmem "github.com/gongwei-lib/gongwei/maternal/memstore"
	"github.com/gongwei-lib/gongwei/referral"
	referralmem "github.com/gongwei-lib/gongwei/referral/memstore"
	"github.com/gongwei-lib/gongwei/referral/referraltest"
	"github.com/gongwei-lib/gongwei/supervision"
	supervisionmem "github.com/gongwei-lib/gongwei/supervision/memstore"
	"github.com/gongwei-lib/gongwei/supervision/supervisiontest"
	"github.com/gongwei-lib/gongwei/villageclinic"
	villagemem "github.com/gongwei-lib/gongwei/villageclinic/memstore"
	"github.com/gongwei-lib/gongwei/villageclinic/villageclinictest"
	"github.com/gongwei-lib/gongwei/womenshealth"
	whmem "github.com/gongwei-lib/gongwei/womenshealth/memstore"
	"github.com/gongwei-lib/gongwei/womenshealth/womenshealthtest"
)

// The memstores and the suites' power to catch lost updates, in one place: every
// in-memory store passes its package's conformance suite, and every suite fails on
// a store that loses updates ("last write wins"), in every one of 100 runs.

// memstores runs each package's suite on its in-memory store.
var memstores = []struct {
	name string
	run  func(t *testing.T)
}{
	{"healthrecord", func(t *testing.T) { recordtest.TestStore(t, func() healthrecord.Store { return recordmem.New() }) }},
	{"chronic", func(t *testing.T) {
		chronictest.TestStore(t, func(*testing.T) chronic.Store { return chronicmem.New() })
	}},
	{"maternal", func(t *testing.T) {
		maternaltest.TestStore(t, func(*testing.T) maternal.Store { return maternalmem.New() })
	}},
	{"child", func(t *testing.T) { childtest.TestStore(t, func(*testing.T) child.Store { return childmem.New() }) }},
	{"supervision", func(t *testing.T) {
		supervisiontest.TestStore(t, func(*testing.T) supervision.Store { return supervisionmem.New() })
	}},
	{"education", func(t *testing.T) {
		educationtest.TestStore(t, func(*testing.T) education.Store { return educationmem.New() })
	}},
	{"education survey", func(t *testing.T) {
		educationtest.TestSurveyStore(t, func(*testing.T) education.SurveyStore { return educationmem.New() })
	}},
	{"referral", func(t *testing.T) {
		referraltest.TestStore(t, func(*testing.T) referral.Store { return referralmem.New() })
	}},
	{"villageclinic", func(t *testing.T) {
		villageclinictest.TestStore(t, func(*testing.T) villageclinic.Store { return villagemem.New() })
	}},
	{"womenshealth", func(t *testing.T) {
		womenshealthtest.TestStore(t, func(*testing.T) womenshealth.Store { return whmem.New() })
		womenshealthtest.TestPremaritalStore(t, func(*testing.T) womenshealth.PremaritalStore { return whmem.New() })
	}},
}

func TestMemstores(t *testing.T) {
	for _, m := range memstores {
		t.Run(m.name, m.run)
	}
}

type childLWW struct{ *childmem.Store }

func (s childLWW) PutChild(ctx context.Context, c *child.Child, _ int64) error {
	return storetest.Overwrite(ctx, c, c.ID, s.Child, func(c *child.Child) int64 { return c.Version }, s.Store.PutChild)
}

// chronicLWW ignores the expected version of an update (not of an insert).
type chronicLWW struct{ *chronicmem.Store }

func (s chronicLWW) PutPatient(ctx context.Context, p *chronic.Patient, prev int64) error {
	if prev == 0 {
		return s.Store.PutPatient(ctx, p, prev)
	}
	return storetest.Overwrite(ctx, p, p.ID, s.Patient, func(p *chronic.Patient) int64 { return p.Version }, s.Store.PutPatient)
}

type educationLWW struct{ *educationmem.Store }

func (s educationLWW) PutActivity(ctx context.Context, a *education.Activity, _ int64) error {
	return storetest.Overwrite(ctx, a, a.ID, s.Activity, func(a *education.Activity) int64 { return a.Version }, s.Store.PutActivity)
}

type maternalLWW struct{ *maternalmem.Store }

func (s maternalLWW) PutPregnancy(ctx context.Context, p *maternal.Pregnancy, _ int64) error {
	return storetest.Overwrite(ctx, p, p.ID, s.Pregnancy, func(p *maternal.Pregnancy) int64 { return p.Version }, s.Store.PutPregnancy)
}

// supervisionLWW ignores the expected version of every record type.
type supervisionLWW struct{ *supervisionmem.Store }

func (s supervisionLWW) PutUnit(ctx context.Context, x *supervision.Unit, _ int64) error {
	return storetest.Overwrite(ctx, x, x.ID, s.Unit, func(x *supervision.Unit) int64 { return x.Version }, s.Store.PutUnit)
}

func (s supervisionLWW) PutInspection(ctx context.Context, x *supervision.Inspection, _ int64) error {
	return storetest.Overwrite(ctx, x, x.ID, s.Inspection, func(x *supervision.Inspection) int64 { return x.Version }, s.Store.PutInspection)
}

func (s supervisionLWW) PutComplaint(ctx context.Context, x *supervision.Complaint, _ int64) error {
	return storetest.Overwrite(ctx, x, x.ID, s.Complaint, func(x *supervision.Complaint) int64 { return x.Version }, s.Store.PutComplaint)
}

func (s supervisionLWW) PutClue(ctx context.Context, x *supervision.Clue, _ int64) error {
	return storetest.Overwrite(ctx, x, x.ID, s.Clue, func(x *supervision.Clue) int64 { return x.Version }, s.Store.PutClue)
}

func (s supervisionLWW) PutCaseReport(ctx context.Context, x *supervision.CaseReport, _ int64) error {
	return storetest.Overwrite(ctx, x, x.ID, s.CaseReport, func(x *supervision.CaseReport) int64 { return x.Version }, s.Store.PutCaseReport)
}

func (s supervisionLWW) PutEmergencyReport(ctx context.Context, x *supervision.EmergencyReport, _ int64) error {
	return storetest.Overwrite(ctx, x, x.ID, s.EmergencyReport, func(x *supervision.EmergencyReport) int64 { return x.Version }, s.Store.PutEmergencyReport)
}

type referralLWW struct{ *referralmem.Store }

func (s referralLWW) PutReferral(ctx context.Context, r *referral.Referral, _ int64) error {
	return storetest.Overwrite(ctx, r, r.ID, s.Referral, func(r *referral.Referral) int64 { return r.Version }, s.Store.PutReferral)
}

// villageLWW ignores the expected version of both record types.
type villageLWW struct{ *villagemem.Store }

func (s villageLWW) PutVisit(ctx context.Context, v *villageclinic.Visit, _ int64) error {
	return storetest.Overwrite(ctx, v, v.ID, s.Visit, func(v *villageclinic.Visit) int64 { return v.Version }, s.Store.PutVisit)
}

func (s villageLWW) PutTraining(ctx context.Context, x *villageclinic.Training, _ int64) error {
	return storetest.Overwrite(ctx, x, x.ID, s.Training, func(x *villageclinic.Training) int64 { return x.Version }, s.Store.PutTraining)
}

// womenLWW ignores the expected version of both record types.
type womenLWW struct{ *whmem.Store }

func (s womenLWW) PutScreening(ctx context.Context, x *womenshealth.Screening, _ int64) error {
	return storetest.Overwrite(ctx, x, x.ID, s.Screening, func(x *womenshealth.Screening) int64 { return x.Version }, s.Store.PutScreening)
}

func (s womenLWW) PutReport(ctx context.Context, r *womenshealth.Report, _ int64) error {
	return storetest.Overwrite(ctx, r, r.ID, s.Report, func(r *womenshealth.Report) int64 { return r.Version }, s.Store.PutReport)
}

// lastWriteWins runs each package's suite on its memstore broken to lose updates, with
// the path of the suite's concurrency clause below the store's subtest.
var lastWriteWins = []struct {
	name string
	run  func(t *testing.T)
	// clauses are the paths, below the store's subtest, of the clauses that must fail.
	clauses [][]string
}{
	{"chronic", func(t *testing.T) {
		chronictest.TestStore(t, func(*testing.T) chronic.Store { return chronicLWW{chronicmem.New()} })
	}, [][]string{{"ConcurrentWriters"}}},
	{"maternal", func(t *testing.T) {
		maternaltest.TestStore(t, func(*testing.T) maternal.Store { return maternalLWW{maternalmem.New()} })
	}, [][]string{{"ConcurrentWriters"}}},
	{"child", func(t *testing.T) {
		childtest.TestStore(t, func(*testing.T) child.Store { return childLWW{childmem.New()} })
	}, [][]string{{"ConcurrentWriters"}}},
	{"education", func(t *testing.T) {
		educationtest.TestStore(t, func(*testing.T) education.Store { return educationLWW{educationmem.New()} })
	}, [][]string{{"concurrency: one writer wins each version"}}},
	{"supervision", func(t *testing.T) {
		supervisiontest.TestStore(t, func(*testing.T) supervision.Store { return supervisionLWW{supervisionmem.New()} })
	}, func() (cs [][]string) {
		for _, kind := range []string{"unit", "inspection", "complaint", "clue", "case report", "emergency report"} {
			cs = append(cs, []string{kind, "concurrency: concurrent writers of one record: exactly one wins each version"})
		}
		return cs
	}()},
	{"referral", func(t *testing.T) {
		referraltest.TestStore(t, func(*testing.T) referral.Store { return referralLWW{referralmem.New()} })
	}, [][]string{{"OneWriterWins"}}},
	{"villageclinic", func(t *testing.T) {
		villageclinictest.TestStore(t, func(*testing.T) villageclinic.Store { return villageLWW{villagemem.New()} })
	}, [][]string{{"Visit", "OneWriterWins"}, {"Training", "OneWriterWins"}}},
	{"womenshealth", func(t *testing.T) {
		womenshealthtest.TestStore(t, func(*testing.T) womenshealth.Store { return womenLWW{whmem.New()} })
	}, [][]string{{"Screening", "OneWriterWins"}, {"Report", "OneWriterWins"}}},
}

// TestLastWriteWins proves that each suite catches a store that loses updates every
// time: its concurrency clause (for every record type it races) fails on the
// last-write-wins store in 100 of 100 runs, with GOMAXPROCS=1 as with GOMAXPROCS as it
// is (each in a child process).
func TestLastWriteWins(t *testing.T) {
	for _, l := range lastWriteWins {
		t.Run(l.name, func(t *testing.T) {
			if storetest.IsChild() {
				l.run(t)
				return
			}
			for _, c := range l.clauses {
				storetest.Caught(t, 100, append([]string{"TestLastWriteWins", l.name}, c...)...)
			}
		})
	}
}
