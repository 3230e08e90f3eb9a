package memstore

import (
	"cmp"
	"context"
	"iter"

	"github.com/gongwei-lib/gongwei/immunization"
	"github.com/gongwei-lib/gongwei/internal/memtable"
)

// Clinic is an in-memory store of the clinic's records beyond the schedule: AEFI reports
// (immunization.AEFIStore). It passes the immunizationtest suites of each interface it
// implements. Safe for concurrent use; create it with NewClinic.
type Clinic struct {
	aefi *memtable.Table[immunization.AEFIID, immunization.AEFIReport]
}

var _ immunization.AEFIStore = (*Clinic)(nil)

// NewClinic returns an empty Clinic.
func NewClinic() *Clinic {
	return &Clinic{
		aefi: memtable.New("AEFI report", memtable.Copy[immunization.AEFIReport],
			func(r *immunization.AEFIReport) immunization.AEFIID { return r.ID },
			func(r *immunization.AEFIReport) int64 { return r.Version },
			func(a, b *immunization.AEFIReport) int {
				return cmp.Or(a.Found.Compare(b.Found), cmp.Compare(a.ID, b.ID))
			}),
	}
}

// AEFI implements immunization.AEFIStore.
func (c *Clinic) AEFI(ctx context.Context, id immunization.AEFIID) (*immunization.AEFIReport, error) {
	return c.aefi.Get(ctx, id)
}

// PutAEFI implements immunization.AEFIStore.
func (c *Clinic) PutAEFI(ctx context.Context, r *immunization.AEFIReport, prev int64) error {
	return c.aefi.Put(ctx, r, prev)
}

// AEFIs implements immunization.AEFIStore.
func (c *Clinic) AEFIs(ctx context.Context, f immunization.AEFIFilter) iter.Seq2[*immunization.AEFIReport, error] {
	return c.aefi.All(ctx, f.Match)
}
