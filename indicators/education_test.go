package indicators

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/education"
	et "github.com/gongwei-lib/gongwei/education/educationtest"
	edumem "github.com/gongwei-lib/gongwei/education/memstore"
)

// TestEducationIndicators: the counts of nbphs-spec §2.2 worked by hand. The township
// centre: 2 lectures (40 each), 1 consultation (100), print titles A, B, A (2 kinds), AV X
// (1), board 1 posted twice and board 2 once (2 boards, 3 updates). Its village clinic: 1
// lecture (40) and print A (1 kind: kinds are per institution). A 2024 lecture is outside.
func TestEducationIndicators(t *testing.T) {
	ctx := context.Background()
	g := education.New(edumem.New(), education.Options{Unattributed: true})
	dt := gongwei.MustParseDate
	acts := []*education.Activity{
		et.Lecture("L1", et.Township, dt("2025-01-10")),
		et.Lecture("L2", et.Township, dt("2025-02-10")),
		et.Activity("C1", et.Township, education.KindConsultation, "", dt("2025-03-24")),
		et.Activity("P1", et.Township, education.KindPrint, "A", dt("2025-01-02")),
		et.Activity("P2", et.Township, education.KindPrint, "B", dt("2025-01-02")),
		et.Activity("P3", et.Township, education.KindPrint, "A", dt("2025-04-02")),
		et.Activity("V1", et.Township, education.KindAV, "X", dt("2025-04-02")),
		et.Activity("B1", et.Township, education.KindBoard, "1号栏", dt("2025-01-05")),
		et.Activity("B2", et.Township, education.KindBoard, "1号栏", dt("2025-03-05")),
		et.Activity("B3", et.Township, education.KindBoard, "2号栏", dt("2025-01-05")),
		et.Lecture("VL1", et.Village, dt("2025-05-10")),
		et.Activity("VP1", et.Village, education.KindPrint, "A", dt("2025-05-10")),
		et.Lecture("OLD", et.Township, dt("2024-12-10")),
	}
	acts[2].Attendees = 100
	for _, a := range acts {
		require.NoError(t, g.Save(ctx, a))
	}
	tally := NewTally(0)
	require.NoError(t, EducationIndicators(ctx, g.Store(), "", supYear, tally))
	town, vil := Unit(et.Township), Unit(et.Village)
	for _, tc := range []struct {
		code Code
		unit Unit
		n    int64
	}{
		{"edu.print_kinds", town, 2}, {"edu.av_kinds", town, 1}, {"edu.boards", town, 2},
		{"edu.board_updates", town, 3}, {"edu.lectures", town, 2}, {"edu.consultations", town, 1},
		{"edu.attendance", town, 40 + 40 + 100},
		{"edu.lectures", vil, 1}, {"edu.print_kinds", vil, 1}, {"edu.attendance", vil, 40},
	} {
		got, ok := tally.Get(Key{tc.code, tc.unit, supYear})
		assert.True(t, ok, "%s %s", tc.code, tc.unit)
		assert.Equal(t, Counts{tc.n, 0}, got, "%s %s", tc.code, tc.unit)
	}
	up := tally.RollUp(LevelTownship)
	got, _ := up.Get(Key{"edu.lectures", town, supYear})
	assert.Equal(t, int64(3), got.Num)
	got, _ = up.Get(Key{"edu.print_kinds", town, supYear})
	assert.Equal(t, int64(3), got.Num, "kinds add up per institution")
	for _, code := range EducationCodes {
		ind, ok := Lookup(code)
		require.True(t, ok, code)
		assert.True(t, ind.Implemented, code)
	}
}
