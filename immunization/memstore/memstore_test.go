package memstore_test

import (
	"testing"

	"github.com/gongwei-lib/gongwei/immunization"
	"github.com/gongwei-lib/gongwei/immunization/immunizationtest"
	"github.com/gongwei-lib/gongwei/immunization/memstore"
)

func TestConformance(t *testing.T) {
	immunizationtest.TestStore(t, func(*testing.T) immunization.Store { return memstore.New() })
}

func TestClinicAEFI(t *testing.T) {
	immunizationtest.TestAEFIStore(t, func(*testing.T) immunization.AEFIStore { return memstore.NewClinic() })
}

func TestClinicColdChain(t *testing.T) {
	immunizationtest.TestColdChainStore(t, func(*testing.T) immunization.ColdChainStore { return memstore.NewClinic() })
}

func TestClinicMovements(t *testing.T) {
	immunizationtest.TestMovementStore(t, func(*testing.T) immunization.MovementStore { return memstore.NewClinic() })
}

func TestClinicCampaigns(t *testing.T) {
	immunizationtest.TestCampaignStore(t, func(*testing.T) immunization.CampaignStore { return memstore.NewClinic() })
}
