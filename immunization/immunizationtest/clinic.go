package immunizationtest

import (
	"fmt"
	"testing"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/immunization"
	"github.com/gongwei-lib/gongwei/internal/storetest"
)

// AEFIReport returns a valid AEFI report fixture i for a child of village (12 digits):
// a routine report of a non-serious fever after a DTaP dose on 2024-05-10 + i days,
// found at 09:00 Asia/Shanghai on the onset day + 1 and reported at 15:00 the same day;
// classified as a general reaction. Instants are in UTC, as the service stores them.
func AEFIReport(i int, village string) *immunization.AEFIReport {
	d := gongwei.MustDate(2024, 5, 10).AddDays(i)
	found := time.Date(d.Year(), d.Month(), d.Day()+1, 1, 0, 0, 0, time.UTC) // 09:00 +08:00
	return &immunization.AEFIReport{
		ID:          immunization.AEFIID(fmt.Sprintf("AEFI%04d", i)),
		Resident:    healthrecord.ResidentID(fmt.Sprintf("R%05d", i)),
		Village:     healthrecord.Village(village),
		Clinic:      "C1",
		Vaccination: immunization.VaccinationID(fmt.Sprintf("R%05d-V0", i)),
		Vaccine:     immunization.DTaP,
		Lot:         "L1",
		Vaccinated:  d,
		Onset:       d,
		Found:       found,
		Reported:    found.Add(6 * time.Hour),
		Symptom:     "发热",
		Severity:    immunization.AEFINonSerious,
		Class:       immunization.AEFIGeneral,
		Classified:  d.AddDays(3),
	}
}

var aefiKind = storetest.Kind[immunization.AEFIStore, immunization.AEFIID, immunization.AEFIFilter, immunization.AEFIReport]{
	What:    "AEFI",
	Fixture: func(i int) *immunization.AEFIReport { return AEFIReport(i, "110105001101") },
	Key:     func(r *immunization.AEFIReport) immunization.AEFIID { return r.ID },
	Get:     immunization.AEFIStore.AEFI,
	Put:     immunization.AEFIStore.PutAEFI,
	Stream:  immunization.AEFIStore.AEFIs,
	Version: func(r *immunization.AEFIReport) *int64 { return &r.Version },
	Change:  func(r *immunization.AEFIReport, w int) { r.Symptom = fmt.Sprintf("changed %d", w) },
}

var aefiClauses = append(storetest.KeyedClauses(aefiKind), storetest.Clause[*storetest.T, immunization.AEFIStore]{
	Name: "AEFIsOrderAndFilter", Text: "AEFIs streams the reports matching the filter (village prefix; Found's Asia/Shanghai date in the period), ordered by Found, then ID",
	Run: func(t *storetest.T, s immunization.AEFIStore) {
		a := AEFIReport(3, "110105001101")
		b := AEFIReport(1, "110105001102")
		c := AEFIReport(2, "120105001101")
		d := AEFIReport(4, "110105001101")
		d.Found = b.Found // same instant: by ID
		d.Reported = b.Reported
		aefiKind.PutNew(t, s, a, b, c, d)
		aefiKind.WantKeys(t, "by prefix", s.AEFIs(t.Ctx, immunization.AEFIFilter{Prefix: "110105001"}), "AEFI0001", "AEFI0004", "AEFI0003")
		// b is found on 2024-05-12 (Asia/Shanghai), c on 05-13, a on 05-14.
		p := gongwei.Period{Start: gongwei.MustDate(2024, 5, 13), End: gongwei.MustDate(2024, 5, 15)}
		aefiKind.WantKeys(t, "by period", s.AEFIs(t.Ctx, immunization.AEFIFilter{Period: p}), "AEFI0002", "AEFI0003")
		// A report found at 23:30 on 05-12 in Shanghai is 15:30 UTC: in a period of 05-12.
		late := AEFIReport(7, "110105001101")
		late.Found = time.Date(2024, 5, 12, 15, 30, 0, 0, time.UTC)
		late.Reported = late.Found
		late.Onset, late.Vaccinated = gongwei.MustDate(2024, 5, 12), gongwei.MustDate(2024, 5, 12)
		aefiKind.PutNew(t, s, late)
		p = gongwei.Period{Start: gongwei.MustDate(2024, 5, 12), End: gongwei.MustDate(2024, 5, 13)}
		aefiKind.WantKeys(t, "by a Shanghai day", s.AEFIs(t.Ctx, immunization.AEFIFilter{Period: p}), "AEFI0001", "AEFI0004", "AEFI0007")
		n := 0
		for range s.AEFIs(t.Ctx, immunization.AEFIFilter{}) {
			n++
			break
		}
		if n != 1 {
			t.Failf("an early break yielded %d", n)
		}
	},
})

// TestAEFIStore checks every clause of the immunization.AEFIStore contract, one subtest
// per clause on a fresh store from newStore.
func TestAEFIStore(t *testing.T, newStore func(t *testing.T) immunization.AEFIStore) {
	t.Helper()
	storetest.Run(t, aefiClauses, storetest.Self, newStore)
}

// TemperatureLog returns a valid temperature log fixture i of clinic: refrigerator i of
// the clinic, kept by hand from 2024-05-10 + i days for three days, read at 08:30 and
// 16:30 Asia/Shanghai (UTC in the record) at 4.5 °C, except the afternoon reading of the
// second day at 9.5 °C (an excursion of that afternoon to the next morning).
func TemperatureLog(i int, clinic string) *immunization.TemperatureLog {
	d := gongwei.MustDate(2024, 5, 10).AddDays(i)
	l := &immunization.TemperatureLog{
		ID:          immunization.TemperatureLogID(fmt.Sprintf("T%04d", i)),
		Clinic:      clinic,
		Device:      fmt.Sprintf("冰箱%d", i),
		Compartment: immunization.Refrigerated,
	}
	for k := range 3 {
		day := d.AddDays(k)
		for _, h := range []int{0, 8} { // 08:30 and 16:30 at UTC+8
			c := 4.5
			if k == 1 && h == 8 {
				c = 9.5
			}
			l.Readings = append(l.Readings, immunization.Reading{At: time.Date(day.Year(), day.Month(), day.Day(), h, 30, 0, 0, time.UTC), Celsius: c})
		}
	}
	return l
}

var logKind = storetest.Kind[immunization.ColdChainStore, immunization.TemperatureLogID, immunization.ColdChainFilter, immunization.TemperatureLog]{
	What:    "TemperatureLog",
	Fixture: func(i int) *immunization.TemperatureLog { return TemperatureLog(i, "C1") },
	Key:     func(r *immunization.TemperatureLog) immunization.TemperatureLogID { return r.ID },
	Get:     immunization.ColdChainStore.TemperatureLog,
	Put:     immunization.ColdChainStore.PutTemperatureLog,
	Stream:  immunization.ColdChainStore.TemperatureLogs,
	Version: func(r *immunization.TemperatureLog) *int64 { return &r.Version },
	// Changing a reading catches a store that shares the readings' array.
	Change: func(r *immunization.TemperatureLog, w int) { r.Readings[0].Celsius = float64(20 + w) },
}

var logClauses = append(storetest.KeyedClauses(logKind), storetest.Clause[*storetest.T, immunization.ColdChainStore]{
	Name: "TemperatureLogsOrderAndFilter", Text: "TemperatureLogs streams the logs matching the filter (clinic; the first reading's Asia/Shanghai date in the period), ordered by clinic, device, first reading, then ID",
	Run: func(t *storetest.T, s immunization.ColdChainStore) {
		a := TemperatureLog(2, "C2")
		b := TemperatureLog(1, "C1")
		c := TemperatureLog(3, "C1")
		c.Device = b.Device // same device, later: after b
		d := TemperatureLog(0, "C1")
		d.Device = "冰箱9"
		logKind.PutNew(t, s, a, b, c, d)
		logKind.WantKeys(t, "all", s.TemperatureLogs(t.Ctx, immunization.ColdChainFilter{}), "T0001", "T0003", "T0000", "T0002")
		logKind.WantKeys(t, "by clinic and period", s.TemperatureLogs(t.Ctx, immunization.ColdChainFilter{Clinic: "C1", Period: gongwei.Period{Start: gongwei.MustDate(2024, 5, 11), End: gongwei.MustDate(2024, 5, 13)}}), "T0001")
	},
})

// TestColdChainStore checks every clause of the immunization.ColdChainStore contract,
// one subtest per clause on a fresh store from newStore.
func TestColdChainStore(t *testing.T, newStore func(t *testing.T) immunization.ColdChainStore) {
	t.Helper()
	storetest.Run(t, logClauses, storetest.Self, newStore)
}

// Movement returns a valid movement fixture i: child R0000i of village arriving on
// 2024-03-01 + i days from another county.
func Movement(i int, village string) *immunization.Movement {
	return &immunization.Movement{
		ID:       immunization.MovementID(fmt.Sprintf("M%04d", i)),
		Resident: healthrecord.ResidentID(fmt.Sprintf("R%05d", i)),
		Village:  healthrecord.Village(village),
		Kind:     immunization.Arrival,
		Date:     gongwei.MustDate(2024, 3, 1).AddDays(i),
		Place:    "510104",
	}
}

var moveKind = storetest.Kind[immunization.MovementStore, immunization.MovementID, immunization.MovementFilter, immunization.Movement]{
	What:    "Movement",
	Fixture: func(i int) *immunization.Movement { return Movement(i, "110105001101") },
	Key:     func(r *immunization.Movement) immunization.MovementID { return r.ID },
	Get:     immunization.MovementStore.Movement,
	Put:     immunization.MovementStore.PutMovement,
	Stream:  immunization.MovementStore.Movements,
	Version: func(r *immunization.Movement) *int64 { return &r.Version },
	Change:  func(r *immunization.Movement, w int) { r.Place = fmt.Sprintf("changed %d", w) },
}

var moveClauses = append(storetest.KeyedClauses(moveKind), storetest.Clause[*storetest.T, immunization.MovementStore]{
	Name: "MovementsOrderAndFilter", Text: "Movements streams the records matching the filter (resident; village prefix), ordered by resident, date, then ID",
	Run: func(t *storetest.T, s immunization.MovementStore) {
		a := Movement(2, "110105001101")
		b := Movement(1, "110105001102")
		c := Movement(3, "120105001101")
		d := Movement(4, "110105001101")
		d.Resident, d.Kind, d.Date = a.Resident, immunization.Departure, a.Date.AddDays(90)
		e := Movement(5, "110105001101")
		e.Resident, e.Date = a.Resident, a.Date // same day as a: by ID
		moveKind.PutNew(t, s, d, a, b, c, e)
		moveKind.WantKeys(t, "by prefix", s.Movements(t.Ctx, immunization.MovementFilter{Prefix: "110105001"}), "M0001", "M0002", "M0005", "M0004")
		moveKind.WantKeys(t, "by resident", s.Movements(t.Ctx, immunization.MovementFilter{Resident: a.Resident}), "M0002", "M0005", "M0004")
	},
})

// TestMovementStore checks every clause of the immunization.MovementStore contract, one
// subtest per clause on a fresh store from newStore.
func TestMovementStore(t *testing.T, newStore func(t *testing.T) immunization.MovementStore) {
	t.Helper()
	storetest.Run(t, moveClauses, storetest.Self, newStore)
}

// Campaign returns a valid campaign fixture i: a supplementary bOPV campaign of county
// 110105 from 2024-09-01 + i days for 10 days, for children born 2020-09-01 to
// 2024-06-30.
func Campaign(i int) *immunization.Campaign {
	start := gongwei.MustDate(2024, 9, 1).AddDays(i)
	return &immunization.Campaign{
		ID:         immunization.CampaignID(fmt.Sprintf("K%04d", i)),
		Name:       "脊灰强化免疫",
		Kind:       immunization.Supplementary,
		Vaccine:    immunization.BOPV,
		Prefix:     "110105",
		Period:     gongwei.Period{Start: start, End: start.AddDays(10)},
		BornFrom:   gongwei.MustDate(2020, 9, 1),
		BornBefore: gongwei.MustDate(2024, 7, 1),
	}
}

var campaignKind = storetest.Kind[immunization.CampaignStore, immunization.CampaignID, gongwei.Period, immunization.Campaign]{
	What:    "Campaign",
	Fixture: Campaign,
	Key:     func(r *immunization.Campaign) immunization.CampaignID { return r.ID },
	Get:     immunization.CampaignStore.Campaign,
	Put:     immunization.CampaignStore.PutCampaign,
	Stream:  immunization.CampaignStore.Campaigns,
	Version: func(r *immunization.Campaign) *int64 { return &r.Version },
	Change:  func(r *immunization.Campaign, w int) { r.Name = fmt.Sprintf("changed %d", w) },
}

var campaignClauses = append(storetest.KeyedClauses(campaignKind), storetest.Clause[*storetest.T, immunization.CampaignStore]{
	Name: "CampaignsOrderAndFilter", Text: "Campaigns streams the campaigns whose period overlaps p (all for the zero Period), ordered by start, then ID",
	Run: func(t *storetest.T, s immunization.CampaignStore) {
		a := Campaign(20) // 09-21 to 10-01
		b := Campaign(0)  // 09-01 to 09-11
		c := Campaign(5)  // 09-06 to 09-16
		d := Campaign(1)
		d.ID, d.Period = "K0009", b.Period // same start as b: by ID
		campaignKind.PutNew(t, s, a, b, c, d)
		campaignKind.WantKeys(t, "all", s.Campaigns(t.Ctx, gongwei.Period{}), "K0000", "K0009", "K0005", "K0020")
		// 09-11 to 09-21: b and d end on 09-11 (excluded), a starts on 09-21 (excluded).
		p := gongwei.Period{Start: gongwei.MustDate(2024, 9, 11), End: gongwei.MustDate(2024, 9, 21)}
		campaignKind.WantKeys(t, fmt.Sprintf("overlapping %v", p), s.Campaigns(t.Ctx, p), "K0005")
	},
})

// TestCampaignStore checks every clause of the immunization.CampaignStore contract, one
// subtest per clause on a fresh store from newStore.
func TestCampaignStore(t *testing.T, newStore func(t *testing.T) immunization.CampaignStore) {
	t.Helper()
	storetest.Run(t, campaignClauses, storetest.Self, newStore)
}
