package indicators

import (
	"context"
	"fmt"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/villageclinic"
)

// The indicator codes filled by [VillageShareIndicators].
const (
	codeVillageShare    Code = "village.share"
	codeVillageDivision Code = "village.division"
)

// VillageShareCodes lists the indicators [VillageShareIndicators] fills, in catalogue
// order.
var VillageShareCodes = []Code{codeVillageShare, codeVillageDivision}

// VillageShareIndicators reads the service timeline (healthrecord.ServiceEvent) of the
// residents of the jurisdiction prefix active on p's last day and adds to sink, for each
// service of p that is a task of the division of labour (villageclinic.TaskOf) delivered
// by an institution of a known level (d.LevelOf of the event's Provider.Institution: the
// performer recorded on each service), counted under the resident's village:
//
//   - village.share (村医承担基本公共卫生服务比例, 乡村一体化): numerator the services
//     delivered by a village clinic, denominator every such service. The national notices
//     give the village clinics about 40% of the work (d.VillageSharePercent, UNCONFIRMED
//     as quoted); the share of the funds follows the work there, so no separate figure.
//   - village.division (按乡村分工提供服务比例): the services of the tasks d assigns to
//     one level (not Either), numerator those delivered at that level.
//
// When records is a [SubjectSource] whose events cover p (a period within
// healthrecord.DynamicUseWindow of its last day), the timeline is read from it in one
// pass; otherwise each resident's events of p are asked for. Both give the same cells.
// The error is the first the store yields, one wrapping gongwei.ErrInvalid when p or d
// is not valid, or ctx's error. [BasisService]
func VillageShareIndicators(ctx context.Context, records healthrecord.Store, d *villageclinic.Division, prefix string, p gongwei.Period, sink Sink) error {
	if !p.IsValid() {
		return errPeriod
	}
	if d == nil {
		return fmt.Errorf("%w: indicators: no division of labour", gongwei.ErrInvalid)
	}
	if err := d.Validate(); err != nil {
		return err
	}
	b := newBatch(sink)
	defer b.flush()
	asOf := p.Last()
	if ss, ok := records.(SubjectSource); ok && !p.Start.Before(healthrecord.DynamicUseWindow(asOf).Start) {
		if seq, ok := ss.Subjects(ctx, SubjectQuery{Prefix: prefix, Period: p, Records: records}); ok {
			for s, err := range seq {
				if err != nil {
					return err
				}
				if r := s.Resident; r != nil && !r.Archive.IsZero() && r.ActiveOn(asOf) {
					addVillageShare(d, r, s.Events, p, b)
				}
			}
			return ctx.Err()
		}
	}
	var events []healthrecord.ServiceEvent
	for r, err := range records.Residents(ctx, healthrecord.ResidentFilter{Prefix: prefix}) {
		if err != nil {
			return err
		}
		if r.Archive.IsZero() || !r.ActiveOn(asOf) {
			continue
		}
		events = events[:0]
		for e, err := range records.Events(ctx, healthrecord.EventFilter{Resident: r.ID, Period: p}) {
			if err != nil {
				return err
			}
			events = append(events, e)
		}
		addVillageShare(d, r, events, p, b)
	}
	return ctx.Err()
}

// addVillageShare adds the services of r's events dated in p.
func addVillageShare(d *villageclinic.Division, r *healthrecord.Resident, events []healthrecord.ServiceEvent, p gongwei.Period, sink Sink) {
	unit := Unit(r.Archive.Village())
	for _, e := range events {
		if !p.Contains(e.Date) {
			continue
		}
		task, ok := villageclinic.TaskOf(e.Kind, r.BirthDate, e.Date)
		if !ok {
			continue
		}
		lvl := d.LevelOf(e.Provider.Institution)
		if lvl != villageclinic.Township && lvl != villageclinic.Village {
			continue
		}
		sink.Add(codeVillageShare, unit, p, b2i(lvl == villageclinic.Village), 1)
		if by, ok := d.Who(task); ok && by != villageclinic.Either {
			sink.Add(codeVillageDivision, unit, p, b2i(lvl == by), 1)
		}
	}
}

// The traditional-Chinese Did phrases of the village-share entries of the catalogue
// (catalogue.json), kept with their computation (package variables are initialised
// before the catalog registers its messages).
var _ = func() bool {
	didHant[codeVillageShare] = "村衛生室提供基本公共衛生服務%v人次"
	didHant[codeVillageDivision] = "按分工提供服務%v人次"
	return true
}()
