package immunizationtest_test

import (
	"context"
	"testing"

	"github.com/gongwei-lib/gongwei/immunization"
	"github.com/gongwei-lib/gongwei/immunization/immunizationtest"
	"github.com/gongwei-lib/gongwei/immunization/memstore"
	"github.com/gongwei-lib/gongwei/internal/storetest"
)

// clinicLastWriteWins ignores the expected version of a campaign put (the clinic
// suites share their clauses, so one record type stands for the four).
type clinicLastWriteWins struct{ *memstore.Clinic }

func (s clinicLastWriteWins) PutCampaign(ctx context.Context, c *immunization.Campaign, _ int64) error {
	var prev int64
	if old, err := s.Clinic.Campaign(ctx, c.ID); err == nil {
		prev = old.Version
	}
	return s.Clinic.PutCampaign(ctx, c, prev)
}

// TestClinicLastWriteWins proves that the clinic suites catch a store that loses
// updates every time: the CampaignConcurrentWriters and CampaignStaleVersionConflicts
// clauses fail on the last-write-wins store in 100 of 100 runs, with GOMAXPROCS=1 as
// with GOMAXPROCS as it is.
func TestClinicLastWriteWins(t *testing.T) {
	if storetest.IsChild() {
		immunizationtest.TestCampaignStore(t, func(*testing.T) immunization.CampaignStore { return clinicLastWriteWins{memstore.NewClinic()} })
		return
	}
	storetest.Caught(t, 100, "TestClinicLastWriteWins", "CampaignConcurrentWriters")
	storetest.Caught(t, 100, "TestClinicLastWriteWins", "CampaignStaleVersionConflicts")
}
