package sqlstore

import (
	"context"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// countedCheckup is what the indicators' rules read of a checkup (see
// indicators.CountedSubjectSource): its date and stored outcome. Decoding it skips the
// rest of the body, the form's hundred fields.
type countedCheckup struct {
	ID       healthrecord.CheckupID
	Resident healthrecord.ResidentID
	Date     gongwei.Date
	Derived  healthrecord.CheckupOutcome
}

// decodeCountedCheckup decodes the fields of a checkup the indicators' rules read, or
// the whole checkup when its stored outcome is of another edition of the rules (the
// rules then derive it again from the whole record). An outcome derived for another
// birth date than the resident's is found by the merge (wholeCheckups).
func decodeCountedCheckup(op string, body []byte) (any, error) {
	c, err := decode[countedCheckup](op, body)
	if err != nil {
		return nil, err
	}
	if c.Derived.Edition != healthrecord.RulesEdition {
		return decode[healthrecord.Checkup](op, body)
	}
	return &healthrecord.Checkup{ID: c.ID, Resident: c.Resident, Date: c.Date, Derived: c.Derived}, nil
}

// wholeCheckups replaces, in cs, each counted checkup whose outcome was derived for
// another birth date than birth (a birth date corrected since) by the whole checkup,
// read by its ID: the rules derive that outcome again from the whole record.
func (db *DB) wholeCheckups(ctx context.Context, cs []*healthrecord.Checkup, birth gongwei.Date) error {
	for i, c := range cs {
		if c.Derived.Edition != healthrecord.RulesEdition || c.Derived.Birth == birth {
			continue
		}
		w, err := checkups.get(ctx, db, string(c.ID))
		if err != nil {
			return err
		}
		cs[i] = w
	}
	return nil
}

// countedContract is what the indicators' rules read of a contract: its period.
type countedContract struct {
	ID       healthrecord.ContractID
	Resident healthrecord.ResidentID
	Period   gongwei.Period
}

// decodeCountedContract decodes the fields of a contract the indicators' rules read.
func decodeCountedContract(op string, body []byte) (any, error) {
	c, err := decode[countedContract](op, body)
	if err != nil {
		return nil, err
	}
	return &healthrecord.Contract{ID: c.ID, Resident: c.Resident, Period: c.Period}, nil
}
