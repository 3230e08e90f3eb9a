// Package synth generates a synthetic county for the examples and the benchmarks: townships
// and villages under real-looking division codes, residents with valid ID numbers (GB
// 11643) and 17-digit archive numbers, an age pyramid, households, family-doctor contracts,
// the year's elderly checkups and the services that keep a record in use — with imperfect
// adherence, so that every indicator lands between 0 % and 100 % and some targets are
// missed.
//
// The domains: each resident's chronic-disease cases (County.Chronic: hypertension, type 2
// diabetes, severe mental disorders, TB, with the year's follow-ups) and pregnancy
// (County.Pregnancy); each child's health management (County.Child: the record and the
// scheduled visits with growth, Hb and TCM guidance) and vaccinations
// (County.Immunization: the registration and the doses of the schedule, some late, some
// missed); each township's supervised units, inspections, complaints and reports
// (County.Supervision) and health education activities (County.Education).
// County.LoadAll, LoadTownship and LoadResidents push them through each domain's service
// (chronic.Service, maternal.Registry, child.Service, immunization.Service,
// supervision.Service, education.Service) into the caller's Stores, so that the library
// validates, classifies and dates them.
//
// Everything is a function of the seed and the resident's index (or the township's
// number): resident i of a county is the same whichever shard, worker or order asks for
// it, so a county of a million can be generated shard by shard, in parallel, or streamed
// without ever being held in memory.
//
// The county writes as a real one does when it is loaded with an audit trail
// (Stores.Audit): each record by the staff member who would have made it (County.Author:
// the village doctor, or the township's public health staff for checkups, vaccinations,
// supervision and education) at a working hour of the service's day, departures handed
// over to a successor (County.Staff), deaths registered after the last service
// (County.Deaths). Config.Inject makes it fabricate instead: each Pattern
// (InjectAfterDeath, InjectDepartedStaff, InjectNightBurst, InjectClonedReadings,
// InjectDigitPreference, InjectConstantReadings, InjectTwoPlaces, InjectWorkload,
// InjectQuota, InjectClonedCheckups) at the rate given, the share of its units that show it, with the ground
// truth (County.Injected, Deaths, Staff, Cloned) for measuring the integrity checks.
// County.IntegritySources generates what the checks read without loading the county,
// and County.Figures the villages' reported figures.
//
// The shares used here (age pyramid, adherence) are made-up demonstration parameters, not
// national figures and not rules: they are chosen to look like a rural county's year.
package synth

import (
	"context"
	"fmt"
	"iter"
	"math/rand/v2"
	"slices"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/internal/recordfix"
)

// Edition is the edition of the generator's output. It is raised whenever the records
// generated for a configuration change (a new kind of record, another draw), so that a
// database an example loaded with an earlier generator is loaded again instead of being
// reported from as if it held today's county (see examples/internal/loadstate).
const Edition = 5

// Config describes the county to generate.
type Config struct {
	// Seed makes the county reproducible: the same seed gives the same county.
	Seed uint64
	// County is the 6-digit county division code (GB/T 2260 form).
	County string
	// Townships and VillagesPerTownship shape the county: township codes 001, 002, ...
	// and, in each, villagers' committees 101, 102, ... (nbphs-spec §1.4 ranges).
	Townships           int
	VillagesPerTownship int
	// Residents is the number of residents with a health record.
	Residents int
	// Year is the service year simulated; records are dated up to its last day.
	Year int
	// Inject makes the county fabricate: each Pattern at its rate, the share of its
	// units (residents, patients, staff accounts, villages or townships; see Pattern)
	// that show it. The zero value injects nothing: a clean county.
	Inject Injection
}

// DefaultConfig returns a county of n residents in 2025 under division code 410523,
// with 10 townships of 20 villages each (fewer for a small county), seed 1.
func DefaultConfig(n int) Config {
	c := Config{Seed: 1, County: "410523", Townships: 10, VillagesPerTownship: 20, Residents: n, Year: 2025}
	if n < 10000 {
		c.Townships, c.VillagesPerTownship = 2, 2
	}
	return c
}

// County is a generated county. It holds only its configuration and village list: every
// record is generated on demand from the seed and the resident's index.
type County struct {
	cfg      Config
	villages []healthrecord.Village
	period   gongwei.Period
}

// New checks cfg and returns the county. The error wraps gongwei.ErrInvalid.
func New(cfg Config) (*County, error) {
	if len(cfg.County) != 6 || cfg.Townships < 1 || cfg.Townships > 99 || cfg.VillagesPerTownship < 1 ||
		cfg.VillagesPerTownship > 99 || cfg.Residents < 0 || cfg.Year < 1950 || cfg.Year > 2100 {
		return nil, fmt.Errorf("%w: synth: config out of range", gongwei.ErrInvalid)
	}
	vs := make([]healthrecord.Village, 0, cfg.Townships*cfg.VillagesPerTownship)
	for t := 1; t <= cfg.Townships; t++ {
		for v := 1; v <= cfg.VillagesPerTownship; v++ {
			village, err := healthrecord.ParseVillage(fmt.Sprintf("%s%03d%03d", cfg.County, t, 100+v))
			if err != nil {
				return nil, fmt.Errorf("synth: %w", err)
			}
			vs = append(vs, village)
		}
	}
	if cfg.Residents > len(vs)*99999 {
		return nil, fmt.Errorf("%w: synth: more residents than archive serials", gongwei.ErrInvalid)
	}
	return &County{cfg: cfg, villages: vs, period: gongwei.Year(cfg.Year)}, nil
}

// Config returns the county's configuration.
func (c *County) Config() Config { return c.cfg }

// Period returns the service year.
func (c *County) Period() gongwei.Period { return c.period }

// Villages returns the county's villages in code order.
func (c *County) Villages() []healthrecord.Village {
	return append([]healthrecord.Village(nil), c.villages...)
}

// Township returns the 9-digit code of township t (1-based).
func (c *County) Township(t int) string { return c.cfg.County + pad3(t) }

// Residents returns the number of residents.
func (c *County) Residents() int { return c.cfg.Residents }

// villageOf returns the village of resident i and its serial there: residents are spread
// over the villages in contiguous runs, so a village's archive serials run 1, 2, ...
func (c *County) villageOf(i int) (healthrecord.Village, int) {
	n, v := c.cfg.Residents, len(c.villages)
	k := int(int64(i) * int64(v) / int64(n))
	for k+1 < v && int64(k+1)*int64(n) <= int64(i)*int64(v) {
		k++
	}
	first := int((int64(k)*int64(n) + int64(v) - 1) / int64(v))
	return c.villages[k], i - first + 1
}

// VillageRange returns the residents [from, to) of village k (0-based, Villages order):
// a shard that a worker can generate on its own.
func (c *County) VillageRange(k int) (from, to int) {
	n, v := int64(c.cfg.Residents), int64(len(c.villages))
	return int((int64(k)*n + v - 1) / v), int((int64(k+1)*n + v - 1) / v)
}

// TownshipRange returns the residents [from, to) of township t (1-based).
func (c *County) TownshipRange(t int) (from, to int) {
	from, _ = c.VillageRange((t - 1) * c.cfg.VillagesPerTownship)
	_, to = c.VillageRange(t*c.cfg.VillagesPerTownship - 1)
	return from, to
}

// rng returns the random stream of resident i for one purpose.
func (c *County) rng(i int, purpose uint64) *rand.Rand {
	return rand.New(rand.NewPCG(c.cfg.Seed^purpose*0x9e3779b97f4a7c15, uint64(i)))
}

// Purposes of the random streams (independent draws per resident).
const (
	drawPerson uint64 = iota + 1
	drawServices
)

// agePyramid is the share (per mille) of residents in each 5-year age band, 0-4 to 85+:
// a made-up rural shape (many adults of 30-59, a growing elderly share), not a census.
var agePyramid = [...]int{53, 64, 60, 52, 53, 65, 88, 70, 67, 82, 86, 72, 52, 52, 35, 22, 14, 13}

// Adherence shares (per mille) of the demonstration year.
const (
	paperRecords      = 70  // records not yet electronic
	incompleteRecords = 60  // records missing an item of the basic information form
	deathsInYear      = 6   // records closed by death during the year
	householdFiled    = 880 // households with a family record
	contractAdults    = 330 // contracts among residents under 65
	contractElderly   = 720 // contracts among residents 65 and over
	elderlyChecked    = 740 // residents 65+ examined in the year
	checkupComplete   = 900 // of those, checkups with every item (else no ECG)
	checkupWithTCM    = 820 // of those, checkups with the TCM constitution record
	servedInYear      = 450 // residents under 65 seen for a service in the year
	censusCovered     = 920 // residents with a record among the census population
)

// IDAddressCodes are the address codes of the generated ID numbers: the county's own
// code for the first 900,000 residents, then a neighbouring one (people born elsewhere).
// Within one address code, ID numbers are unique by construction (see Person).
func (c *County) idAddress(i int) string {
	if i < 900000 {
		return c.cfg.County
	}
	return fmt.Sprintf("%s%02d", c.cfg.County[:4], (int(c.cfg.County[4]-'0')*10+int(c.cfg.County[5]-'0')+i/900000)%100)
}

// Person is resident i with the records of the service year.
type Person struct {
	Index    int                    // i, the resident's place in the county
	Resident *healthrecord.Resident // the resident's record
	// Household is the family record the resident heads, if any.
	Household *healthrecord.Household
	Checkups  []*healthrecord.Checkup     // the year's health checkups
	Contracts []*healthrecord.Contract    // the family-doctor contracts
	Events    []healthrecord.ServiceEvent // the timeline entries of the year's services
}

// Person generates resident i (0 <= i < Residents) and the year's records, carrying the
// outcomes the health record service derives when it saves them (Resident.Derived,
// Checkup.Derived). It panics on an index out of range (a programming error of the
// caller).
func (c *County) Person(i int) *Person {
	if i < 0 || i >= c.cfg.Residents {
		panic(fmt.Sprintf("synth: resident %d of %d", i, c.cfg.Residents))
	}
	asOf := c.period.Last()
	r := c.rng(i, drawPerson)
	village, serial := c.villageOf(i)
	arch, err := village.Archive(serial)
	if err != nil {
		panic(err)
	}

	// Age band from the pyramid; the day within the band and the ID sequence code come
	// from the index, so that (address, birth date, sequence) never repeats: i' = i mod
	// 900000 gives sequence i' mod 500 and, from i'/500 (< 1800), a day of the band's
	// 1826.
	band := pick(r.IntN(1000), agePyramid[:])
	local := i % 900000
	male := r.IntN(2)
	bandStart := asOf.AddYears(-5 * (band + 1)).AddDays(1)
	// 977 is prime to 1826, so for a fixed sequence code the day is a bijection of i'/500.
	birth := bandStart.AddDays((local/500 + local%500*977) % 1826)
	id, err := healthrecord.NewIDNumber(c.idAddress(i), birth, 2*(local%500)+male)
	if err != nil {
		panic(err)
	}

	res := recordfix.ResidentAt(1+i%20000, arch.String())
	res.IDNumber, res.Sex, res.BirthDate = id, id.Sex(), birth
	res.Name = "居民" + itoa(i)
	res.Info.Phone = c.phone(i, village, serial)
	res.Household = healthrecord.HouseholdID("H" + arch.String())
	res.Created = c.created(r, birth)
	res.Electronic = r.IntN(1000) >= paperRecords
	res.Info.Updated = res.Created
	res.Info.LivingSince, res.Info.Residence = gongwei.Date{}, healthrecord.ResidenceRegistered
	res.Info.Illnesses, res.Info.Operations, res.Info.Injuries, res.Info.Transfusions =
		[]healthrecord.PastIllness{{Disease: healthrecord.DiseaseNone}}, healthrecord.ProcedureHistory{Flag: healthrecord.HistoryNone},
		healthrecord.ProcedureHistory{Flag: healthrecord.HistoryNone}, healthrecord.ProcedureHistory{Flag: healthrecord.HistoryNone}
	res.Tags = nil
	if birth.AgeYears(asOf) < 7 {
		res.Tags = append(res.Tags, healthrecord.TagChild)
	}
	if healthrecord.IsElderlyOn(birth, asOf) {
		res.Tags = append(res.Tags, healthrecord.TagElderly)
	}
	if r.IntN(1000) < incompleteRecords {
		res.Info.Living.Toilet = ""
	}
	if r.IntN(1000) < deathsInYear {
		from := c.period.Start
		if res.Created.After(from) {
			from = res.Created
		}
		died := from.AddDays(r.IntN(from.DaysUntil(c.period.Last()) + 1))
		res.Closure = healthrecord.Closure{Reason: healthrecord.ClosedDeath, Date: died, Cause: "脑卒中"}
	}

	p := &Person{Index: i, Resident: res}
	// Households of three consecutive residents of a village, headed by the first.
	headSerial := serial - (serial-1)%3
	res.Household = healthrecord.HouseholdID("H" + string(village) + pad5(headSerial))
	if serial == headSerial && r.IntN(1000) < householdFiled {
		h := recordfix.Household(i, res)
		h.ID = res.Household
		_, to := c.VillageRange(slices.Index(c.villages, village))
		for k, rel := range []healthrecord.Relation{healthrecord.RelationSpouse, healthrecord.RelationSon} {
			if i+1+k < to {
				member, _ := village.Archive(serial + 1 + k)
				h.Members = append(h.Members, healthrecord.HouseholdMember{Resident: healthrecord.ResidentID(member.String()), Relation: rel})
			}
		}
		p.Household = h
	}
	c.services(p)
	// The outcomes the health record service derives when it saves the records.
	res.Derived = res.DeriveOutcome()
	for _, ch := range p.Checkups {
		ch.Derived = ch.DeriveOutcome(res.BirthDate)
	}
	return p
}

// created returns the record's creation date: after birth, most before the year, some in
// it (new records of the year).
func (c *County) created(r *rand.Rand, birth gongwei.Date) gongwei.Date {
	first := gongwei.MustDate(2010, 1, 1)
	if birth.After(first) {
		first = birth
	}
	span := first.DaysUntil(c.period.Last())
	if span <= 0 {
		return c.period.Last()
	}
	return first.AddDays(r.IntN(span + 1))
}

// services adds the year's checkups, contracts and events of p.
func (c *County) services(p *Person) {
	r := c.rng(p.Index, drawServices)
	res := p.Resident
	y := c.period
	day := func(from, to gongwei.Date) gongwei.Date { return from.AddDays(r.IntN(from.DaysUntil(to) + 1)) }
	start := y.Start
	if res.Created.After(start) {
		start = res.Created
	}
	end := y.Last()
	if !res.Closure.Date.IsZero() && res.Closure.Date.Before(end) {
		end = res.Closure.Date.AddDays(-1)
	}
	if end.Before(start) {
		return
	}
	on := day(start, end)
	elderly := healthrecord.IsElderlyOn(res.BirthDate, on)

	share := contractAdults
	if elderly {
		share = contractElderly
	}
	if r.IntN(1000) < share {
		ct := recordfix.Contract(res, on)
		ct.Tags = res.Tags
		p.Contracts = append(p.Contracts, ct)
	}
	switch {
	case elderly && r.IntN(1000) < elderlyChecked:
		if d := c.checkupDay(res); !d.IsZero() && !d.Before(start) && !d.After(end) && healthrecord.IsElderlyOn(res.BirthDate, d) {
			on = d // InjectWorkload: the township's checkups entered on one day
		}
		ch := recordfix.Checkup(res, on)
		ch.ID = healthrecord.CheckupID(string(res.ID) + "-" + on.String())
		if r.IntN(1000) >= checkupComplete {
			ch.Tests.ECG = healthrecord.Finding{}
		}
		if r.IntN(1000) >= checkupWithTCM {
			ch.TCM = nil
		}
		c.measure(p, ch)
		p.Checkups = append(p.Checkups, ch)
		p.Events = append(p.Events, recordfix.Event(res, healthrecord.EventCheckup, on))
	case !elderly && r.IntN(1000) < servedInYear:
		p.Events = append(p.Events, recordfix.Event(res, healthrecord.EventConsultation, on))
	}
}

// pick returns the index of the band that x (0 <= x < sum of shares) falls in.
func pick(x int, shares []int) int {
	for k, s := range shares {
		if x < s {
			return k
		}
		x -= s
	}
	return len(shares) - 1
}

// People streams the persons [from, to), generated one at a time.
func (c *County) People(from, to int) iter.Seq[*Person] {
	return func(yield func(*Person) bool) {
		for i := max(from, 0); i < min(to, c.cfg.Residents); i++ {
			if !yield(c.Person(i)) {
				return
			}
		}
	}
}

// Load puts the persons [from, to) and their records into s (records with version 0:
// s must not hold them yet).
func (c *County) Load(ctx context.Context, s healthrecord.Store, from, to int) error {
	for p := range c.People(from, to) {
		if err := putRecords(ctx, s, p); err != nil {
			return err
		}
	}
	return nil
}

// putRecords puts p's health records into s.
func putRecords(ctx context.Context, s healthrecord.Store, p *Person) error {
	if err := s.PutResident(ctx, p.Resident, 0); err != nil {
		return fmt.Errorf("synth: resident %d: %w", p.Index, err)
	}
	if p.Household != nil {
		if err := s.PutHousehold(ctx, p.Household, 0); err != nil {
			return fmt.Errorf("synth: household of %d: %w", p.Index, err)
		}
	}
	for _, ch := range p.Checkups {
		if err := s.PutCheckup(ctx, ch, 0); err != nil {
			return fmt.Errorf("synth: checkup of %d: %w", p.Index, err)
		}
	}
	for _, ct := range p.Contracts {
		if err := s.PutContract(ctx, ct, 0); err != nil {
			return fmt.Errorf("synth: contract of %d: %w", p.Index, err)
		}
	}
	for _, e := range p.Events {
		if err := s.AppendEvent(ctx, e); err != nil {
			return fmt.Errorf("synth: event of %d: %w", p.Index, err)
		}
	}
	return nil
}

// Census is a village's census figures: more people live there than hold a record.
type Census struct {
	Village    healthrecord.Village
	Residents  int64
	Households int64
}

// Census returns each village's resident population and households: the records of the
// village divided by the share covered (censusCovered), rounded down, and one household
// per three residents.
func (c *County) Census() []Census {
	out := make([]Census, len(c.villages))
	for k, v := range c.villages {
		from, to := c.VillageRange(k)
		pop := int64(to-from) * 1000 / censusCovered
		out[k] = Census{Village: v, Residents: pop, Households: (pop + 2) / 3}
	}
	return out
}
