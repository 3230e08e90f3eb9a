package indicators

import (
	"context"
	"strings"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/immunization"
)

// ImmunizationClinic holds the vaccination clinic's records beyond the schedule that
// [Compute] reads when [Sources].ImmunizationClinic is set: AEFI reports (the source of
// imm.aefi_handled and imm.aefi_timely, see [AEFIIndicators]) and campaigns (the source
// of imm.campaign/<campaign ID>, see [CampaignIndicators], with the registrations and
// doses of Sources.Immunization). A nil store computes nothing for its indicators.
type ImmunizationClinic struct {
	// AEFIs holds the AEFI reports.
	AEFIs immunization.AEFIStore
	// AEFIRules are the reporting rules the reports are judged by; the zero value
	// means immunization.DefaultAEFIRules.
	AEFIRules immunization.AEFIRules
	// Campaigns holds the catch-up and supplementary campaigns.
	Campaigns immunization.CampaignStore
}

// rules returns the clinic's AEFI rules, the national ones when none are set.
func (c *ImmunizationClinic) rules() immunization.AEFIRules {
	if c.AEFIRules == (immunization.AEFIRules{}) {
		return immunization.DefaultAEFIRules
	}
	return c.AEFIRules
}

// clinicIndicators adds the indicators of c for the villages under prefix in period p:
// the AEFI rows when c.AEFIs is set, the campaign rows when c.Campaigns and the
// registrations s are set (a campaign's villages outside prefix are left out, as every
// other computation leaves them).
func clinicIndicators(ctx context.Context, c *ImmunizationClinic, s immunization.Store, prefix string, p gongwei.Period, sink Sink) error {
	if c == nil {
		return nil
	}
	if c.AEFIs != nil {
		if err := AEFIIndicators(ctx, c.AEFIs, prefix, c.rules(), p, sink); err != nil {
			return err
		}
	}
	if c.Campaigns != nil && s != nil {
		return CampaignIndicators(ctx, s, c.Campaigns, p, prefixSink{prefix: prefix, sink: sink})
	}
	return nil
}

// prefixSink passes on the cells of the units under prefix.
type prefixSink struct {
	prefix string
	sink   Sink
}

// Add implements Sink.
func (s prefixSink) Add(code Code, unit Unit, period gongwei.Period, num, den int64) {
	if strings.HasPrefix(string(unit), s.prefix) {
		s.sink.Add(code, unit, period, num, den)
	}
}
