package referraltest_test

import (
	"fmt"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/referral"
	"github.com/gongwei-lib/gongwei/referral/memstore"
	"github.com/gongwei-lib/gongwei/referral/referraltest"
)

// TestExampleHost is the package doc's example, run: a host's store passes the suite
// when its own test calls TestStore with a constructor of fresh stores, one per case.
// Here the store is the in-memory one.
func TestExampleHost(t *testing.T) {
	referraltest.TestStore(t, func(*testing.T) referral.Store { return memstore.New() })
}

// Fixtures give a host's own tests valid records: a hypertension referral, with the
// last day of its follow-up.
func ExampleReferral() {
	r := referraltest.Referral("Z1", "110105001101", referral.Hypertension, gongwei.MustDate(2024, 3, 5))
	fmt.Println(r.ID, r.Kind, r.Referred, "follow up by", r.Due(), r.Validate())
	// Output: Z1 hypertension 2024-03-05 follow up by 2024-03-19 <nil>
}
