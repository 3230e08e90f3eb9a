package healthrecord_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/healthrecord/recordtest"
)

// FuzzEvaluateTCM feeds arbitrary answer sheets (each byte an answer, 0-6 after reduction)
// and checks the properties of the rules of nbphs-spec §11.1 without re-implementing them.
func FuzzEvaluateTCM(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte("\x01\x03\x03\x03\x01\x01\x01\x01\x01\x01\x01\x01\x01\x02"))
	f.Add([]byte(strings.Repeat("\x05", 33)))
	f.Add([]byte(strings.Repeat("\x03", 33)))
	f.Fuzz(func(t *testing.T, data []byte) {
		var a [healthrecord.TCMItemCount]healthrecord.TCMAnswer
		valid := true
		for i := range a {
			v := 1
			if i < len(data) {
				v = int(data[i] % 7)
			}
			a[i] = healthrecord.TCMAnswer(v)
			if v < 1 || v > 5 {
				valid = false
			}
		}
		r, err := healthrecord.EvaluateTCM(a)
		if !valid {
			if err == nil || !errors.Is(err, gongwei.ErrInvalid) {
				t.Fatalf("invalid sheet accepted: %v", err)
			}
			return
		}
		if err != nil {
			t.Fatalf("valid sheet refused: %v", err)
		}
		top := 0
		for _, s := range r.Scores[:8] {
			if s.Score < 4 || s.Score > 20 {
				t.Fatalf("%v score %d outside 4-20", s.Constitution, s.Score)
			}
			if s.Verdict == healthrecord.VerdictBasically {
				t.Fatalf("biased type judged 基本是")
			}
			if (s.Score >= 11) != (s.Verdict == healthrecord.VerdictYes) || (s.Score <= 8) != (s.Verdict == healthrecord.VerdictNo) {
				t.Fatalf("%v score %d judged %v", s.Constitution, s.Score, s.Verdict)
			}
			if s.Verdict.Positive() {
				top = max(top, s.Score)
			}
		}
		b := r.Score(healthrecord.Balanced)
		if b.Score < 5 || b.Score > 25 || b.Verdict == healthrecord.VerdictTending {
			t.Fatalf("balanced %+v", b)
		}
		if b.Verdict.Positive() && b.Score < 17 {
			t.Fatalf("balanced positive at %d", b.Score)
		}
		pos := r.Positive()
		if r.Recollect != (len(pos) == 0) {
			t.Fatalf("recollect %v with positive %v", r.Recollect, pos)
		}
		if r.Tie && r.Main != 0 || r.Recollect && r.Main != 0 {
			t.Fatalf("main %v with tie/recollect", r.Main)
		}
		if r.Main.Biased() && r.Score(r.Main).Score != top {
			t.Fatalf("main %v is not the highest positive type", r.Main)
		}
		if r.Main == healthrecord.Balanced && top > 0 {
			t.Fatalf("balanced main with a positive biased type")
		}
		for i := 1; i < len(pos); i++ {
			if pos[i].Biased() && r.Score(pos[i]).Score > r.Score(pos[i-1]).Score {
				t.Fatalf("positive list not in descending order: %v", pos)
			}
		}
	})
}

// FuzzCheckupValidate sets the general status numbers of a valid checkup to arbitrary
// values: Validate must not panic, must refuse exactly the values outside their ranges,
// and must never print a value or the free text of the record.
func FuzzCheckupValidate(f *testing.F) {
	f.Add(36.5, 120, 80, 165.0, 62.0, "王医生")
	f.Add(math.NaN(), -1, 400, 0.0, math.Inf(1), "13800138000")
	f.Add(45.01, 300, 299, 250.0, 2.0, "")
	f.Fuzz(func(t *testing.T, temp float64, sys, dia int, height, weight float64, name string) {
		r := elderlyResident()
		c := recordtest.Checkup(r, checkupDay)
		c.Physician = "秘密" + name
		c.General.Temperature = &temp
		c.General.BPLeft = healthrecord.BloodPressure{Systolic: &sys, Diastolic: &dia}
		c.General.Height = &height
		c.General.Weight = &weight
		err := c.ValidateFor(r.BirthDate)
		_ = c.Missing(r.BirthDate)
		_ = c.ElderlyManaged(r.BirthDate)
		b := healthrecord.BMI(weight, height)
		if math.IsNaN(healthrecord.RoundBMI(b)) {
			t.Fatalf("RoundBMI gave NaN")
		}
		var ve *gongwei.ValidationError
		if err != nil && !errors.As(err, &ve) {
			t.Fatalf("not a validation error: %v", err)
		}
		has := func(field string) bool { return ve != nil && ve.Has(field, gongwei.CodeOutOfRange) }
		tr, _ := healthrecord.CheckupRange("temperature")
		if has("General.Temperature") == tr.Contains(temp) {
			t.Fatalf("temperature %v: out of range reported %v", temp, has("General.Temperature"))
		}
		sr, _ := healthrecord.CheckupRange("systolic")
		if has("General.BPLeft.Systolic") == sr.Contains(float64(sys)) {
			t.Fatalf("systolic %v: out of range reported %v", sys, has("General.BPLeft.Systolic"))
		}
		if ve != nil && (sys > dia) == ve.Has("General.BPLeft.Diastolic", gongwei.CodeOrder) {
			t.Fatalf("order of %d/%d misreported", sys, dia)
		}
		if err != nil && strings.Contains(err.Error(), "秘密") {
			t.Fatalf("error text contains the physician's name")
		}
	})
}
