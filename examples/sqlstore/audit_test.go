package sqlstore_test

import (
	"context"
	"errors"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/examples/sqlstore"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/healthrecord/recordtest"
	"github.com/gongwei-lib/gongwei/internal/storetest"
)

// failingAudit is the database's audit trail whose appends fail after the record's put.
type failingAudit struct{ *sqlstore.AuditStore }

func (failingAudit) AppendAudit(context.Context, *healthrecord.AuditEntry) error {
	return errors.New("audit table unavailable")
}

// TestAuditInTheRecordsTransaction writes a resident through a Registry whose audit
// trail is the same database's: the record and its entry are committed together, and
// when the entry cannot be appended the record is not kept either.
func TestAuditInTheRecordsTransaction(t *testing.T) {
	for _, c := range []struct {
		name  string
		newDB func() *sqlstore.DB
	}{{"sqlite", sqliteStores(t)}} {
		t.Run(c.name, func(t *testing.T) {
			db := c.newDB()
			ctx := gongwei.WithActor(context.Background(), gongwei.Actor{Staff: "D01", Institution: "110105001101", Within: "110105001101"})
			reg := healthrecord.New(db.HealthRecord(), healthrecord.Options{Audit: db.Audit()})
			r := recordtest.Resident(1)
			if err := reg.SaveResident(ctx, r); err != nil {
				t.Fatal(err)
			}
			hist, err := storetest.Collect(healthrecord.History(ctx, db.Audit(), "healthrecord.Resident", string(r.ID)))
			if err != nil || len(hist) != 1 || hist[0].Actor.Staff != "D01" || hist[0].Seq == 0 {
				t.Fatalf("history %+v, %v; want the creation by D01", hist, err)
			}

			bad := healthrecord.New(db.HealthRecord(), healthrecord.Options{Audit: failingAudit{db.Audit()}})
			r2 := recordtest.Resident(2)
			err = bad.SaveResident(ctx, r2)
			if !errors.Is(err, healthrecord.ErrAudit) {
				t.Fatalf("save with a failing trail: %v, want ErrAudit", err)
			}
			if _, err := db.HealthRecord().Resident(context.Background(), r2.ID); !errors.Is(err, gongwei.ErrNotFound) {
				t.Errorf("the record was kept without its entry: %v", err)
			}
		})
	}
}
