package healthrecord

import "github.com/gongwei-lib/gongwei"

// CheckupID is the key of a health checkup record.
type CheckupID string

// Checkup is one health checkup form (健康体检表), nbphs-spec §1.5.
type Checkup struct {
	ID       CheckupID
	Resident ResidentID
	Date     gongwei.Date
	Version  int64
}

// Clone returns a deep copy of c.
func (c *Checkup) Clone() *Checkup {
	x := *c
	return &x
}
