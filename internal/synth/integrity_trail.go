package synth

import (
	"context"
	"fmt"
	"iter"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/integrity"
)

// Trail returns the audit trail LoadResidents writes for the persons [from, to) into
// Stores with the health record, chronic, maternal, child, immunization and audit
// stores, generated person by person as the trail is read: the same entries (time,
// actor, operation, kind, ID, resident, division and date of every creation and
// closure, in the load's order), with Seq counting them from 1 and without the
// versions and fields. Nothing is held but one person's records, so a county of any
// size can be checked (integrity.Check) in flat memory. It is read-only: AppendAudit
// fails with gongwei.ErrInvalid.
func (c *County) Trail(from, to int) healthrecord.AuditStore {
	return &generatedTrail{c: c, from: from, to: to}
}

type generatedTrail struct {
	c        *County
	from, to int
}

// AppendAudit implements healthrecord.AuditStore: a generated trail takes no entry.
func (t *generatedTrail) AppendAudit(context.Context, *healthrecord.AuditEntry) error {
	return fmt.Errorf("%w: synth: a generated trail is read-only", gongwei.ErrInvalid)
}

// Audit implements healthrecord.AuditStore: the entries of the persons that match f.
func (t *generatedTrail) Audit(ctx context.Context, f healthrecord.AuditFilter) iter.Seq2[healthrecord.AuditEntry, error] {
	return func(yield func(healthrecord.AuditEntry, error) bool) {
		var seq int64
		emit := func(e healthrecord.AuditEntry) bool {
			seq++
			e.Seq = seq
			if !f.Match(&e) {
				return true
			}
			return yield(e, nil)
		}
		for i := t.from; i < t.to; i++ {
			if err := ctx.Err(); err != nil {
				yield(healthrecord.AuditEntry{}, err)
				return
			}
			if f.Division != "" {
				if v, _ := t.c.villageOf(i); !f.Division.Contains(gongwei.Division(v)) && !gongwei.Division(v).Contains(f.Division) {
					continue // none of the person's entries lies within
				}
			}
			p := t.c.Person(i)
			if !t.c.personTrail(p, t.c.Chronic(p), emit) {
				return
			}
		}
	}
}

// personTrail emits the entries of p's records in the order the load writes them; it
// returns false when emit does.
func (c *County) personTrail(p *Person, cases []ChronicCase, emit func(healthrecord.AuditEntry) bool) bool {
	r := p.Resident
	v := r.Archive.Village()
	entry := func(op healthrecord.AuditOp, kind, id string, resident healthrecord.ResidentID, date, at gongwei.Date) bool {
		a, t := c.Author(kind, id, v, at)
		return emit(healthrecord.AuditEntry{Time: t, Actor: a, Op: op, Kind: kind, ID: id, Resident: resident,
			Division: gongwei.Division(v), Date: date})
	}
	create := func(kind, id string, date gongwei.Date) bool {
		return entry(healthrecord.AuditCreate, kind, id, r.ID, date, date)
	}
	if !entry(healthrecord.AuditCreate, "healthrecord.Resident", string(r.ID), r.ID, gongwei.Date{}, r.Created) {
		return false
	}
	if h := p.Household; h != nil && !entry(healthrecord.AuditCreate, "healthrecord.Household", string(h.ID), h.Head, gongwei.Date{}, r.Created) {
		return false
	}
	for _, ck := range p.Checkups {
		if !create("healthrecord.Checkup", string(ck.ID), ck.Date) {
			return false
		}
	}
	for _, ct := range p.Contracts {
		if !create("healthrecord.Contract", string(ct.ID), ct.Signed) {
			return false
		}
	}
	for _, cs := range cases {
		pt := cs.Patient
		if !entry(healthrecord.AuditCreate, "chronic.Patient", string(pt.ID), r.ID, gongwei.Date{}, pt.Registered) {
			return false
		}
		for _, vis := range cs.Visits {
			if !create("chronic.Visit", string(vis.ID), vis.Date()) {
				return false
			}
		}
		if cl := cs.Closure; cl.Reason != chronic.NotClosed && !entry(healthrecord.AuditClose, "chronic.Patient", string(pt.ID), r.ID, gongwei.Date{}, cl.Date) {
			return false
		}
	}
	if preg := c.Pregnancy(p); preg != nil && !create("maternal.Pregnancy", string(preg.ID), preg.Booked) {
		return false
	}
	if cs := c.Child(p); cs != nil {
		if !entry(healthrecord.AuditCreate, "child.Child", string(cs.Child.ID), r.ID, gongwei.Date{}, gongwei.Date{}) {
			return false
		}
		for _, vis := range cs.Visits {
			if !create("child.Visit", string(vis.ID), vis.Date) {
				return false
			}
		}
	}
	if im := c.Immunization(p); im != nil {
		reg := im.Registration
		if !entry(healthrecord.AuditCreate, "immunization.Registration", string(reg.Resident), r.ID, gongwei.Date{}, gongwei.Date{}) {
			return false
		}
		for _, vac := range im.Vaccinations {
			if !create("immunization.Vaccination", string(vac.ID), vac.Dose.Date) {
				return false
			}
		}
	}
	return true
}

// IntegritySources returns what integrity.Check reads of the persons [from, to),
// generated as it is read, one person at a time (Sources.People: each resident with the
// audit entries Trail gives for their records, their hypertension follow-ups and their
// checkups), with
// the death registrations (Deaths) and the staff register (Staff): the sources of the
// county LoadResidents would have loaded, without loading it.
func (c *County) IntegritySources(from, to int) integrity.Sources {
	src := integrity.Sources{
		People: func(yield func(integrity.Person, error) bool) {
			var pr integrity.Person
			add := func(e healthrecord.AuditEntry) bool {
				e.Seq = int64(len(pr.Trail) + 1)
				pr.Trail = append(pr.Trail, e)
				return true
			}
			for i := from; i < to; i++ {
				p := c.Person(i)
				cases := c.Chronic(p)
				pr = integrity.Person{Resident: p.Resident, Trail: pr.Trail[:0], FollowUps: pr.FollowUps[:0], Checkups: p.Checkups}
				c.personTrail(p, cases, add)
				for _, cs := range cases {
					if cs.Patient.Condition == chronic.Hypertension {
						pr.FollowUps = append(pr.FollowUps, integrity.FollowUps{Patient: cs.Patient, Visits: cs.Visits})
					}
				}
				if !yield(pr, nil) {
					return
				}
			}
		},
	}
	for _, d := range c.Deaths(from, to) {
		src.Deaths = append(src.Deaths, integrity.Death{Resident: d.Resident, Date: d.Date})
	}
	for _, m := range c.Staff() {
		src.Staff = append(src.Staff, integrity.Staff{ID: m.ID, Left: m.Left})
	}
	return src
}
