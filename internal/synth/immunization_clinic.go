package synth

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/immunization"
)

// drawAEFI is the purpose of the AEFI reports' stream (indexed by the township), apart
// from every other, so that the records drawn before it existed do not change.
const drawAEFI uint64 = 316

// AEFI figures of the synthetic county, from China's national AEFI surveillance: 32.52
// reports per 100,000 doses, 0.45% of them serious, 95.53% general (common) and 3.52%
// abnormal (rare) reactions, the rest of other causes (China CDC, 中国疫苗和免疫 2024,
// surveillance data 2021–2022: https://search.napstic.cn/literature/periodical/010zgjhmy202404018);
// 98.48% reported within 48 hours (2012 surveillance data, same journal:
// https://paperexplained.cn/articles/paper/detail/f9070cfdfcf53813e32fa4a2380a01df536690c4).
// A township gives far fewer doses than 100,000 a year, so the generator reports at
// least one event a township (a demonstration floor, not a rate).
const (
	aefiPer10M          = 3252 // reports per 10 million doses
	aefiSeriousPer10k   = 45
	aefiTimelyPer10k    = 9848
	aefiReportsAtLeast  = 1
	aefiClassifyDaysMax = 30 // the investigation's conclusion within a month (example)
)

// aefiClasses are the classes drawn, per 10,000 reports (the figures above; the rest,
// other causes, drawn as coincidental illness).
var aefiClasses = []struct {
	class  immunization.AEFIClass
	per10k int
}{{immunization.AEFIGeneral, 9553}, {immunization.AEFIAbnormal, 352}, {immunization.AEFICoincidental, 95}}

// aefiSymptoms are the commonest reactions reported (fever, redness and induration at
// the site; the sources above).
var aefiSymptoms = []string{"发热", "局部红肿", "局部硬结", "过敏性皮疹"}

// LoadAEFIs draws township t's (1-based) AEFI reports from the doses given in the year
// to its registered children (read from s.Immunization, so load the residents first) and
// reports them through the immunization service into s.ImmunizationClinic: the national
// rate of reports per dose (at least one), their severity, classification and
// timeliness drawn at the national proportions, on a stream of their own. A report
// already in the store is left as it is. Nothing is done without s.ImmunizationClinic.
func (c *County) LoadAEFIs(ctx context.Context, s Stores, t int) error {
	sv := newServices(s)
	if s.ImmunizationClinic == nil || sv.immunization == nil {
		return nil
	}
	doses, err := c.yearDoses(ctx, s, t)
	if err != nil || len(doses) == 0 {
		return err
	}
	r := c.rng(t, drawAEFI)
	n := max(aefiReportsAtLeast, (len(doses)*aefiPer10M+5_000_000)/10_000_000)
	picked := map[int]bool{}
	shanghai := time.FixedZone("CST", 8*3600)
	svc := sv.immunization.AEFI(s.ImmunizationClinic)
	for k := 0; k < n && len(picked) < len(doses); k++ {
		i := r.IntN(len(doses))
		for picked[i] {
			i = (i + 1) % len(doses)
		}
		picked[i] = true
		d := doses[i]
		onset := d.v.Dose.Date.AddDays(r.IntN(2))
		found := time.Date(onset.Year(), onset.Month(), onset.Day(), between(r, 9, 17), 0, 0, 0, shanghai)
		rep := &immunization.AEFIReport{
			ID:       immunization.AEFIID(gongwei.NormalizeCode(fmt.Sprintf("%s-AEFI%02d", c.Township(t), k+1))),
			Resident: d.reg.Resident, Village: d.reg.Village, Clinic: cmp.Or(d.v.Clinic, c.Township(t)+"000"),
			Vaccination: d.v.ID, Vaccine: d.v.Dose.Vaccine, Lot: d.v.Lot, Vaccinated: d.v.Dose.Date,
			Onset: onset, Found: found, Symptom: aefiSymptoms[r.IntN(len(aefiSymptoms))],
			Severity: immunization.AEFINonSerious, Class: immunization.AEFIPending,
		}
		if r.IntN(10_000) < aefiSeriousPer10k {
			rep.Severity = immunization.AEFISerious
		}
		if r.IntN(10_000) < aefiTimelyPer10k {
			rep.Reported = found.Add(time.Duration(between(r, 1, 47)) * time.Hour)
		} else {
			rep.Reported = found.Add(time.Duration(between(r, 49, 96)) * time.Hour)
		}
		x := r.IntN(10_000)
		for _, w := range aefiClasses {
			if rep.Class = w.class; x < w.per10k {
				break
			}
			x -= w.per10k
		}
		if day := onset.AddDays(between(r, 3, aefiClassifyDaysMax)); !day.After(c.period.Last()) {
			rep.Classified = day
		} else {
			rep.Class = immunization.AEFIPending
		}
		if _, err := s.ImmunizationClinic.AEFI(ctx, rep.ID); err == nil {
			continue
		} else if !errors.Is(err, gongwei.ErrNotFound) {
			return err
		}
		ctx := sv.authored(ctx, c, "immunization.AEFIReport", string(rep.ID), rep.Village, onset)
		if err := svc.Report(ctx, rep); err != nil {
			return fmt.Errorf("synth: township %d: AEFI report: %w", t, err)
		}
	}
	return nil
}

// drawColdChain is the purpose of the cold-chain logs' stream (indexed by the
// township), apart from every other.
const drawColdChain uint64 = 317

// LoadColdChain logs, for each vaccination clinic of township t (1-based) that gave a
// dose in the year (read from s.Immunization, so load the residents first), its
// refrigerator's temperatures through the immunization service into
// s.ImmunizationClinic: one log for the year, kept by hand twice a day, at 08:30 and
// 16:30 (the 2017 规范's art. 11: morning and afternoon, at least 6 hours apart;
// plan-services.md §5), every reading within 2–8 °C (3.0–7.0 °C drawn), on a stream of
// its own. A log already in the store is left as it is. Nothing is done without
// s.ImmunizationClinic.
func (c *County) LoadColdChain(ctx context.Context, s Stores, t int) error {
	sv := newServices(s)
	if s.ImmunizationClinic == nil || sv.immunization == nil {
		return nil
	}
	doses, err := c.yearDoses(ctx, s, t)
	if err != nil {
		return err
	}
	clinics := map[string]bool{}
	for _, d := range doses {
		if d.v.Clinic != "" {
			clinics[d.v.Clinic] = true
		}
	}
	r := c.rng(t, drawColdChain)
	shanghai := time.FixedZone("CST", 8*3600)
	svc := sv.immunization.ColdChain(s.ImmunizationClinic)
	for i, clinic := range slices.Sorted(maps.Keys(clinics)) {
		l := &immunization.TemperatureLog{Clinic: clinic, Device: "冰箱1", Compartment: immunization.Refrigerated}
		l.ID = immunization.TemperatureLogID(gongwei.NormalizeCode(fmt.Sprintf("%s-%d-CC%d", c.Township(t), c.period.Start.Year(), i+1)))
		for d := c.period.Start; d.Before(c.period.End); d = d.AddDays(1) {
			for _, hour := range []int{8, 16} {
				l.Readings = append(l.Readings, immunization.Reading{
					At:      time.Date(d.Year(), d.Month(), d.Day(), hour, 30, 0, 0, shanghai),
					Celsius: float64(between(r, 30, 70)) / 10,
				})
			}
		}
		if _, err := s.ImmunizationClinic.TemperatureLog(ctx, l.ID); err == nil {
			continue
		} else if !errors.Is(err, gongwei.ErrNotFound) {
			return err
		}
		if err := svc.Log(sv.authored(ctx, c, "immunization.TemperatureLog", string(l.ID), healthrecord.Village(c.Township(t)+"000"), c.period.Last()), l); err != nil {
			return fmt.Errorf("synth: township %d: temperature log: %w", t, err)
		}
	}
	return nil
}

// yearDose is a dose given in the year and the child's registration.
type yearDose struct {
	reg *immunization.Registration
	v   *immunization.Vaccination
}

// yearDoses reads the doses given in the year to the children registered in township t.
func (c *County) yearDoses(ctx context.Context, s Stores, t int) ([]yearDose, error) {
	var doses []yearDose
	for r, err := range s.Immunization.Registrations(ctx, immunization.Filter{Prefix: c.Township(t)}) {
		if err != nil {
			return nil, err
		}
		for v, err := range s.Immunization.Vaccinations(ctx, immunization.VaccinationFilter{Resident: r.Resident, Period: c.period}) {
			if err != nil {
				return nil, err
			}
			doses = append(doses, yearDose{r, v})
		}
	}
	return doses, nil
}

// drawFloating is the purpose of the floating children's stream (indexed by the
// township), apart from every other.
const drawFloating uint64 = 318

// floatingPerMille is the share of the township's registered children recorded as
// moving in the year, half arriving and half leaving (an example figure: the references
// give none).
const floatingPerMille = 30

// LoadFloating records, for floatingPerMille of township t's (1-based) registered
// children born before the year (read from s.Immunization, so load the residents first),
// an arrival (迁入) or a departure (迁出) on a day of the year, through the immunization
// service's floating-children register into s.ImmunizationClinic, with the national
// residence rule (immunization.DefaultResidence), on a stream of its own. A movement
// already in the store is left as it is. Nothing is done without s.ImmunizationClinic.
func (c *County) LoadFloating(ctx context.Context, s Stores, t int) error {
	sv := newServices(s)
	if s.ImmunizationClinic == nil || sv.immunization == nil {
		return nil
	}
	r := c.rng(t, drawFloating)
	svc := sv.immunization.Floating(s.ImmunizationClinic, immunization.DefaultResidence)
	var moves []*immunization.Movement
	for reg, err := range s.Immunization.Registrations(ctx, immunization.Filter{Prefix: c.Township(t)}) {
		if err != nil {
			return err
		}
		if reg.Child.Birth.IsZero() || !reg.Child.Birth.Before(c.period.Start) || !chance(r, floatingPerMille) {
			continue
		}
		m := &immunization.Movement{Resident: reg.Resident, Village: reg.Village, Kind: immunization.Arrival,
			Date: c.period.Start.AddDays(r.IntN(365)), Place: "外省"}
		if chance(r, 500) {
			m.Kind = immunization.Departure
		}
		m.ID = immunization.MovementID(gongwei.NormalizeCode(string(reg.Resident) + "-M1"))
		moves = append(moves, m)
	}
	for _, m := range moves {
		if _, err := s.ImmunizationClinic.Movement(ctx, m.ID); err == nil {
			continue
		} else if !errors.Is(err, gongwei.ErrNotFound) {
			return err
		}
		if err := svc.Move(sv.authored(ctx, c, "immunization.Movement", string(m.ID), m.Village, m.Date), m); err != nil {
			return fmt.Errorf("synth: township %d: movement: %w", t, err)
		}
	}
	return nil
}
