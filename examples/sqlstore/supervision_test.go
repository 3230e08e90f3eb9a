package sqlstore_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/examples/sqlstore"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/supervision"
	"github.com/gongwei-lib/gongwei/supervision/supervisiontest"
)

// TestSupervisionInstants: instants keep their instant whatever zone they were put in;
// the Asia/Shanghai offset reads back in supervision.Shanghai, UTC in UTC. Emergency
// reports are selected by the Shanghai date of discovery (23:30 UTC on 2024-12-31 is
// 07:30 on 2025-01-01 in Shanghai) and ordered by the instant, not by its text.
func TestSupervisionInstants(t *testing.T) {
	engineStores(t, (*sqlstore.DB).Supervision, func(t *testing.T, ctx context.Context, s *sqlstore.SupervisionStore) {
		v := supervisiontest.VillageA
		// E1: 2024-12-31 23:30 UTC = 2025-01-01 07:30 Shanghai.
		e1 := supervisiontest.EmergencyReport("E1", v, gongwei.MustDate(2025, 1, 1))
		e1.Discovered = time.Date(2024, 12, 31, 23, 30, 0, 0, time.UTC)
		e1.Reported = e1.Discovered.Add(time.Hour)
		// E2: 2025-01-01 07:00 Shanghai, earlier than E1 though its text sorts later.
		e2 := supervisiontest.EmergencyReport("E2", v, gongwei.MustDate(2025, 1, 1))
		e2.Discovered = time.Date(2025, 1, 1, 7, 0, 0, 0, supervision.Shanghai)
		// E3: 2024-12-31 15:59 UTC = 23:59 Shanghai, still 2024.
		e3 := supervisiontest.EmergencyReport("E3", v, gongwei.MustDate(2024, 12, 31))
		e3.Discovered = time.Date(2024, 12, 31, 15, 59, 0, 0, time.UTC)
		for _, e := range []*supervision.EmergencyReport{e1, e2, e3} {
			e.Version = 1
			if err := s.PutEmergencyReport(ctx, e, 0); err != nil {
				t.Fatal(err)
			}
		}
		got, err := s.EmergencyReport(ctx, "E1")
		if err != nil || !reflect.DeepEqual(got, e1) {
			t.Errorf("UTC instants: got %+v, %v; want %+v", got, err, e1)
		}
		got, err = s.EmergencyReport(ctx, "E2")
		if err != nil || !reflect.DeepEqual(got, e2) || got.Discovered.Location() != supervision.Shanghai {
			t.Errorf("Shanghai instants: got %+v, %v; want %+v", got, err, e2)
		}
		var ids []supervision.EmergencyReportID
		for e, err := range s.EmergencyReports(ctx, supervision.Filter{Period: gongwei.Year(2025)}) {
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, e.ID)
		}
		if want := []supervision.EmergencyReportID{"E2", "E1"}; !reflect.DeepEqual(ids, want) {
			t.Errorf("2025 (Shanghai dates) by instant: %v, want %v", ids, want)
		}
	})
}

// TestSupervisionPrefixNonDigits: a prefix that is not a division code selects as
// strings.HasPrefix does (the store keeps whatever it is given).
func TestSupervisionPrefixNonDigits(t *testing.T) {
	engineStores(t, (*sqlstore.DB).Supervision, func(t *testing.T, ctx context.Context, s *sqlstore.SupervisionStore) {
		for i, v := range []string{"村甲1", "村甲2", "村乙", "110101001001"} {
			u := supervisiontest.Unit(supervision.UnitID(string(rune('A'+i))), "")
			u.Village, u.Version = healthrecord.Village(v), 1
			if err := s.PutUnit(ctx, u, 0); err != nil {
				t.Fatal(err)
			}
		}
		check := func(prefix string, want ...supervision.UnitID) {
			t.Helper()
			var ids []supervision.UnitID
			for u, err := range s.Units(ctx, supervision.UnitFilter{Prefix: prefix}) {
				if err != nil {
					t.Fatal(err)
				}
				ids = append(ids, u.ID)
			}
			if !reflect.DeepEqual(ids, want) {
				t.Errorf("prefix %q: %v, want %v", prefix, ids, want)
			}
		}
		check("村甲", "A", "B")
		check("村", "A", "B", "C")
		check("1101", "D")
		check("x")
	})
}
