package synth

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/healthrecord/memstore"
)

func TestPeopleAreValidAndDistinct(t *testing.T) {
	c := mustNew(t, DefaultConfig(3000))
	ids, archives := map[string]bool{}, map[string]bool{}
	var problems int
	for p := range c.People(0, c.Residents()) {
		r := p.Resident
		if err := r.Validate(); err != nil {
			problems++
			if problems < 5 {
				var ve *gongwei.ValidationError
				errors.As(err, &ve)
				t.Errorf("resident %d: %v", p.Index, err)
			}
		}
		assert.False(t, ids[r.IDNumber.String()], "ID number repeats at %d", p.Index)
		assert.False(t, archives[r.Archive.String()], "archive repeats at %d", p.Index)
		ids[r.IDNumber.String()], archives[r.Archive.String()] = true, true
		for _, ch := range p.Checkups {
			require.NoError(t, ch.Validate(), "checkup of %d", p.Index)
		}
		for _, ct := range p.Contracts {
			require.NoError(t, ct.Validate(), "contract of %d", p.Index)
		}
		if p.Household != nil {
			require.NoError(t, p.Household.Validate(), "household of %d", p.Index)
		}
	}
}

func TestDeterministicAndShardable(t *testing.T) {
	c := mustNew(t, DefaultConfig(2000))
	a, b := c.Person(1234), c.Person(1234)
	assert.Equal(t, a, b)
	// Villages partition the residents.
	n := 0
	for k := range c.Villages() {
		from, to := c.VillageRange(k)
		for i := from; i < to; i++ {
			v, _ := c.villageOf(i)
			require.Equal(t, c.villages[k], v)
		}
		n += to - from
	}
	assert.Equal(t, c.Residents(), n)
	from, to := c.TownshipRange(2)
	assert.Equal(t, "410523002", string(c.Person(from).Resident.Archive.Division()))
	assert.Equal(t, "410523002", string(c.Person(to-1).Resident.Archive.Division()))
}

func TestLoad(t *testing.T) {
	c := mustNew(t, DefaultConfig(1000))
	s := memstore.New()
	require.NoError(t, c.Load(context.Background(), s, 0, c.Residents()))
	n := 0
	for _, err := range s.Residents(context.Background(), healthrecord.ResidentFilter{}) {
		require.NoError(t, err)
		n++
	}
	assert.Equal(t, 1000, n)
}
