package indicators

import (
	"context"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/child"
	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/education"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/immunization"
	"github.com/gongwei-lib/gongwei/maternal"
	"github.com/gongwei-lib/gongwei/referral"
	"github.com/gongwei-lib/gongwei/supervision"
	"github.com/gongwei-lib/gongwei/villageclinic"
	"github.com/gongwei-lib/gongwei/womenshealth"
)

// Sources are the stores every implemented indicator is computed from, one per domain. A
// nil store skips its domain (its indicators get no cells: "no data").
type Sources struct {
	// Records holds the resident health records: the source of [RecordIndicators]
	// and, with VillageDivision, of [VillageShareIndicators].
	Records healthrecord.Store
	// Chronic holds the chronic disease patients and their follow-ups: the source of
	// [ChronicIndicators].
	Chronic chronic.Store
	// Maternal holds the pregnancies and their visits: the source of
	// [MaternalIndicators].
	Maternal maternal.Store
	// Child holds the children's records and checkups: the source of
	// [ChildIndicators].
	Child child.Store
	// Immunization holds the vaccination registrations and doses: the source of
	// [ImmunizationIndicators] and of imm.card ([ImmunizationCardIndicators]).
	Immunization immunization.Store
	// Supervision holds the health inspection co-management records: the source of
	// [SupervisionIndicators].
	Supervision supervision.Store
	// Education holds the health education activities: the source of
	// [EducationIndicators].
	Education education.Store
	// RecordOptions are passed to RecordIndicatorsWith: the elderly age a plan sets
	// and the key-population rows (give Plan.RecordOptions). Nil computes
	// RecordIndicators' rows alone, as before the options existed.
	RecordOptions *RecordOptions
	// VillageClinics holds the centre's supervision visits and training sessions of
	// its village clinics, VillagePlan its supervision plan (the host's data): the
	// source of [VillageClinicIndicators].
	VillageClinics villageclinic.Store
	VillagePlan    *villageclinic.Plan
	// VillageDivision is the division of labour between the township centre and its
	// village clinics (the host's data, villageclinic.ExampleDivision an example): with
	// Records, the source of [VillageShareIndicators]. Nil computes none of them.
	VillageDivision *villageclinic.Division
	// WomensHealth holds the women's health projects' records, WomensHealthDeadlines
	// the host's report deadlines: the source of [WomensHealthIndicators].
	WomensHealth          womenshealth.Store
	WomensHealthDeadlines womenshealth.Deadlines
	// Survey holds the health-literacy survey responses: the source of
	// [LiteracyIndicators].
	Survey education.SurveyStore
	// Referrals is the referral register: the source of [ReferralIndicators] and of
	// tb.referral's numerator (ChronicOptions.TBReferrals, filled from it unless set).
	Referrals referral.Store
	// ChronicOptions are passed to ChronicIndicators (the estimated denominators' census
	// population and prevalence); nil for the defaults.
	ChronicOptions *ChronicOptions
	// ImmunizationClinic holds the vaccination clinic's AEFI reports and campaigns: the
	// source of imm.aefi_handled, imm.aefi_timely and imm.campaign/<campaign ID>
	// ([ImmunizationClinic]). Nil computes none of them.
	ImmunizationClinic *ImmunizationClinic
}

// Compute fills sink with every implemented indicator of the jurisdiction prefix for
// period p: each domain's computation ([RecordIndicators], [ChronicIndicators],
// [MaternalIndicators], [ChildIndicators], [ImmunizationIndicators],
// [SupervisionIndicators], [EducationIndicators], [ReferralIndicators], [VillageClinicIndicators], [VillageShareIndicators], [WomensHealthIndicators], [LiteracyIndicators]) streams its
// store once. The registrations of Immunization also give imm.card (预防接种建卡率, the
// rule of [ImmunizationCardIndicators]); ImmunizationClinic, when set, gives the AEFI and
// campaign rows ([AEFIIndicators], [CampaignIndicators]). Compute one
// jurisdiction per goroutine into its own Tally and Merge them for a county; the result
// equals one pass over the county. The error is the first a computation returns.
//
// When one of the per-resident stores (Records, Chronic, Maternal, Child, Immunization)
// is a [SubjectSource] that serves all of them, Compute reads their records from it in
// one pass ([ComputeSubjects]' rules, the same code) instead of streaming each store and
// asking it for each resident's records; the cells are the same. Supervision and
// education are township-level records and are always read from their stores.
func Compute(ctx context.Context, src Sources, prefix string, p gongwei.Period, sink Sink) error {
	b := newBatch(sink)
	defer b.flush()
	sink = b
	if src.Referrals != nil && (src.ChronicOptions == nil || src.ChronicOptions.TBReferrals == nil) {
		m, err := TBReferrals(ctx, src.Referrals, prefix)
		if err != nil {
			return err
		}
		o := ChronicOptions{}
		if src.ChronicOptions != nil {
			o = *src.ChronicOptions
		}
		o.TBReferrals = m
		src.ChronicOptions = &o
	}
	registrations, records := src.Immunization, src.Records
	if p.IsValid() {
		if seq, ok := subjectSource(ctx, src, prefix, p); ok {
			if err := computeSubjects(ctx, seq, p, src.ChronicOptions, prefix, src.Chronic != nil, b, src.RecordOptions); err != nil {
				return err
			}
			src.Records, src.Chronic, src.Maternal, src.Child, src.Immunization = nil, nil, nil, nil, nil
		}
	}
	steps := []func() error{
		func() error {
			if src.Records == nil {
				return nil
			}
			return RecordIndicatorsWith(ctx, src.Records, prefix, p, src.RecordOptions, sink)
		},
		func() error {
			if src.Chronic == nil {
				return nil
			}
			return ChronicIndicators(ctx, src.Chronic, prefix, p, src.ChronicOptions, sink)
		},
		func() error {
			if src.Maternal == nil {
				return nil
			}
			return MaternalIndicators(ctx, src.Maternal, prefix, p, sink)
		},
		func() error {
			if src.Child == nil {
				return nil
			}
			return ChildIndicators(ctx, src.Child, prefix, p, sink)
		},
		func() error {
			if src.Immunization == nil {
				return nil
			}
			return immunizationIndicators(ctx, src.Immunization, prefix, p, sink, true)
		},
		func() error {
			return clinicIndicators(ctx, src.ImmunizationClinic, registrations, prefix, p, sink)
		},
		func() error {
			if src.Supervision == nil {
				return nil
			}
			return SupervisionIndicators(ctx, src.Supervision, prefix, p, sink)
		},
		func() error {
			if src.Education == nil {
				return nil
			}
			return EducationIndicators(ctx, src.Education, prefix, p, sink)
		},
		func() error {
			if src.Referrals == nil {
				return nil
			}
			return ReferralIndicators(ctx, src.Referrals, prefix, p, sink)
		},
		func() error {
			if src.VillageClinics == nil {
				return nil
			}
			return VillageClinicIndicators(ctx, src.VillageClinics, src.VillagePlan, prefix, p, sink)
		},
		func() error {
			if src.VillageDivision == nil || records == nil {
				return nil
			}
			return VillageShareIndicators(ctx, records, src.VillageDivision, prefix, p, sink)
		},
		func() error {
			if src.WomensHealth == nil {
				return nil
			}
			return WomensHealthIndicators(ctx, src.WomensHealth, src.WomensHealthDeadlines, prefix, p, sink)
		},
		func() error {
			if src.Survey == nil {
				return nil
			}
			return LiteracyIndicators(ctx, src.Survey, prefix, p, sink)
		},
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}
