package sqlstore_test

import (
	"testing"

	"github.com/gongwei-lib/gongwei/child"
	"github.com/gongwei-lib/gongwei/child/childtest"
	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/chronic/chronictest"
	"github.com/gongwei-lib/gongwei/education"
	"github.com/gongwei-lib/gongwei/education/educationtest"
	"github.com/gongwei-lib/gongwei/examples/sqlstore"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/healthrecord/recordtest"
	"github.com/gongwei-lib/gongwei/immunization"
	"github.com/gongwei-lib/gongwei/immunization/immunizationtest"
	"github.com/gongwei-lib/gongwei/maternal"
	"github.com/gongwei-lib/gongwei/maternal/maternaltest"
	"github.com/gongwei-lib/gongwei/referral"
	"github.com/gongwei-lib/gongwei/referral/referraltest"
	"github.com/gongwei-lib/gongwei/supervision"
	"github.com/gongwei-lib/gongwei/supervision/supervisiontest"
	"github.com/gongwei-lib/gongwei/villageclinic"
	"github.com/gongwei-lib/gongwei/villageclinic/villageclinictest"
	"github.com/gongwei-lib/gongwei/womenshealth"
	"github.com/gongwei-lib/gongwei/womenshealth/womenshealthtest"
)

// fresh adapts a DB opener to the newStore of a conformance suite: the store get gives
// of a fresh database, or the zero S (nil) when the database could not be opened, which
// the suites report as fatal.
func fresh[S any](newDB func() *sqlstore.DB, get func(*sqlstore.DB) S) func(*testing.T) S {
	return func(*testing.T) S {
		db := newDB()
		if db == nil {
			var zero S
			return zero
		}
		return get(db)
	}
}

// suites runs each domain's conformance suite on the stores of fresh databases.
var suites = []struct {
	name string
	run  func(t *testing.T, newDB func() *sqlstore.DB)
}{
	{"healthrecord", func(t *testing.T, newDB func() *sqlstore.DB) {
		s := fresh(newDB, func(db *sqlstore.DB) healthrecord.Store { return db.HealthRecord() })
		recordtest.TestStore(t, func() healthrecord.Store { return s(t) })
	}},
	{"chronic", func(t *testing.T, newDB func() *sqlstore.DB) {
		chronictest.TestStore(t, fresh(newDB, func(db *sqlstore.DB) chronic.Store { return db.Chronic() }))
	}},
	{"maternal", func(t *testing.T, newDB func() *sqlstore.DB) {
		maternaltest.TestStore(t, fresh(newDB, func(db *sqlstore.DB) maternal.Store { return db.Maternal() }))
	}},
	{"audit", func(t *testing.T, newDB func() *sqlstore.DB) {
		recordtest.TestAuditStore(t, fresh(newDB, func(db *sqlstore.DB) healthrecord.AuditStore { return db.Audit() }))
	}},
	{"immunization", func(t *testing.T, newDB func() *sqlstore.DB) {
		immunizationtest.TestStore(t, fresh(newDB, func(db *sqlstore.DB) immunization.Store { return db.Immunization() }))
	}},
	{"child", func(t *testing.T, newDB func() *sqlstore.DB) {
		childtest.TestStore(t, fresh(newDB, func(db *sqlstore.DB) child.Store { return db.Child() }))
	}},
	{"supervision", func(t *testing.T, newDB func() *sqlstore.DB) {
		supervisiontest.TestStore(t, fresh(newDB, func(db *sqlstore.DB) supervision.Store { return db.Supervision() }))
	}},
	{"education", func(t *testing.T, newDB func() *sqlstore.DB) {
		educationtest.TestStore(t, fresh(newDB, func(db *sqlstore.DB) education.Store { return db.Education() }))
	}},
	{"education survey", func(t *testing.T, newDB func() *sqlstore.DB) {
		educationtest.TestSurveyStore(t, fresh(newDB, func(db *sqlstore.DB) education.SurveyStore { return db.Education() }))
	}},
	{"referral", func(t *testing.T, newDB func() *sqlstore.DB) {
		referraltest.TestStore(t, fresh(newDB, func(db *sqlstore.DB) referral.Store { return db.Referrals() }))
	}},
	{"villageclinic", func(t *testing.T, newDB func() *sqlstore.DB) {
		villageclinictest.TestStore(t, fresh(newDB, func(db *sqlstore.DB) villageclinic.Store { return db.VillageClinics() }))
	}},
	{"womenshealth", func(t *testing.T, newDB func() *sqlstore.DB) {
		womenshealthtest.TestStore(t, fresh(newDB, func(db *sqlstore.DB) womenshealth.Store { return db.WomensHealth() }))
		womenshealthtest.TestPremaritalStore(t, fresh(newDB, func(db *sqlstore.DB) womenshealth.PremaritalStore { return db.WomensHealth() }))
	}},
}

// TestConformance runs every domain's conformance suite on SQLite and on PostgreSQL
// (skipped when postgresEnv is unset, failing when it is set but unreachable).
func TestConformance(t *testing.T) {
	for _, engine := range []struct {
		name string
		open func(*testing.T) func() *sqlstore.DB
	}{{"sqlite", sqliteStores}, {"postgres", postgresStores}} {
		t.Run(engine.name, func(t *testing.T) {
			for _, s := range suites {
				t.Run(s.name, func(t *testing.T) { s.run(t, engine.open(t)) })
			}
		})
	}
}
