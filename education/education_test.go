package education_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/education"
	"github.com/gongwei-lib/gongwei/education/educationtest"
	"github.com/gongwei-lib/gongwei/education/memstore"
)

var d = gongwei.MustParseDate

func act(id string, k education.Kind, title, date string) *education.Activity {
	return educationtest.Activity(education.ID(id), educationtest.Township, k, title, d(date))
}

// centreYear is a township centre's first quarter: 3 lectures, 2 consultations, 3 kinds
// of print (one twice), 1 AV, board 1 renewed on 1.5 and 3.2, board 2 on 2.1.
func centreYear() []*education.Activity {
	return []*education.Activity{
		act("L1", education.KindLecture, "", "2025-01-15"),
		act("L2", education.KindLecture, "", "2025-02-15"),
		act("L3", education.KindLecture, "", "2025-03-10"),
		act("C1", education.KindConsultation, "", "2025-03-24"),
		act("C2", education.KindConsultation, "", "2025-03-25"),
		act("P1", education.KindPrint, "高血压折页", "2025-01-02"),
		act("P2", education.KindPrint, "糖尿病折页", "2025-01-02"),
		act("P3", education.KindPrint, "高血压折页", "2025-02-02"),
		act("P4", education.KindPrint, "结核病处方", "2025-03-02"),
		act("V1", education.KindAV, "控烟短片", "2025-02-10"),
		act("B1", education.KindBoard, "1号栏", "2025-01-05"),
		act("B2", education.KindBoard, "2号栏", "2025-02-01"),
		act("B3", education.KindBoard, "1号栏", "2025-03-02"),
		act("X1", education.KindLecture, "", "2024-12-20"), // other year: ignored
	}
}

func result(r education.Report, it education.Item) education.Result {
	for _, x := range r.Results {
		if x.Item == it {
			return x
		}
	}
	return education.Result{}
}

// TestCheckProRata: nbphs-spec §2.1 minimums for a centre (lectures 12, consultations 9,
// print 12 kinds, AV 6 kinds, 2 boards renewed every 2 months), pro rata by completed
// months: on 31 March, 3 months: lectures 12×3/12 = 3, consultations 9×3/12 = 2.25 → 2,
// print 3, AV 6×3/12 = 1.5 → 1, boards 2 (standing), renewals 6×3/12 = 1.5 → 1.
func TestCheckProRata(t *testing.T) {
	acts := centreYear()
	r := education.Check(education.Centre, acts, d("2025-03-31"))
	for _, tc := range []struct {
		item           education.Item
		required, done int
	}{
		{education.ItemLectures, 3, 3},
		{education.ItemConsultations, 2, 2},
		{education.ItemPrintKinds, 3, 3},
		{education.ItemAVKinds, 1, 1},
		{education.ItemBoards, 2, 2},
		{education.ItemBoardRenewals, 1, 1},
	} {
		got := result(r, tc.item)
		assert.Equal(t, tc.required, got.Required, tc.item)
		assert.Equal(t, tc.done, got.Done, tc.item)
		assert.True(t, got.Met, tc.item)
	}
	assert.Empty(t, r.StaleBoards)
	assert.True(t, r.Met())

	// On 30 March only 2 months have ended: lectures 2, consultations 9×2/12 = 1.5 → 1.
	r = education.Check(education.Centre, acts, d("2025-03-30"))
	assert.Equal(t, 2, result(r, education.ItemLectures).Required)
	assert.Equal(t, 1, result(r, education.ItemConsultations).Required)

	// Without the March lecture, 31 March falls short by one.
	r = education.Check(education.Centre, append(acts[:2:2], acts[3:]...), d("2025-03-31"))
	assert.False(t, result(r, education.ItemLectures).Met)
	assert.False(t, r.Met())

	// Board 2 was last renewed on 1 February: stale from 1 April (two months on), not on
	// 31 March.
	r = education.Check(education.Centre, acts, d("2025-04-01"))
	assert.Equal(t, []string{"2号栏"}, r.StaleBoards)

	// A village station (nbphs-spec §2.1: 1 board, lectures 6 a year, no consultation
	// minimum): on 30 June, lectures 6×6/12 = 3.
	r = education.Check(education.Station, nil, d("2025-06-30"))
	assert.Equal(t, 3, result(r, education.ItemLectures).Required)
	assert.Equal(t, 1, result(r, education.ItemBoards).Required)
	assert.Equal(t, education.Result{}, result(r, education.ItemConsultations), "no village minimum")
	assert.Equal(t, 6, result(r, education.ItemPrintKinds).Required)
}

func TestBoardRenewalsMissingBoard(t *testing.T) {
	// One board only, for a centre that must keep 2: the missing board has no renewal.
	acts := []*education.Activity{act("B1", education.KindBoard, "1号栏", "2025-01-05"), act("B2", education.KindBoard, "1号栏", "2025-03-01")}
	r := education.Check(education.Centre, acts, d("2025-03-31"))
	assert.False(t, result(r, education.ItemBoards).Met)
	assert.Equal(t, 0, result(r, education.ItemBoardRenewals).Done)
}

func TestCompletedMonths(t *testing.T) {
	assert.Equal(t, 0, education.CompletedMonths(d("2025-01-30")))
	assert.Equal(t, 1, education.CompletedMonths(d("2025-01-31")))
	assert.Equal(t, 2, education.CompletedMonths(d("2024-02-29")))
	assert.Equal(t, 12, education.CompletedMonths(d("2025-12-31")))
}

// TestHealthDays: the dates of plan-targets.md's health-day calendar.
func TestHealthDays(t *testing.T) {
	want := map[string]string{
		"tb": "2025-03-24", "vaccination": "2025-04-25", "no_tobacco": "2025-05-31", "eye": "2025-06-06",
		"asthma": "2025-05-06", // first Tuesday of May 2025
		"iodine": "2025-05-15", "hypertension": "2025-10-08", "mental_health": "2025-10-10",
		"diabetes": "2025-11-14", "aids": "2025-12-01",
	}
	for code, date := range want {
		h, ok := education.LookupHealthDay(code)
		require.True(t, ok, code)
		assert.Equal(t, date, h.On(2025).String(), code)
	}
	cal := education.Calendar(gongwei.Quarter(2025, 2))
	var names []string
	for _, x := range cal {
		names = append(names, x.Code)
	}
	assert.Equal(t, []string{"vaccination", "asthma", "iodine", "no_tobacco", "eye"}, names)
}

func TestValidate(t *testing.T) {
	a := &education.Activity{Kind: "bogus", Division: "12", Attendees: -1, HealthDay: "nope"}
	err := a.Validate()
	var ve *gongwei.ValidationError
	require.True(t, errors.As(err, &ve))
	assert.True(t, errors.Is(err, gongwei.ErrInvalid))
	for _, f := range []struct {
		field string
		code  gongwei.Code
	}{
		{"ID", gongwei.CodeRequired}, {"Division", gongwei.CodeFormat}, {"Institution", gongwei.CodeRequired},
		{"Kind", gongwei.CodeUnknownCode}, {"Date", gongwei.CodeRequired}, {"Topic", gongwei.CodeRequired},
		{"Attendees", gongwei.CodeOutOfRange}, {"HealthDay", gongwei.CodeUnknownCode},
	} {
		assert.True(t, ve.Has(f.field, f.code), "%s %s", f.field, f.code)
	}
	lec := educationtest.Lecture("L1", educationtest.Township, d("2025-01-01"))
	lec.Attendees = 0
	require.True(t, errors.As(lec.Validate(), &ve))
	assert.True(t, ve.Has("Attendees", gongwei.CodeRequired))
}

// TestNoPersonalData: errors do not echo the texts entered (a topic or place could name a
// person).
func TestNoPersonalData(t *testing.T) {
	a := educationtest.Lecture("L1", "11010100100X", d("2025-01-01"))
	a.Topic, a.Place, a.Audience = "张三的讲座", "张三家", "张三"
	a.Kind = "张三"
	err := education.NewService(memstore.New()).Save(context.Background(), a)
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "张三")
	assert.NotContains(t, err.Error(), "11010100100X")
}

func TestServiceSaveAndCheck(t *testing.T) {
	ctx := context.Background()
	g := education.NewService(memstore.New())
	for _, a := range centreYear() {
		require.NoError(t, g.Save(ctx, a))
		assert.Equal(t, int64(1), a.Version)
	}
	// A village clinic's lecture is not the centre's.
	require.NoError(t, g.Save(ctx, educationtest.Lecture("VL1", educationtest.Village, d("2025-03-01"))))
	r, err := g.Check(ctx, educationtest.Township, education.Centre, d("2025-03-31"))
	require.NoError(t, err)
	assert.Equal(t, 3, result(r, education.ItemLectures).Done)
	// Stale version.
	a := act("L1", education.KindLecture, "", "2025-01-15")
	assert.True(t, errors.Is(g.Save(ctx, a), gongwei.ErrConflict))
	// Normalisation: full-width division digits.
	b := educationtest.Lecture("F1", "１１０１０１００１", d("2025-05-01"))
	require.NoError(t, g.Save(ctx, b))
	got, err := g.Store().Activity(ctx, "F1")
	require.NoError(t, err)
	assert.Equal(t, educationtest.Township, got.Division)
}

func FuzzParseKind(f *testing.F) {
	for _, k := range education.Kinds {
		f.Add(string(k))
	}
	f.Add("ＬＥＣＴＵＲＥ")
	f.Add("张三")
	f.Fuzz(func(t *testing.T, s string) {
		k, err := education.ParseKind(s)
		if err != nil {
			if !errors.Is(err, gongwei.ErrInvalid) {
				t.Fatal(err)
			}
			if err.Error() != "education: kind: gongwei: invalid" {
				t.Fatalf("error %q is not the fixed text: it may echo the input", err)
			}
			return
		}
		k2, err := education.ParseKind(string(k))
		if err != nil || k2 != k {
			t.Fatalf("round trip %q → %q", k, k2)
		}
	})
}

func Example() {
	acts := []*education.Activity{
		educationtest.Lecture("L1", educationtest.Township, gongwei.MustDate(2025, 1, 15)),
		educationtest.Lecture("L2", educationtest.Township, gongwei.MustDate(2025, 2, 12)),
	}
	r := education.Check(education.Centre, acts, gongwei.MustDate(2025, 3, 31))
	for _, x := range r.Results {
		if x.Item == education.ItemLectures {
			fmt.Printf("lectures: %d of %d due by 31 March (%d a year), met: %v\n", x.Done, x.Required, x.PerYear, x.Met)
		}
	}
	for _, h := range education.Calendar(gongwei.Month(2025, time.March)) {
		fmt.Println(h.Date, h.Name)
	}
	// Output:
	// lectures: 2 of 3 due by 31 March (12 a year), met: false
	// 2025-03-24 世界防治结核病日
}
