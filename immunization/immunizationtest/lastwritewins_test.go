package immunizationtest_test

import (
	"context"
	"testing"

	"github.com/gongwei-lib/gongwei/immunization"
	"github.com/gongwei-lib/gongwei/immunization/immunizationtest"
	"github.com/gongwei-lib/gongwei/immunization/memstore"
	"github.com/gongwei-lib/gongwei/internal/storetest"
)

// lastWriteWins ignores the expected version: it breaks optimistic locking, of
// registrations and of campaigns (the clinic suites share their clauses, so one of their
// record types stands for the four).
type lastWriteWins struct {
	*memstore.Store
	*memstore.Clinic
}

func (s lastWriteWins) PutCampaign(ctx context.Context, c *immunization.Campaign, _ int64) error {
	var prev int64
	if old, err := s.Clinic.Campaign(ctx, c.ID); err == nil {
		prev = old.Version
	}
	return s.Clinic.PutCampaign(ctx, c, prev)
}

func (s lastWriteWins) PutRegistration(ctx context.Context, r *immunization.Registration, _ int64) error {
	var prev int64
	if old, err := s.Store.Registration(ctx, r.Resident); err == nil {
		prev = old.Version
	}
	return s.Store.PutRegistration(ctx, r, prev)
}

// TestLastWriteWins proves that the suites catch a store that loses updates every time:
// the ConcurrentWriters case of TestStore and the CampaignConcurrentWriters and
// CampaignStaleVersionConflicts cases of TestCampaignStore fail on the last-write-wins
// store in 100 of 100 runs, with GOMAXPROCS=1 as with GOMAXPROCS as it is (each in a
// child process).
func TestLastWriteWins(t *testing.T) {
	if storetest.IsChild() {
		immunizationtest.TestStore(t, func(*testing.T) immunization.Store { return lastWriteWins{Store: memstore.New()} })
		immunizationtest.TestCampaignStore(t, func(*testing.T) immunization.CampaignStore {
			return lastWriteWins{Clinic: memstore.NewClinic()}
		})
		return
	}
	storetest.Caught(t, 100, "TestLastWriteWins", "ConcurrentWriters")
	storetest.Caught(t, 100, "TestLastWriteWins", "CampaignConcurrentWriters")
	storetest.Caught(t, 100, "TestLastWriteWins", "CampaignStaleVersionConflicts")
}
