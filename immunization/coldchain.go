package immunization

import (
	"cmp"
	"context"
	"fmt"
	"iter"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// Compartment is the storage condition a cold-chain device keeps (疫苗储存和运输管理规范,
// 2017). The zero value is "not recorded". Values are append-only.
type Compartment uint8

// Compartments.
const (
	// Refrigerated: 2-8 °C, the range of the programme's vaccines.
	Refrigerated Compartment = iota + 1
	// Frozen: -20 °C or below.
	Frozen
	numCompartments
)

// TemperatureRange is a compliant temperature range in °C, both bounds included; a NaN
// bound is open.
type TemperatureRange struct {
	Min, Max float64
}

// Contains reports whether c is within r.
func (r TemperatureRange) Contains(c float64) bool {
	return (math.IsNaN(r.Min) || c >= r.Min) && (math.IsNaN(r.Max) || c <= r.Max)
}

// Range returns the compliant range of the compartment: refrigerated vaccines at 2-8 °C,
// frozen storage at -20 °C or below (plan-services.md §5, "Storage temperature", from a
// public vaccination-clinic inspection checklist; "below -20 °C" is read as -20 °C
// included). The zero Compartment has no range: every reading is outside it.
func (c Compartment) Range() TemperatureRange {
	switch c {
	case Refrigerated:
		return TemperatureRange{Min: 2, Max: 8}
	case Frozen:
		return TemperatureRange{Min: math.NaN(), Max: -20}
	}
	return TemperatureRange{Min: math.Inf(1), Max: math.Inf(-1)}
}

// Manual recording (疫苗储存和运输管理规范 art. 11, plan-services.md §5 "Manual recording
// frequency", quoted by two public code sources): at least one reading in the morning
// and one in the afternoon each day, at least 6 hours apart.
const (
	// ManualReadingGap is the least time between a day's morning and afternoon readings.
	ManualReadingGap = 6 * time.Hour
	// afternoon is the hour from which a reading is the afternoon one.
	afternoon = 12
)

// Reading is one temperature reading.
type Reading struct {
	// At is the instant of the reading (stored in UTC).
	At time.Time
	// Celsius is the temperature in °C.
	Celsius float64
}

// TemperatureLogID identifies a temperature log.
type TemperatureLogID string

// TemperatureLog is the temperature record of one refrigerator, freezer, cold box or
// cold bag (冷链设备温度记录) over a span of time: readings in time order.
type TemperatureLog struct {
	// ID identifies the log.
	ID TemperatureLogID
	// Clinic is the vaccination unit that keeps the device; Device names the device
	// (refrigerator 1, cold box 2).
	Clinic, Device string
	// Compartment is the storage condition; its Range decides excursions.
	Compartment Compartment
	// Interval is the longest time allowed between two readings of an automatic monitor
	// (the host's setting: the references give no figure for vaccines; plan-services.md
	// §5 quotes 30 minutes from the drug GSP annex, not the vaccine 规范); zero for a log
	// kept by hand, checked against the twice-a-day rule ([ManualReadingGap]).
	Interval time.Duration
	// Readings are the readings, strictly in time order.
	Readings []Reading
	// Version is the optimistic-locking version (see ColdChainStore).
	Version int64
}

// Validation codes of temperature logs.
const (
	// CodeReadingGap: a reading is missing: more than Interval since the previous one, or
	// a day without a morning and an afternoon reading 6 hours apart.
	CodeReadingGap gongwei.Code = "immunization.reading_gap"
)

// Start returns the instant of the first reading, the zero time for an empty log.
func (l *TemperatureLog) Start() time.Time {
	if len(l.Readings) == 0 {
		return time.Time{}
	}
	return l.Readings[0].At
}

// Validate reports every problem of l at once as a *gongwei.ValidationError: required
// fields, each reading's instant (not in the future) and plausible temperature (-90 to
// 60 °C, finite), readings strictly in time order, and gaps: for an automatic monitor
// more than Interval between two readings; for a log kept by hand a day from the first
// reading's to the last's without a morning and an afternoon reading at least 6 hours
// apart (the day is reported at the first reading after it, or the last reading); gaps
// are looked for once the readings are in order.
func (l *TemperatureLog) Validate() error { return l.validateOn(gongwei.Today()) }

func (l *TemperatureLog) validateOn(today gongwei.Date) error {
	var ve gongwei.ValidationError
	ve.Record = "immunization.TemperatureLog"
	ve.Check(l.ID != "", "ID", gongwei.CodeRequired)
	ve.Check(!gongwei.IsBlank(l.Clinic), "Clinic", gongwei.CodeRequired)
	ve.Check(!gongwei.IsBlank(l.Device), "Device", gongwei.CodeRequired)
	gongwei.CheckText(&ve, "ID", string(l.ID), gongwei.TextShort)
	gongwei.CheckText(&ve, "Clinic", l.Clinic, gongwei.TextName)
	gongwei.CheckText(&ve, "Device", l.Device, gongwei.TextName)
	ve.Check(l.Compartment > 0 && l.Compartment < numCompartments, "Compartment", gongwei.CodeUnknownCode)
	ve.Check(l.Interval >= 0, "Interval", gongwei.CodeOutOfRange, 0, "")
	ve.Check(len(l.Readings) > 0, "Readings", gongwei.CodeRequired)
	ordered := true
	for i, r := range l.Readings {
		f := fmt.Sprintf("Readings[%d]", i)
		if r.At.IsZero() {
			ve.Add(f+".At", gongwei.CodeRequired)
			ordered = false
			continue
		}
		checkInstant(&ve, f+".At", r.At, today)
		if math.IsNaN(r.Celsius) || math.IsInf(r.Celsius, 0) {
			ve.Add(f+".Celsius", gongwei.CodeNotFinite)
		} else {
			ve.CheckRange(f+".Celsius", r.Celsius, -90, 60)
		}
		if i > 0 && !l.Readings[i-1].At.IsZero() && !r.At.After(l.Readings[i-1].At) {
			ve.Add(f+".At", gongwei.CodeOrder)
			ordered = false
		}
	}
	if ordered && len(l.Readings) > 0 {
		for _, i := range l.gaps() {
			ve.Add(fmt.Sprintf("Readings[%d].At", i), CodeReadingGap)
		}
	}
	return ve.Err()
}

// gaps returns the indexes of the readings at which a gap is found (see Validate). The
// readings must be in order.
func (l *TemperatureLog) gaps() []int {
	var out []int
	rs := l.Readings
	if l.Interval > 0 {
		for i := 1; i < len(rs); i++ {
			if rs[i].At.Sub(rs[i-1].At) > l.Interval {
				out = append(out, i)
			}
		}
		return out
	}
	// By hand: every day from the first reading's to the last's needs a morning reading
	// and an afternoon one at least 6 hours after it.
	i := 0
	for day := dayOf(rs[0].At); !day.After(dayOf(rs[len(rs)-1].At)); day = day.AddDays(1) {
		var am, pm []time.Time
		j := i
		for ; j < len(rs) && dayOf(rs[j].At) == day; j++ {
			if rs[j].At.In(shanghaiZone).Hour() < afternoon {
				am = append(am, rs[j].At)
			} else {
				pm = append(pm, rs[j].At)
			}
		}
		ok := false
		for _, a := range am {
			if slices.ContainsFunc(pm, func(p time.Time) bool { return p.Sub(a) >= ManualReadingGap }) {
				ok = true
				break
			}
		}
		if !ok {
			out = append(out, min(j, len(rs)-1))
		}
		i = j
	}
	return slices.Compact(out)
}

// shanghaiZone is Asia/Shanghai from the host's zone database, or UTC+8 (no daylight
// saving time since 1991) without one.
var shanghaiZone = func() *time.Location {
	if loc, err := time.LoadLocation("Asia/Shanghai"); err == nil {
		return loc
	}
	return time.FixedZone("CST", 8*3600)
}()

// Excursion is a run of consecutive readings outside the compartment's range
// (温度异常): from the first such reading to the first compliant reading after it.
type Excursion struct {
	// Log and Clinic, Device identify where it happened.
	Log            TemperatureLogID
	Clinic, Device string
	// Start is the instant of the first reading out of range; End that of the next
	// reading back in range, or of the last reading when the log ends out of range
	// (Open).
	Start, End time.Time
	Open       bool
	// Min and Max are the extreme readings of the run.
	Min, Max float64
}

// Duration returns End - Start: how long the excursion is known to have lasted. The
// 规范 gives no tolerated duration (plan-services.md §5, UNCONFIRMED): a host that
// tolerates short excursions filters by it.
func (e Excursion) Duration() time.Duration { return e.End.Sub(e.Start) }

// Excursions returns the excursions of l, in time order. The log should be valid
// (readings in order); readings out of order are taken as they come.
func (l *TemperatureLog) Excursions() []Excursion {
	rng := l.Compartment.Range()
	var out []Excursion
	var cur *Excursion
	for _, r := range l.Readings {
		in := rng.Contains(r.Celsius)
		switch {
		case !in && cur == nil:
			out = append(out, Excursion{Log: l.ID, Clinic: l.Clinic, Device: l.Device, Start: r.At, End: r.At, Open: true, Min: r.Celsius, Max: r.Celsius})
			cur = &out[len(out)-1]
		case !in:
			cur.End, cur.Min, cur.Max = r.At, math.Min(cur.Min, r.Celsius), math.Max(cur.Max, r.Celsius)
		case cur != nil:
			cur.End, cur.Open = r.At, false
			cur = nil
		}
	}
	return out
}

// LotReview is a lot given at a clinic on a day of an excursion there, listed for review
// (the 规范's handling of temperature problems, arts. 22-24: isolate, stop using, assess,
// report; plan-services.md §5).
type LotReview struct {
	// Clinic, Vaccine and Lot name the lot reviewed and the clinic that stored it.
	Clinic  string
	Vaccine Vaccine
	Lot     string
	// Doses are the vaccinations of the lot given on the days of the excursions, by date,
	// then ID.
	Doses []VaccinationID
	// Excursions are the excursions the doses fall in.
	Excursions []Excursion
}

// LotsToReview lists, per clinic, vaccine and lot, the doses given at a clinic on a day
// (Asia/Shanghai) from the start to the end of an excursion of one of that clinic's
// devices, ordered by clinic, vaccine, lot. Doses carry dates, not times, so every dose
// of those days is listed.
func LotsToReview(excursions []Excursion, doses []*Vaccination) []LotReview {
	type key struct {
		clinic  string
		vaccine Vaccine
		lot     string
	}
	m := map[key]*LotReview{}
	for _, v := range doses {
		if v == nil {
			continue
		}
		for _, e := range excursions {
			if e.Clinic != v.Clinic || v.Dose.Date.Before(dayOf(e.Start)) || v.Dose.Date.After(dayOf(e.End)) {
				continue
			}
			k := key{v.Clinic, v.Dose.Vaccine, v.Lot}
			r := m[k]
			if r == nil {
				r = &LotReview{Clinic: v.Clinic, Vaccine: v.Dose.Vaccine, Lot: v.Lot}
				m[k] = r
			}
			if !slices.Contains(r.Doses, v.ID) {
				r.Doses = append(r.Doses, v.ID)
			}
			if !slices.ContainsFunc(r.Excursions, func(x Excursion) bool { return x.Log == e.Log && x.Start.Equal(e.Start) }) {
				r.Excursions = append(r.Excursions, e)
			}
		}
	}
	out := make([]LotReview, 0, len(m))
	for _, r := range m {
		slices.Sort(r.Doses)
		out = append(out, *r)
	}
	slices.SortFunc(out, func(a, b LotReview) int {
		return cmp.Or(cmp.Compare(a.Clinic, b.Clinic), cmp.Compare(a.Vaccine, b.Vaccine), cmp.Compare(a.Lot, b.Lot))
	})
	return out
}

// ParseCelsius reads a temperature as written in a log: a decimal number with an
// optional "℃", "°C" or "C" (full-width forms, spaces and a full-width minus accepted),
// e.g. "4.5", "-22℃", "４．５°C". Anything else is an error wrapping gongwei.ErrInvalid
// that does not repeat the input.
func ParseCelsius(s string) (float64, error) {
	t := strings.TrimSpace(gongwei.Normalize(s))
	t = strings.ReplaceAll(t, "−", "-")
	for _, suf := range []string{"℃", "°C", "°c", "C", "c"} {
		if x, ok := strings.CutSuffix(t, suf); ok {
			t = strings.TrimSpace(x)
			break
		}
	}
	c, err := strconv.ParseFloat(t, 64)
	if err != nil || t == "" || strings.ContainsAny(t, "xXpPeEiInN_") || math.IsNaN(c) || math.IsInf(c, 0) {
		return 0, fmt.Errorf("%w: immunization: temperature", gongwei.ErrInvalid)
	}
	return c, nil
}

// ColdChainStore keeps temperature logs, with the contract of [AEFIStore] (keys,
// versions, errors, streams, copies, concurrency). The package immunizationtest checks
// every clause (TestColdChainStore).
type ColdChainStore interface {
	// TemperatureLog returns the log with the given ID.
	TemperatureLog(ctx context.Context, id TemperatureLogID) (*TemperatureLog, error)
	// PutTemperatureLog stores l under l.ID over version prev.
	PutTemperatureLog(ctx context.Context, l *TemperatureLog, prev int64) error
	// TemperatureLogs streams the logs matching f, ordered by clinic, device, the first
	// reading's instant, then ID.
	TemperatureLogs(ctx context.Context, f ColdChainFilter) iter.Seq2[*TemperatureLog, error]
}

// ColdChainFilter selects temperature logs; set fields combine with AND.
type ColdChainFilter struct {
	// Clinic selects one clinic's logs; empty for all.
	Clinic string
	// Period selects the logs whose first reading falls, as a date in Asia/Shanghai, in
	// it; the zero Period selects every log.
	Period gongwei.Period
}

// Match reports whether l is selected by f.
func (f ColdChainFilter) Match(l *TemperatureLog) bool {
	if f.Clinic != "" && l.Clinic != f.Clinic {
		return false
	}
	return f.Period == (gongwei.Period{}) || f.Period.Contains(dayOf(l.Start()))
}

// ColdChainService wraps a ColdChainStore: it validates and normalises logs before they
// are stored and reviews excursions against the doses given. Get one from
// [Service.ColdChain].
type ColdChainService struct {
	g *Service
	s ColdChainStore
}

// ColdChain returns the cold-chain service over s; it reads doses from g's store and
// takes g's day of recording.
func (g *Service) ColdChain(s ColdChainStore) *ColdChainService { return &ColdChainService{g: g, s: s} }

// Log stores a temperature log: every problem (gaps and readings out of order included)
// is reported at once and nothing is stored. Instants are stored in UTC. On success
// l.Version is the new version.
func (c *ColdChainService) Log(ctx context.Context, l *TemperatureLog) error {
	const op = "immunization: temperature log: "
	l.ID = TemperatureLogID(gongwei.NormalizeCode(string(l.ID)))
	l.Clinic, l.Device = gongwei.Normalize(l.Clinic), gongwei.Normalize(l.Device)
	if err := l.validateOn(c.g.today()); err != nil {
		return fmt.Errorf(op+"%w", err)
	}
	cp := *l
	cp.Readings = make([]Reading, len(l.Readings))
	for i, r := range l.Readings {
		cp.Readings[i] = Reading{At: utc(r.At), Celsius: r.Celsius}
	}
	ch := healthrecord.Change{Kind: "immunization.TemperatureLog", ID: string(cp.ID)}
	if err := putNext(ctx, op, c.g.trail, ch, &cp, func(x *TemperatureLog) *int64 { return &x.Version }, c.s.PutTemperatureLog); err != nil {
		return err
	}
	l.Readings, l.Version = cp.Readings, cp.Version
	return nil
}

// Review returns the excursions of the logs of clinic (empty: every clinic) whose first
// reading falls in p, and the lots given at those clinics on the excursions' days, from
// the doses of the villages under prefix ([LotsToReview]).
func (c *ColdChainService) Review(ctx context.Context, clinic, prefix string, p gongwei.Period) ([]Excursion, []LotReview, error) {
	var exs []Excursion
	for l, err := range c.s.TemperatureLogs(ctx, ColdChainFilter{Clinic: clinic, Period: p}) {
		if err != nil {
			return nil, nil, err
		}
		exs = append(exs, l.Excursions()...)
	}
	if len(exs) == 0 {
		return nil, nil, nil
	}
	first, last := dayOf(exs[0].Start), dayOf(exs[0].End)
	for _, e := range exs[1:] {
		if d := dayOf(e.Start); d.Before(first) {
			first = d
		}
		if d := dayOf(e.End); d.After(last) {
			last = d
		}
	}
	var doses []*Vaccination
	for v, err := range c.g.s.Vaccinations(ctx, VaccinationFilter{Prefix: prefix, Period: gongwei.Period{Start: first, End: last.AddDays(1)}}) {
		if err != nil {
			return nil, nil, err
		}
		doses = append(doses, v)
	}
	return exs, LotsToReview(exs, doses), nil
}
