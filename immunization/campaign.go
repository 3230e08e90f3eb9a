package immunization

import (
	"context"
	"fmt"
	"iter"
	"strings"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// CampaignKind is the kind of a vaccination campaign. The zero value is "not recorded".
// Values are append-only.
type CampaignKind uint8

// Campaign kinds (immunization.md §1.3, "Supplementary / emergency"; §1.4 Polio, MMR).
const (
	// CatchUp is a catch-up campaign (查漏补种): the children of the cohort who miss a dose
	// of the vaccine's series are found and given it; the doses are routine doses given
	// late and count as such.
	CatchUp CampaignKind = iota + 1
	// Supplementary is a supplementary immunization campaign (强化免疫): every child of the
	// cohort is given a dose, whatever the history; the doses count toward the series
	// ("supplementary-campaign doses count", §1.4 Polio catch-up target).
	Supplementary
	// Outbreak is an emergency campaign in an outbreak (应急接种): its doses do not count
	// toward routine doses ("outbreak doses such as measles at 6-7 months do not count",
	// §1.3; §1.4 MMR, Outbreaks). They are recorded with Dose.Outbreak set.
	Outbreak
	numCampaignKinds
)

// String returns "catch_up", "supplementary" or "outbreak", "" when undefined.
func (k CampaignKind) String() string {
	switch k {
	case CatchUp:
		return "catch_up"
	case Supplementary:
		return "supplementary"
	case Outbreak:
		return "outbreak"
	}
	return ""
}

// CampaignID identifies a campaign.
type CampaignID string

// Campaign is a catch-up, supplementary or outbreak vaccination campaign: a vaccine given
// to a birth cohort of an area during a span of days.
type Campaign struct {
	// ID identifies the campaign; Name is its title as announced.
	ID   CampaignID
	Name string
	// Kind is catch-up, supplementary or outbreak.
	Kind CampaignKind
	// Vaccine is the product given.
	Vaccine Vaccine
	// Prefix is the area: a village-code prefix (6 digits a county, 9 a township).
	Prefix string
	// Period is the span of the campaign: Start included, End excluded.
	Period gongwei.Period
	// BornFrom and BornBefore bound the target cohort's birth dates (BornFrom included,
	// BornBefore excluded).
	BornFrom, BornBefore gongwei.Date
	// Version is the optimistic-locking version (see CampaignStore).
	Version int64
}

// Validation codes of campaigns and campaign doses.
const (
	// CodeNotInCampaign: a dose outside the campaign: another vaccine, a day outside its
	// period, a child outside its cohort or area.
	CodeNotInCampaign gongwei.Code = "immunization.not_in_campaign"
)

// Validate reports every problem of c at once as a *gongwei.ValidationError.
func (c *Campaign) Validate() error {
	var ve gongwei.ValidationError
	ve.Record = "immunization.Campaign"
	ve.Check(c.ID != "", "ID", gongwei.CodeRequired)
	ve.Check(!gongwei.IsBlank(c.Name), "Name", gongwei.CodeRequired)
	gongwei.CheckText(&ve, "ID", string(c.ID), gongwei.TextShort)
	gongwei.CheckText(&ve, "Name", c.Name, gongwei.TextName)
	gongwei.CheckText(&ve, "Prefix", c.Prefix, gongwei.TextShort)
	switch {
	case c.Kind == 0:
		ve.Add("Kind", gongwei.CodeRequired)
	case c.Kind >= numCampaignKinds:
		ve.Add("Kind", gongwei.CodeUnknownCode)
	}
	switch {
	case c.Vaccine == 0:
		ve.Add("Vaccine", gongwei.CodeRequired)
	case !c.Vaccine.IsVaccine():
		ve.Add("Vaccine", CodeVaccine)
	}
	for _, r := range c.Prefix {
		if r < '0' || r > '9' {
			ve.Add("Prefix", gongwei.CodeFormat)
			break
		}
	}
	ve.Check(len(c.Prefix) <= 12, "Prefix", gongwei.CodeFormat)
	ve.Check(!c.Period.Start.IsZero(), "Period.Start", gongwei.CodeRequired)
	ve.Check(!c.Period.End.IsZero(), "Period.End", gongwei.CodeRequired)
	ve.Check(c.Period.Start.IsZero() || c.Period.End.IsZero() || c.Period.Start.Before(c.Period.End), "Period.End", gongwei.CodeOrder)
	ve.Check(!c.BornFrom.IsZero(), "BornFrom", gongwei.CodeRequired)
	ve.Check(!c.BornBefore.IsZero(), "BornBefore", gongwei.CodeRequired)
	ve.Check(c.BornFrom.IsZero() || c.BornBefore.IsZero() || c.BornFrom.Before(c.BornBefore), "BornBefore", gongwei.CodeOrder)
	ve.Check(c.BornBefore.IsZero() || c.Period.End.IsZero() || !c.Period.End.Before(c.BornFrom), "BornFrom", gongwei.CodeOrder)
	return ve.Err()
}

// Targets reports whether a registered child is in the campaign's cohort and area.
func (c *Campaign) Targets(r *Registration) bool {
	b := r.Child.Birth
	return !b.IsZero() && !b.Before(c.BornFrom) && b.Before(c.BornBefore) && strings.HasPrefix(string(r.Village), c.Prefix)
}

// CampaignStore keeps campaigns, with the contract of [AEFIStore] (keys, versions,
// errors, streams, copies, concurrency). The package immunizationtest checks every
// clause (TestCampaignStore).
type CampaignStore interface {
	// Campaign returns the campaign with the given ID.
	Campaign(ctx context.Context, id CampaignID) (*Campaign, error)
	// PutCampaign stores c under c.ID over version prev.
	PutCampaign(ctx context.Context, c *Campaign, prev int64) error
	// Campaigns streams the campaigns whose period overlaps p (every campaign for the
	// zero Period), ordered by start, then ID.
	Campaigns(ctx context.Context, p gongwei.Period) iter.Seq2[*Campaign, error]
}

// Overlaps reports whether the campaign's period overlaps p; every campaign overlaps
// the zero Period.
func (c *Campaign) Overlaps(p gongwei.Period) bool {
	if p == (gongwei.Period{}) {
		return true
	}
	return c.Period.Start.Before(p.End) && p.Start.Before(c.Period.End)
}

// CampaignService runs campaigns: it stores them, records their doses through the
// Service and lists their targets. Get one from [Service.Campaigns].
type CampaignService struct {
	g *Service
	s CampaignStore
}

// Campaigns returns the campaign service over s; it records doses through g.
func (g *Service) Campaigns(s CampaignStore) *CampaignService { return &CampaignService{g: g, s: s} }

// Plan stores a campaign: every problem is reported at once and nothing is stored. On
// success c.Version is the new version.
func (cs *CampaignService) Plan(ctx context.Context, c *Campaign) error {
	const op = "immunization: campaign: "
	c.ID = CampaignID(gongwei.NormalizeCode(string(c.ID)))
	c.Name = gongwei.Normalize(c.Name)
	c.Prefix = gongwei.NormalizeCode(c.Prefix)
	if err := c.Validate(); err != nil {
		return fmt.Errorf(op+"%w", err)
	}
	ch := healthrecord.Change{Kind: "immunization.Campaign", ID: string(c.ID), Division: gongwei.Division(c.Prefix), Date: c.Period.Start}
	return putNext(ctx, op, cs.g.trail, ch, c, func(x *Campaign) *int64 { return &x.Version }, cs.s.PutCampaign)
}

// Vaccinate records a campaign dose: the dose must be of the campaign's vaccine, on a
// day of its period, to a registered child of its cohort and area; it is then recorded
// as [Service.Vaccinate] records a dose, with v.Campaign set and, for an outbreak
// campaign, Dose.Outbreak set (the dose counts toward no routine series). Every problem
// is reported at once and nothing is stored.
func (cs *CampaignService) Vaccinate(ctx context.Context, id CampaignID, v *Vaccination) error {
	const op = "immunization: campaign dose: "
	c, err := cs.s.Campaign(ctx, id)
	if err != nil {
		return fmt.Errorf(op+"%w", err)
	}
	var ve gongwei.ValidationError
	ve.Record = "immunization.Vaccination"
	ve.Check(v.Dose.Vaccine == 0 || v.Dose.Vaccine == c.Vaccine, "Dose.Vaccine", CodeNotInCampaign)
	ve.Check(v.Dose.Date.IsZero() || c.Period.Contains(v.Dose.Date), "Dose.Date", CodeNotInCampaign)
	if v.Resident != "" {
		reg, err := cs.g.s.Registration(ctx, v.Resident)
		switch {
		case err == nil:
			ve.Check(c.Targets(reg), "Resident", CodeNotInCampaign)
		case !isNotFound(err):
			return fmt.Errorf(op+"%w", err)
		}
	}
	if err := ve.Err(); err != nil {
		// Report the dose's own problems too, all at once.
		cp := *v
		cp.ID = VaccinationID(gongwei.NormalizeCode(string(cp.ID)))
		ve.Merge("", cp.validateOn(cs.g.today()))
		return fmt.Errorf(op+"%w", ve.Err())
	}
	v.Campaign = c.ID
	v.Dose.Outbreak = c.Kind == Outbreak
	return cs.g.Vaccinate(ctx, v)
}

// Targets lists the registered children the campaign is for on its first day: for a
// supplementary or outbreak campaign every child of its cohort and area; for a catch-up
// campaign those of them with a dose of the vaccine's series pending (应种未种,
// [Status.IsPending]) on that day. Ordered as [Service.DueList] orders children.
func (cs *CampaignService) Targets(ctx context.Context, id CampaignID) ([]*Registration, error) {
	c, err := cs.s.Campaign(ctx, id)
	if err != nil {
		return nil, err
	}
	return cs.targets(ctx, c)
}

func (cs *CampaignService) targets(ctx context.Context, c *Campaign) ([]*Registration, error) {
	var out []*Registration
	var doses []Dose
	sid := campaignSeries(c.Vaccine)
	for r, err := range cs.g.s.Registrations(ctx, Filter{Prefix: c.Prefix}) {
		if err != nil {
			return nil, err
		}
		if !c.Targets(r) {
			continue
		}
		if c.Kind == CatchUp {
			doses, err = cs.g.history(ctx, r.Resident, doses)
			if err != nil {
				return nil, err
			}
			recs := Forecast(ScheduleFor(r.Child.Birth), r.Child, doses, c.Period.Start)
			if sid == sNone || !recs[sid].Status.IsPending() {
				continue
			}
		}
		out = append(out, r)
	}
	sortRegistrations(out)
	return out, nil
}

// campaignSeries returns the series a campaign's vaccine serves: its own, or the first
// series the 2021 edition counts it toward; sNone for a vaccine of none.
func campaignSeries(v Vaccine) series {
	if !v.IsValid() {
		return sNone
	}
	if s := seriesOf[v]; s != sNone {
		return s
	}
	for _, c := range NIP2021.Counts {
		if c.Product == v {
			return seriesOf[c.As]
		}
	}
	return sNone
}

// CampaignCoverage is a campaign's own coverage, counted apart from routine coverage:
// its targets and those of them given a dose in the campaign.
type CampaignCoverage struct {
	// Campaign is the campaign counted.
	Campaign CampaignID
	// Targets are the children the campaign is for ([CampaignService.Targets]); Given
	// those of them recorded with a dose of the campaign.
	Targets, Given int
	// ByVillage holds the same two counts per village.
	ByVillage map[healthrecord.Village][2]int
}

// Coverage counts the campaign's coverage: targets on its first day, and those of them
// with a dose recorded for the campaign (Vaccination.Campaign).
func (cs *CampaignService) Coverage(ctx context.Context, id CampaignID) (*CampaignCoverage, error) {
	c, err := cs.s.Campaign(ctx, id)
	if err != nil {
		return nil, err
	}
	targets, err := cs.targets(ctx, c)
	if err != nil {
		return nil, err
	}
	cov := &CampaignCoverage{Campaign: c.ID, ByVillage: map[healthrecord.Village][2]int{}}
	for _, r := range targets {
		given := false
		for v, err := range cs.g.s.Vaccinations(ctx, VaccinationFilter{Resident: r.Resident, Period: c.Period}) {
			if err != nil {
				return nil, err
			}
			if v.Campaign == c.ID {
				given = true
			}
		}
		n := cov.ByVillage[r.Village]
		n[0]++
		cov.Targets++
		if given {
			n[1]++
			cov.Given++
		}
		cov.ByVillage[r.Village] = n
	}
	return cov, nil
}

// sortRegistrations orders registrations as the due list does: by village, then name in
// pinyin order, then resident ID.
func sortRegistrations(rs []*Registration) {
	entries := make([]DueEntry, len(rs))
	for i, r := range rs {
		entries[i] = DueEntry{Registration: r}
	}
	sortDue(entries)
	for i := range entries {
		rs[i] = entries[i].Registration
	}
}
