package chronic_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/chronic/chronictest"
)

// TestTBReferralFields: a patient the township found and referred before the notice is
// valid; a referral without FoundLocally, or dated after the notice, is refused.
func TestTBReferralFields(t *testing.T) {
	cases := []struct {
		name     string
		found    bool
		referred gongwei.Date
		code     gongwei.Code
	}{
		{"found and referred a week before the notice", true, chronictest.Registered.AddDays(-7), ""},
		{"found, not referred", true, gongwei.Date{}, ""},
		{"referred but found elsewhere", false, chronictest.Registered.AddDays(-7), gongwei.CodeNotAllowed},
		{"referred after the notice", true, chronictest.Registered.AddDays(1), gongwei.CodeOrder},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := chronictest.Patient(1, chronic.Tuberculosis)
			p.TB.FoundLocally, p.TB.Referred = c.found, c.referred
			err := p.Validate()
			if c.code == "" {
				require.NoError(t, err)
				return
			}
			var ve *gongwei.ValidationError
			require.True(t, errors.As(err, &ve), "%v", err)
			assert.True(t, ve.Has("TB.Referred", c.code), "%v", err)
		})
	}
}
