package immunization_test

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/immunization"
	"github.com/gongwei-lib/gongwei/immunization/immunizationtest"
	"github.com/gongwei-lib/gongwei/immunization/memstore"
)

// TestCheckEntrant: a child born 2023-03-15 with HepB doses at birth, 1 and 6 months
// only enters a nursery on 2025-09-01; the check on 2025-09-05 finds the other
// programme doses due by 2½ years pending (BCG, polio, DTaP, MMR, JE, MPSV-A, HepA …),
// and records the check as not complete. An unknown child is not found.
func TestCheckEntrant(t *testing.T) {
	ctx := context.Background()
	s := memstore.New()
	svc := immunization.New(s, immunization.Options{Unattributed: true})
	r := immunizationtest.Registration(0, "110105001101")
	require.NoError(t, svc.Register(ctx, r))
	for i := range 3 {
		require.NoError(t, svc.Vaccinate(ctx, immunizationtest.Vaccination(r, i)))
	}
	sep := gongwei.MustDate(2025, 9, 1)
	res, err := svc.CheckEntrant(ctx, r.Resident, immunization.EntryNursery, sep, sep.AddDays(4))
	require.NoError(t, err)
	assert.False(t, res.Complete)
	assert.Equal(t, gongwei.MustDate(2025, 9, 30), res.Deadline, "30 days from the entry check")
	var pending []immunization.Vaccine
	for _, c := range res.CatchUp {
		pending = append(pending, c.Vaccine)
	}
	assert.Contains(t, pending, immunization.BCG)
	assert.Contains(t, pending, immunization.DTaP)
	assert.NotContains(t, pending, immunization.HepB, "the three HepB doses are given")

	got, err := svc.Registration(ctx, r.Resident)
	require.NoError(t, err)
	require.Len(t, got.SchoolEntries, 1)
	assert.Equal(t, immunization.SchoolEntryCheck{Kind: immunization.EntryNursery, Entered: sep, Checked: sep.AddDays(4)}, got.SchoolEntries[0])

	_, err = svc.CheckEntrant(ctx, "nobody", immunization.EntryNursery, sep, sep)
	assert.ErrorIs(t, err, gongwei.ErrNotFound)
}

// TestSchoolEntryValidate: the kind must be known, the entry dated, no date before
// birth, and an outcome only for a check made.
func TestSchoolEntryValidate(t *testing.T) {
	r := immunizationtest.Registration(0, "110105001101")
	r.SchoolEntries = []immunization.SchoolEntryCheck{
		{Kind: 0, Entered: gongwei.MustDate(2025, 9, 1)},
		{Kind: immunization.EntrySchool, Complete: true},
		{Kind: immunization.EntryNursery, Entered: gongwei.MustDate(2020, 9, 1)},
	}
	err := r.Validate()
	var ve *gongwei.ValidationError
	require.True(t, errors.As(err, &ve))
	assert.True(t, ve.Has("SchoolEntries[0].Kind", gongwei.CodeUnknownCode))
	assert.True(t, ve.Has("SchoolEntries[1].Entered", gongwei.CodeRequired))
	assert.True(t, ve.Has("SchoolEntries[1].Complete", gongwei.CodeNotAllowed))
	assert.True(t, ve.Has("SchoolEntries[2].Entered", gongwei.CodeBeforeBirth))
	assert.Len(t, ve.Fields, 4)
}
