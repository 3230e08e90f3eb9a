package synth

import (
	"math/rand/v2"
	"strconv"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// Purposes of the random streams of the domain generators, apart from drawPerson and
// drawServices so that adding a domain never changes what the others draw. Resident-level
// streams are indexed by the resident, township-level ones by the township number.
const (
	drawChronic     uint64 = 101
	drawMaternal    uint64 = 102
	drawBirth       uint64 = 103
	drawChild       uint64 = 104
	drawImmunize    uint64 = 105
	drawAssessed    uint64 = 106 // prenatal screening and school entries
	drawTB          uint64 = 107 // whether a resident has TB
	drawSupervision uint64 = 201
	drawEducation   uint64 = 202
)

// chance reports true with probability perMille/1000.
func chance(r *rand.Rand, perMille int) bool { return r.IntN(1000) < perMille }

// between returns a uniform integer in [lo, hi] (lo when hi < lo).
func between(r *rand.Rand, lo, hi int) int {
	if hi <= lo {
		return lo
	}
	return lo + r.IntN(hi-lo+1)
}

// dayIn returns a uniform date in [from, to] (from when to is before from).
func dayIn(r *rand.Rand, from, to gongwei.Date) gongwei.Date {
	n := from.DaysUntil(to)
	if n <= 0 {
		return from
	}
	return from.AddDays(r.IntN(n + 1))
}

// tenths returns a uniform value in [lo, hi] with one decimal, as forms record them.
func tenths(r *rand.Rand, lo, hi float64) float64 {
	a, b := int(lo*10+0.5), int(hi*10+0.5)
	return float64(between(r, a, b)) / 10
}

// laterOf and earlierOf return the later or earlier of two dates.
func laterOf(a, b gongwei.Date) gongwei.Date {
	if a.After(b) {
		return a
	}
	return b
}

func earlierOf(a, b gongwei.Date) gongwei.Date {
	if a.Before(b) {
		return a
	}
	return b
}

// digits8 returns d as YYYYMMDD without fmt, for IDs.
func digits8(d gongwei.Date) string {
	y, m, dd := d.Date()
	var b [8]byte
	v := y*10000 + int(m)*100 + dd
	for i := 7; i >= 0; i-- {
		b[i] = byte('0' + v%10)
		v /= 10
	}
	return string(b[:])
}

// itoa is strconv.Itoa.
func itoa(i int) string { return strconv.Itoa(i) }

// pad3 returns i (0-999) as three digits.
func pad3(i int) string {
	return string([]byte{byte('0' + i/100%10), byte('0' + i/10%10), byte('0' + i%10)})
}

// pad5 returns i (0-99999) as five digits.
func pad5(i int) string {
	var b [5]byte
	for k := 4; k >= 0; k-- {
		b[k] = byte('0' + i%10)
		i /= 10
	}
	return string(b[:])
}

// clinic returns the provider of a service given at a village clinic (村卫生室): the
// village's 12-digit code and a staff number.
func clinic(v healthrecord.Village) healthrecord.Provider {
	return healthrecord.Provider{Institution: string(v), Staff: healthrecord.StaffID(VillageDoctor(v))}
}

// centre returns the provider of a service given at the township health centre (乡镇卫生院)
// of village v: the township's 9-digit code followed by 000.
func centre(v healthrecord.Village) healthrecord.Provider {
	return healthrecord.Provider{Institution: string(v[:9]) + "000", Staff: healthrecord.StaffID("T" + string(v[6:9]))}
}

// townshipVillages returns the villages of township t (1-based).
func (c *County) townshipVillages(t int) []healthrecord.Village {
	n := c.cfg.VillagesPerTownship
	return c.villages[(t-1)*n : t*n]
}
