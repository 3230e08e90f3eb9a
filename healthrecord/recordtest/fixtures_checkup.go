package recordtest

import (
	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// Checkup returns a valid health checkup form of resident r dated on, with its ID,
// resident and date set.
func Checkup(r *healthrecord.Resident, on gongwei.Date) *healthrecord.Checkup {
	return &healthrecord.Checkup{
		ID:       healthrecord.CheckupID(string(r.ID) + "-" + on.String()),
		Resident: r.ID,
		Date:     on,
	}
}
