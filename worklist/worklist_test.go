package worklist_test

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/child"
	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/immunization"
	"github.com/gongwei-lib/gongwei/indicators"
	"github.com/gongwei-lib/gongwei/maternal"
	"github.com/gongwei-lib/gongwei/worklist"
)

var d = gongwei.MustParseDate

// week is the seven days from start.
func week(start string) gongwei.Period {
	s := d(start)
	return gongwei.Period{Start: s, End: s.AddDays(7)}
}

func resident(id, name, birth string) *healthrecord.Resident {
	return &healthrecord.Resident{
		ID: healthrecord.ResidentID(id), Name: name, BirthDate: d(birth),
		Archive: healthrecord.MustParseArchiveNumber("1101050011010" + id[len(id)-4:]),
	}
}

func htPatient(id string, registered string) *chronic.Patient {
	return &chronic.Patient{ID: chronic.PatientID(id), Resident: "r0001", Condition: chronic.Hypertension, Registered: d(registered)}
}

func htVisit(patient, date, next string, referral bool) *chronic.Visit {
	return &chronic.Visit{
		Patient:      chronic.PatientID(patient),
		Hypertension: &chronic.HypertensionFollowUp{Date: d(date)},
		Assessment:   chronic.Assessment{NextDue: d(next), Referral: referral},
	}
}

// find returns the items of e of service s.
func find(e *worklist.Entry, s worklist.Service) []worklist.Item {
	var out []worklist.Item
	for _, it := range e.Items {
		if it.Service == s {
			out = append(out, it)
		}
	}
	return out
}

func TestChronicFollowUps(t *testing.T) {
	// A hypertension follow-up sets the next one (quarterly, nbphs-spec §7.2): due on
	// 2 June 2025.
	quarterly := []*chronic.Visit{htVisit("p1", "2025-03-03", "2025-06-02", false)}
	// An urgent referral: follow up actively within 2 weeks (nbphs-spec §7.2).
	referred := []*chronic.Visit{htVisit("p1", "2025-05-26", "2025-06-09", true)}
	tests := []struct {
		name    string
		visits  []*chronic.Visit
		r       gongwei.Period
		listed  bool
		status  worklist.Status
		due     string
		urgency worklist.Urgency
	}{
		{"week before the due date", quarterly, week("2025-05-26"), false, 0, "", 0},
		{"due in the week", quarterly, week("2025-06-02"), true, worklist.Due, "2025-06-02", worklist.Routine},
		{"due on the week's last day", quarterly, week("2025-05-27"), true, worklist.Due, "2025-06-02", worklist.Routine},
		{"overdue the week after", quarterly, week("2025-06-03"), true, worklist.Overdue, "2025-06-02", worklist.Late},
		{"done in the week: off the list", append(quarterly[:1:1], htVisit("p1", "2025-06-04", "2025-09-02", false)), week("2025-06-02"), false, 0, "", 0},
		{"referral follow-up is urgent", referred, week("2025-06-09"), true, worklist.Due, "2025-06-09", worklist.Urgent},
	}
	l := worklist.New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &indicators.Subject{
				Resident: resident("r0001", "张三", "1970-01-01"),
				Checkups: []*healthrecord.Checkup{{Resident: "r0001", Date: d("2025-02-01")}},
				Chronic:  []indicators.ChronicCase{{Patient: htPatient("p1", "2024-01-01"), Visits: tt.visits}},
			}
			e, ok := l.Entry(s, tt.r)
			require.Equal(t, tt.listed, ok)
			if !ok {
				return
			}
			items := find(e, worklist.Hypertension)
			require.Len(t, items, 1)
			assert.Equal(t, tt.status, items[0].Status)
			assert.Equal(t, d(tt.due), items[0].Due())
			assert.Equal(t, "nbphs-spec §7.2", items[0].Source)
			assert.Equal(t, tt.urgency, e.Urgency)
		})
	}
}

func TestOverdueMentalAndTBAreUrgent(t *testing.T) {
	for _, c := range []chronic.Condition{chronic.Mental, chronic.Tuberculosis} {
		p := &chronic.Patient{ID: "p2", Resident: "r0002", Condition: c, Registered: d("2025-01-06")}
		if c == chronic.Tuberculosis {
			// First home visit within 72 hours of the notice (nbphs-spec §10.1).
			p.TB = &chronic.TBCourse{Notified: d("2025-05-28")}
		}
		s := &indicators.Subject{Resident: resident("r0002", "李四", "1980-01-01"), Chronic: []indicators.ChronicCase{{Patient: p}}}
		s.Checkups = []*healthrecord.Checkup{{Resident: "r0002", Date: d("2025-02-01")}}
		e, ok := worklist.New().Entry(s, week("2025-06-02"))
		require.True(t, ok, c)
		assert.Equal(t, worklist.Urgent, e.Urgency, c)
		assert.Equal(t, worklist.Overdue, e.Items[0].Status, c)
	}
	// The TB patient's first visit is due on notice + 3 days.
	p := &chronic.Patient{ID: "p3", Resident: "r0003", Condition: chronic.Tuberculosis, Registered: d("2025-05-28"), TB: &chronic.TBCourse{Notified: d("2025-05-28")}}
	s := &indicators.Subject{Resident: resident("r0003", "王五", "1980-01-01"), Chronic: []indicators.ChronicCase{{Patient: p}}}
	e, ok := worklist.New(worklist.ChronicSource{}).Entry(s, week("2025-05-26"))
	require.True(t, ok)
	assert.Equal(t, d("2025-05-31"), e.Items[0].Due())
	assert.Equal(t, "nbphs-spec §10.1", e.Items[0].Source)
}

func TestMaternalContacts(t *testing.T) {
	// LMP 1 January 2025: the 2nd prenatal visit's window is 16+0 to 20+6 weeks
	// (nbphs-spec §5.1): 23 April to 27 May 2025.
	preg := func() *maternal.Pregnancy {
		return &maternal.Pregnancy{
			ID: "g1", Resident: "r0004", Dating: maternal.Dating{LMP: d("2025-01-01")},
			FirstExam: &maternal.FirstExam{Contact: maternal.Contact{Date: d("2025-02-20")}},
		}
	}
	tests := []struct {
		name   string
		r      gongwei.Period
		status worklist.Status
		listed bool
	}{
		{"window opens in the week", week("2025-04-21"), worklist.Due, true},
		{"window open", week("2025-05-05"), worklist.Due, true},
		{"before the window", week("2025-04-14"), 0, false},
		{"missed before the week: not listed", week("2025-06-02"), 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &indicators.Subject{Resident: resident("r0004", "赵六", "1995-01-01"), Pregnancies: []*maternal.Pregnancy{preg()}}
			e, ok := worklist.New(worklist.MaternalSource{}).Entry(s, tt.r)
			if !tt.listed {
				if ok {
					for _, it := range e.Items {
						assert.NotEqual(t, d("2025-05-27"), it.Due(), "2nd visit listed")
					}
				}
				return
			}
			require.True(t, ok)
			it := e.Items[0]
			assert.Equal(t, tt.status, it.Status)
			assert.Equal(t, gongwei.Period{Start: d("2025-04-23"), End: d("2025-05-28")}, it.Window)
			assert.Equal(t, "nbphs-spec §5.1", it.Source)
			assert.Equal(t, maternal.Prenatal2.Label(language.SimplifiedChinese), it.Label(language.SimplifiedChinese))
		})
	}
	// The 3rd window opens at 21+0 weeks, 28 May, the day after the 2nd closes: the
	// 2nd visit is never overdue, it is missed from 28 May, so the week of 26 May is
	// its last chance.
	s := &indicators.Subject{Resident: resident("r0004", "赵六", "1995-01-01"), Pregnancies: []*maternal.Pregnancy{preg()}}
	e, ok := worklist.New(worklist.MaternalSource{}).Entry(s, week("2025-05-26"))
	require.True(t, ok)
	assert.Equal(t, worklist.Missed, e.Items[0].Status, "the 3rd window opens on 28 May: the 2nd is missed in the week of 26 May")
}

func TestChildChecks(t *testing.T) {
	// Born 10 January 2025: the 6-month check's window is 6 months + 0 to 29 days
	// (nbphs-spec §4.1): 10 July to 8 August 2025; the visit, vision check, Hb,
	// hearing screen and TCM guidance (nbphs-spec §4.2, §11.2) are given at it.
	c := &child.Child{ID: "c1", Resident: "r0005", BirthDate: d("2025-01-10"), DischargeDate: d("2025-01-12")}
	var visits []*child.Visit
	for _, v := range []struct {
		kind child.VisitKind
		date string
	}{{child.KindNewborn, "2025-01-15"}, {child.KindFullMonth, "2025-02-08"}, {child.Kind3m, "2025-04-12"}} {
		visits = append(visits, &child.Visit{ID: child.VisitID("v" + string(v.kind)), Child: "c1", Kind: v.kind, Date: d(v.date), Vision: child.CheckNormal})
	}
	s := &indicators.Subject{Resident: resident("r0005", "孙七", "2025-01-10"), Child: &indicators.ChildCase{Child: c, Visits: visits}}
	e, ok := worklist.New(worklist.ChildSource{}).Entry(s, week("2025-07-07"))
	require.True(t, ok)
	require.Len(t, e.Items, 5)
	for _, it := range e.Items {
		assert.Equal(t, worklist.Due, it.Status)
		want := gongwei.Period{Start: d("2025-07-10"), End: d("2025-08-09")}
		if it.Label(language.English) == "6-month check: haemoglobin test" {
			// Hb once at 6-8 months: the 6- and 8-month windows together.
			want.End = d("2025-10-10")
		}
		assert.Equal(t, want, it.Window, it.Label(language.English))
	}
	require.Len(t, e.Visits, 1, "the services of the 6-month check are one visit")
	assert.Len(t, e.Visits[0].Items, 5)
	assert.Equal(t, d("2025-08-08"), e.Visits[0].Date)
	assert.Equal(t, "6月龄健康检查", e.Items[0].Label(language.SimplifiedChinese))

	// The 6-month visit recorded on 11 July with every service: off the list.
	s.Child.Visits = append(visits, &child.Visit{ID: "v6", Child: "c1", Kind: child.Kind6m, Date: d("2025-07-11"), Vision: child.CheckNormal,
		HbGL: 120, Hearing: child.CheckNormal, TCMGuidance: true})
	_, ok = worklist.New(worklist.ChildSource{}).Entry(s, week("2025-07-07"))
	assert.False(t, ok)
}

func TestVaccinationsDue(t *testing.T) {
	// Born 10 January 2025, given HepB-1, BCG at birth: MMR-1 is recommended at 8
	// months (immunization.md, schedule table) — 10 September 2025 — and timely before
	// 12 months (10 January 2026).
	birth := d("2025-01-10")
	reg := &immunization.Registration{Resident: "r0006", Name: "周八", Child: immunization.Child{Birth: birth}}
	var vs []*immunization.Vaccination
	for _, v := range []immunization.Vaccine{immunization.HepB, immunization.BCG} {
		vs = append(vs, &immunization.Vaccination{Resident: "r0006", Dose: immunization.Dose{Vaccine: v, Date: birth, Number: 1}})
	}
	s := &indicators.Subject{Resident: resident("r0006", "周八", "2025-01-10"), Immunization: &indicators.ImmunizationCase{Registration: reg, Vaccinations: vs}}
	e, ok := worklist.New(worklist.ImmunizationSource{}).Entry(s, week("2025-09-08"))
	require.True(t, ok)
	var mmr *worklist.Item
	for i, it := range e.Items {
		if it.Label(language.English) == immunization.MMR.Label(language.English)+" dose 1" {
			mmr = &e.Items[i]
		}
		assert.NotContains(t, it.Label(language.English), "BCG", "BCG given at birth")
	}
	require.NotNil(t, mmr, "MMR-1 due")
	assert.Equal(t, worklist.Due, mmr.Status)
	assert.Equal(t, gongwei.Period{Start: d("2025-09-10"), End: d("2026-01-10")}, mmr.Window)
	// Every dose of the first year is timely before 12 months (immunization.md
	// §1.2): none is overdue yet.
	assert.Equal(t, worklist.Routine, e.Urgency)

	// From 10 January 2026 (12 months) MMR-1 is overdue.
	e, ok = worklist.New(worklist.ImmunizationSource{}).Entry(s, week("2026-01-12"))
	require.True(t, ok)
	for _, it := range e.Items {
		if it.Label(language.English) == immunization.MMR.Label(language.English)+" dose 1" {
			assert.Equal(t, worklist.Overdue, it.Status)
		}
	}
	assert.Equal(t, worklist.Late, e.Urgency)

	// Before 8 months MMR is not listed.
	e, ok = worklist.New(worklist.ImmunizationSource{}).Entry(s, week("2025-08-25"))
	require.True(t, ok)
	for _, it := range e.Items {
		assert.NotEqual(t, immunization.MMR.Label(language.English)+" dose 1", it.Label(language.English))
	}
}

func TestYearlyCheckupAndMerge(t *testing.T) {
	// A resident of 65 (nbphs-spec §6) with hypertension and diabetes, both follow-ups
	// due in the week and no checkup this year: the follow-ups and the checkup make one
	// visit (chronic.MergePlan; nbphs-spec §7.4).
	s := &indicators.Subject{
		Resident: resident("r0007", "吴九", "1960-03-01"),
		Chronic: []indicators.ChronicCase{
			{Patient: htPatient("p1", "2024-01-01"), Visits: []*chronic.Visit{htVisit("p1", "2025-03-03", "2025-06-03", false)}},
			{Patient: &chronic.Patient{ID: "p2", Resident: "r0007", Condition: chronic.Diabetes, Registered: d("2024-01-01")},
				Visits: []*chronic.Visit{{Patient: "p2", Diabetes: &chronic.DiabetesFollowUp{Date: d("2025-03-05")}, Assessment: chronic.Assessment{NextDue: d("2025-06-05")}}}},
		},
	}
	e, ok := worklist.New().Entry(s, week("2025-06-02"))
	require.True(t, ok)
	require.Len(t, e.Items, 3)
	ck := find(e, worklist.Checkup)
	require.Len(t, ck, 1)
	assert.Equal(t, gongwei.Year(2025), ck[0].Window)
	assert.Equal(t, "nbphs-spec §6; nbphs-spec §7.4; nbphs-spec §8.2", ck[0].Source)
	require.Len(t, e.Visits, 1)
	assert.Equal(t, d("2025-06-03"), e.Visits[0].Date)

	// A checkup in March: only the follow-ups, still one visit.
	s.Checkups = []*healthrecord.Checkup{{Resident: "r0007", Date: d("2025-03-10")}}
	e, ok = worklist.New().Entry(s, week("2025-06-02"))
	require.True(t, ok)
	assert.Len(t, e.Items, 2)
	assert.Len(t, e.Visits, 1)

	// Under 65 and no chronic condition: no checkup due.
	s = &indicators.Subject{Resident: resident("r0008", "郑十", "1961-01-01")}
	_, ok = worklist.New().Entry(s, week("2025-06-02"))
	assert.False(t, ok)
	// 65 on 7 June 2025, in the week.
	s = &indicators.Subject{Resident: resident("r0008", "郑十", "1960-06-07")}
	_, ok = worklist.New().Entry(s, week("2025-06-02"))
	assert.True(t, ok)
	// The year ends in the week: last chance.
	e, ok = worklist.New().Entry(s, week("2025-12-29"))
	require.True(t, ok)
	assert.Equal(t, worklist.Missed, e.Items[0].Status)
}

func TestContractRenewal(t *testing.T) {
	c := &healthrecord.Contract{ID: "k1", Resident: "r0009", Team: "t1", Period: gongwei.Period{Start: d("2024-06-05"), End: d("2025-06-05")}}
	s := &indicators.Subject{Resident: resident("r0009", "钱一", "1990-01-01"), Contracts: []*healthrecord.Contract{c}}
	l := worklist.New(worklist.ContractSource{})
	e, ok := l.Entry(s, week("2025-06-02"))
	require.True(t, ok)
	assert.Equal(t, d("2025-06-04"), e.Items[0].Due(), "renewal due by the contract's last day")
	_, ok = l.Entry(s, week("2025-06-05"))
	assert.False(t, ok, "the week after the end")
	s.Contracts = append(s.Contracts, &healthrecord.Contract{ID: "k2", Resident: "r0009", Period: gongwei.Period{Start: d("2025-06-05"), End: d("2026-06-05")}})
	_, ok = l.Entry(s, week("2025-06-02"))
	assert.False(t, ok, "renewed")
}

func TestSortUrgencyVillagePinyin(t *testing.T) {
	mk := func(id, village, name string, u worklist.Urgency) *worklist.Entry {
		return &worklist.Entry{Resident: healthrecord.ResidentID(id), Village: healthrecord.Village(village), Name: name, Urgency: u}
	}
	es := []*worklist.Entry{
		mk("1", "110105001101", "张伟", worklist.Routine), // zhang
		mk("2", "110105001101", "王芳", worklist.Routine), // wang
		mk("3", "110105001101", "李娜", worklist.Routine), // li
		mk("4", "110105001102", "安静", worklist.Routine), // an, another village
		mk("5", "110105001102", "赵磊", worklist.Urgent),
		mk("6", "110105001101", "陈晨", worklist.Late), // chen
	}
	worklist.Sort(es)
	var got []string
	for _, e := range es {
		got = append(got, e.Name)
	}
	assert.Equal(t, []string{"赵磊", "陈晨", "李娜", "王芳", "张伟", "安静"}, got)
}

func TestStatusLabels(t *testing.T) {
	assert.Equal(t, "逾期", worklist.Overdue.Label(language.SimplifiedChinese))
	assert.Equal(t, "overdue", worklist.Overdue.String())
	assert.Equal(t, "高血壓", worklist.Hypertension.Label(language.TraditionalChinese))
	for _, k := range gongwei.MessageKeys() {
		for _, tag := range gongwei.Languages {
			assert.NotEmpty(t, gongwei.NewPrinter(tag).Sprintf(k), k)
		}
	}
}

func TestClosedRecordNotListed(t *testing.T) {
	// 65 and no checkup: due, until the record is closed (death, moving out).
	r := resident("r0010", "孙十一", "1950-01-01")
	s := &indicators.Subject{Resident: r}
	_, ok := worklist.New().Entry(s, week("2025-06-02"))
	assert.True(t, ok)
	r.Closure = healthrecord.Closure{Reason: healthrecord.ClosedDeath, Date: d("2025-06-04")}
	_, ok = worklist.New().Entry(s, week("2025-06-02"))
	assert.False(t, ok, "closed on the 4th")
	_, ok = worklist.New().Entry(s, week("2025-05-26"))
	assert.True(t, ok, "the week before")
}

func TestEntriesJurisdiction(t *testing.T) {
	// Two residents aged 65 with no checkup: one in village ...101 under contract with
	// team t1, one in village ...102 with none.
	a := resident("r0101", "甲", "1950-01-01")
	a.Archive = healthrecord.MustParseArchiveNumber("11010500110100101")
	b := resident("r0102", "乙", "1950-01-01")
	b.Archive = healthrecord.MustParseArchiveNumber("11010500110200102")
	subjects := []*indicators.Subject{
		{Resident: a, Contracts: []*healthrecord.Contract{{Resident: "r0101", Team: "t1", Period: gongwei.Year(2025)}}},
		{Resident: b},
	}
	seq := func(yield func(*indicators.Subject, error) bool) {
		for _, s := range subjects {
			if !yield(s, nil) {
				return
			}
		}
	}
	names := func(q worklist.Query) []string {
		var out []string
		for e, err := range worklist.New().Entries(seq, q) {
			require.NoError(t, err)
			out = append(out, e.Name)
		}
		return out
	}
	r := week("2025-06-02")
	assert.Equal(t, []string{"甲", "乙"}, names(worklist.Query{Prefix: "110105001", Range: r}), "township")
	assert.Equal(t, []string{"乙"}, names(worklist.Query{Prefix: "110105001102", Range: r}), "village")
	assert.Equal(t, []string{"甲"}, names(worklist.Query{Prefix: "110105001", Team: "t1", Range: r}), "team")
	assert.Empty(t, names(worklist.Query{Prefix: "110105001", Team: "t1", Range: week("2026-01-05")}), "contract over")
}

func TestHostSource(t *testing.T) {
	// A host's own service is one more source; its text is printed as given.
	own := worklist.SourceFunc(func(dst []worklist.Item, s *indicators.Subject, r gongwei.Period) []worklist.Item {
		return append(dst, worklist.Item{Service: "dental", Status: worklist.Overdue, Window: gongwei.Period{End: r.Start}, Source: "host rule 7", What: "口腔检查 %d", Args: []any{2}})
	})
	s := &indicators.Subject{Resident: resident("r0200", "丙", "1990-01-01")}
	e, ok := worklist.New(append(worklist.Sources(), own)...).Entry(s, week("2025-06-02"))
	require.True(t, ok)
	require.Len(t, e.Items, 1)
	assert.Equal(t, "口腔检查 2", e.Items[0].Label(language.English))
	assert.Equal(t, worklist.Late, e.Urgency)
}

func TestStreamFailure(t *testing.T) {
	boom := errors.New("disk")
	seq := func(yield func(*indicators.Subject, error) bool) {
		if yield(&indicators.Subject{Resident: resident("r0300", "丁", "1950-01-01")}, nil) {
			yield(nil, boom)
		}
	}
	var errs, entries int
	for e, err := range worklist.New().Entries(seq, worklist.Query{Range: week("2025-06-02")}) {
		if err != nil {
			assert.ErrorIs(t, err, boom)
			errs++
			continue
		}
		assert.NotNil(t, e)
		entries++
	}
	assert.Equal(t, 1, errs)
	assert.Equal(t, 1, entries)
	_, err := worklist.New().Collect(context.Background(), worklist.Stores{}, worklist.Query{Range: week("2025-06-02")})
	assert.ErrorIs(t, err, gongwei.ErrInvalid, "no health record store")
	_, err = worklist.New().Collect(context.Background(), worklist.Stores{}, worklist.Query{})
	assert.ErrorIs(t, err, gongwei.ErrInvalid, "no range")
}
