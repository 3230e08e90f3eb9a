package worklist

import (
	"context"
	"errors"
	"fmt"
	"iter"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/child"
	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/immunization"
	"github.com/gongwei-lib/gongwei/indicators"
	"github.com/gongwei-lib/gongwei/maternal"
	"github.com/gongwei-lib/gongwei/referral"
)

var errRange = fmt.Errorf("%w: worklist: range", gongwei.ErrInvalid)

// Stores are the per-resident stores a worklist reads. Records is required; a nil
// store of another domain means none of its records.
type Stores struct {
	// Records holds the residents and their checkups and contracts (required).
	Records healthrecord.Store
	// Chronic, Maternal, Child and Immunization hold each service's records.
	Chronic      chronic.Store
	Maternal     maternal.Store
	Child        child.Store
	Immunization immunization.Store
	// Referrals is the referral register: each subject carries its resident's slips
	// (indicators.Subject.Referrals), which [ReferralSource] lists.
	Referrals referral.Store
}

// Subjects yields the residents under prefix (archive-number digits) with their records
// of window w (see [Window]; the referrals made in it). When one of the stores is an
// [indicators.SubjectSource] serving them all, it is used: a database reads each table
// once, in resident order. Otherwise each resident's records are asked for through the
// Store interfaces ([Subject]). Both give the same entries. Residents without an
// archive number are left out.
func Subjects(ctx context.Context, st Stores, prefix string, w gongwei.Period) iter.Seq2[*indicators.Subject, error] {
	q := indicators.SubjectQuery{
		Prefix: prefix, Period: w, Records: st.Records, Chronic: st.Chronic,
		Maternal: st.Maternal, Child: st.Child, Immunization: st.Immunization, Referrals: st.Referrals,
	}
	if st.Records == nil {
		return func(yield func(*indicators.Subject, error) bool) {
			yield(nil, fmt.Errorf("%w: worklist: no health record store", gongwei.ErrInvalid))
		}
	}
	for _, s := range []any{st.Records, st.Chronic, st.Maternal, st.Child, st.Immunization, st.Referrals} {
		if ss, ok := s.(indicators.SubjectSource); ok {
			if seq, ok := ss.Subjects(ctx, q); ok {
				return seq
			}
		}
	}
	return func(yield func(*indicators.Subject, error) bool) {
		for r, err := range st.Records.Residents(ctx, healthrecord.ResidentFilter{Prefix: prefix}) {
			if err != nil {
				yield(nil, err)
				return
			}
			if r.Archive.IsZero() {
				continue
			}
			s, err := gather(ctx, st, r, w)
			if !yield(s, err) || err != nil {
				return
			}
		}
	}
}

// Subject returns resident id with their records of window w, read through the Store
// interfaces: what a resident's page shows and what [List.Entry] reads.
func Subject(ctx context.Context, st Stores, id healthrecord.ResidentID, w gongwei.Period) (*indicators.Subject, error) {
	if st.Records == nil {
		return nil, fmt.Errorf("%w: worklist: no health record store", gongwei.ErrInvalid)
	}
	r, err := st.Records.Resident(ctx, id)
	if err != nil {
		return nil, err
	}
	return gather(ctx, st, r, w)
}

func gather(ctx context.Context, st Stores, r *healthrecord.Resident, w gongwei.Period) (*indicators.Subject, error) {
	s := &indicators.Subject{Resident: r}
	var err error
	if s.Checkups, err = collect(st.Records.Checkups(ctx, healthrecord.CheckupFilter{Resident: r.ID, Period: w})); err != nil {
		return nil, err
	}
	if s.Contracts, err = collect(st.Records.Contracts(ctx, healthrecord.ContractFilter{Resident: r.ID, Period: w})); err != nil {
		return nil, err
	}
	if st.Chronic != nil {
		ps, err := collect(st.Chronic.Patients(ctx, chronic.PatientFilter{Resident: r.ID}))
		if err != nil {
			return nil, err
		}
		for _, p := range ps {
			vs, err := collect(st.Chronic.Visits(ctx, chronic.VisitFilter{Patient: p.ID, Period: w}))
			if err != nil {
				return nil, err
			}
			s.Chronic = append(s.Chronic, indicators.ChronicCase{Patient: p, Visits: vs})
		}
	}
	if st.Maternal != nil {
		if s.Pregnancies, err = collect(st.Maternal.Pregnancies(ctx, maternal.Filter{Resident: r.ID})); err != nil {
			return nil, err
		}
	}
	if st.Child != nil {
		c, err := st.Child.ChildByResident(ctx, r.ID)
		switch {
		case errors.Is(err, gongwei.ErrNotFound):
		case err != nil:
			return nil, err
		default:
			vs, err := collect(st.Child.Visits(ctx, child.VisitFilter{Child: c.ID}))
			if err != nil {
				return nil, err
			}
			s.Child = &indicators.ChildCase{Child: c, Visits: vs}
		}
	}
	if st.Referrals != nil {
		if s.Referrals, err = collect(st.Referrals.Referrals(ctx, referral.Filter{Resident: r.ID, Period: w})); err != nil {
			return nil, err
		}
	}
	if st.Immunization != nil {
		reg, err := st.Immunization.Registration(ctx, r.ID)
		switch {
		case errors.Is(err, gongwei.ErrNotFound):
		case err != nil:
			return nil, err
		default:
			vs, err := collect(st.Immunization.Vaccinations(ctx, immunization.VaccinationFilter{Resident: r.ID}))
			if err != nil {
				return nil, err
			}
			s.Immunization = &indicators.ImmunizationCase{Registration: reg, Vaccinations: vs}
		}
	}
	return s, nil
}

func collect[T any](seq iter.Seq2[T, error]) ([]T, error) {
	var out []T
	for x, err := range seq {
		if err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, nil
}
