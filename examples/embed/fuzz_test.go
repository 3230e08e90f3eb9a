package main

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// fakeRow is one HIS patient row as the database hands it over, for scanPatient.
type fakeRow struct {
	cols    [9]string // brid, xm, xb, csrq, sfzh, lxdh, jtzz, gw_dabh, gw_record
	version int64
}

// Scan fills dest as database/sql does for the row's ten columns.
func (f fakeRow) Scan(dest ...any) error {
	if len(dest) != 10 {
		return fmt.Errorf("%d destinations, want 10", len(dest))
	}
	for i := range 8 {
		*dest[i].(*string) = f.cols[i]
	}
	*dest[8].(*int64) = f.version
	*dest[9].(*string) = f.cols[8]
	return nil
}

// FuzzScanPatient feeds scanPatient the rows a legacy HIS table may hold (malformed
// dates, ID numbers, phones and archive numbers, code values it does not know, broken
// JSON in gw_record): a row maps to a resident with the row's name, address and ID, or
// is refused with an error wrapping errHISRow that names the column and never repeats
// a value; a mapped resident's gw_record is written again without error.
func FuzzScanPatient(f *testing.F) {
	f.Add("ZY0001", "张秀英", "女", "1949-12-31", "11010519491231002X", "13800138000", "北京市朝阳区", "11010500110100004", "", int64(1))
	f.Add("ZY0002", "李", "男", "1956-02-30", "110105195602300011", "010-1234", "", "", `{"Info":{"Residence":"1"}}`, int64(0))
	f.Add("", "", "其他", "", "", "", "", "123", "{", int64(-1))
	f.Fuzz(func(t *testing.T, brid, xm, xb, csrq, sfzh, lxdh, jtzz, dabh, rec string, version int64) {
		row := fakeRow{cols: [9]string{brid, xm, xb, csrq, sfzh, lxdh, jtzz, dabh, rec}, version: version}
		r, err := scanPatient(row)
		if err != nil {
			if !errors.Is(err, errHISRow) {
				t.Fatalf("scanPatient error %v does not wrap errHISRow", err)
			}
			msg := strings.TrimPrefix(err.Error(), errHISRow.Error())
			for _, v := range []string{xm, xb, csrq, sfzh, lxdh, jtzz, dabh} {
				if len(v) >= 4 && strings.Contains(msg, v) {
					t.Fatalf("error %q repeats a value of the row", err)
				}
			}
			return
		}
		if string(r.ID) != brid || r.Name != xm || r.Address != jtzz || r.Version != version {
			t.Fatalf("mapped resident %q %q %q %d from %q %q %q %d", r.ID, r.Name, r.Address, r.Version, brid, xm, jtzz, version)
		}
		if r.Sex != hisSex[xb] {
			t.Fatalf("sex %v from %q", r.Sex, xb)
		}
		if _, err := rest(r); err != nil {
			t.Fatalf("rest of a scanned resident: %v", err)
		}
	})
}
