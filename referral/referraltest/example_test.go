package referraltest_test

import (
	"fmt"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/referral"
	"github.com/gongwei-lib/gongwei/referral/referraltest"
)

// Fixtures give a host's own tests valid records: a hypertension referral, with the
// last day of its follow-up.
func ExampleReferral() {
	r := referraltest.Referral("Z1", "110105001101", referral.Hypertension, gongwei.MustDate(2024, 3, 5))
	fmt.Println(r.ID, r.Kind, r.Referred, "follow up by", r.Due(), r.Validate())
	// Output: Z1 hypertension 2024-03-05 follow up by 2024-03-19 <nil>
}
