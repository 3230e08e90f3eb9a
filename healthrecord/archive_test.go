package healthrecord

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/gongwei-lib/gongwei"
)

func TestParseArchiveNumberSegments(t *testing.T) {
	// 6 + 3 + 3 + 5 segments, nbphs-spec §1.4 / data-standards §2.1.
	a, err := ParseArchiveNumber("110105001101 00042")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ name, got, want string }{
		{"String", a.String(), "11010500110100042"},
		{"County", a.County(), "110105"},
		{"Township", a.Township(), "001"},
		{"VillageCode", a.VillageCode(), "101"},
		{"Village", string(a.Village()), "110105001101"},
		{"Division", a.Division(), "110105001"},
		{"Short", a.Short(), "101-00042"},
	} {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
		}
	}
	if a.Serial() != 42 {
		t.Errorf("Serial = %d, want 42", a.Serial())
	}
	if a.Village().Kind() != VillagersCommittee {
		t.Errorf("Kind = %v, want VillagersCommittee", a.Village().Kind())
	}
	// Full-width digits and hyphens as typed into the 编号 boxes.
	b, err := ParseArchiveNumber("１１０１０５-００１-１０１-０００４２")
	if err != nil || b != a {
		t.Errorf("full-width = %v, %v", b, err)
	}
}

// TestArchiveVillageRanges checks the segment-3 ranges of nbphs-spec §1.4: 001-099
// residents' committees, 101-199 villagers' committees, 901-999 other; 000, 100 and
// 200-900 unassigned.
func TestArchiveVillageRanges(t *testing.T) {
	tests := []struct {
		village string
		kind    VillageKind
	}{
		{"000", VillageInvalid},
		{"001", ResidentsCommittee},
		{"050", ResidentsCommittee},
		{"099", ResidentsCommittee},
		{"100", VillageInvalid},
		{"101", VillagersCommittee},
		{"199", VillagersCommittee},
		{"200", VillageInvalid},
		{"500", VillageInvalid},
		{"900", VillageInvalid},
		{"901", OtherOrganisation},
		{"999", OtherOrganisation},
	}
	for _, tt := range tests {
		s := "110105001" + tt.village + "00001"
		a, err := ParseArchiveNumber(s)
		if tt.kind == VillageInvalid {
			if !errors.Is(err, ErrArchiveVillage) || ArchiveErrorCode(err) != CodeArchiveVillage {
				t.Errorf("village %s: err = %v, want ErrArchiveVillage", tt.village, err)
			}
			if _, err := ParseVillage("110105001" + tt.village); !errors.Is(err, ErrArchiveVillage) {
				t.Errorf("ParseVillage %s: err = %v", tt.village, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("village %s: %v", tt.village, err)
			continue
		}
		if a.Village().Kind() != tt.kind {
			t.Errorf("village %s: kind %v, want %v", tt.village, a.Village().Kind(), tt.kind)
		}
	}
}

func TestParseArchiveNumberErrors(t *testing.T) {
	tests := []struct {
		in   string
		want error
		code gongwei.Code
	}{
		{"1101050011010004", ErrArchiveFormat, CodeArchiveFormat},   // 16 digits
		{"110105001101000421", ErrArchiveFormat, CodeArchiveFormat}, // 18 digits
		{"11010500110100O42", ErrArchiveFormat, CodeArchiveFormat},  // letter O
		{"", ErrArchiveFormat, CodeArchiveFormat},
		{"11010500110100000", ErrArchiveSerial, CodeArchiveSerial}, // serial 00000
		{"11010500120000001", ErrArchiveVillage, CodeArchiveVillage},
	}
	for _, tt := range tests {
		_, err := ParseArchiveNumber(tt.in)
		if !errors.Is(err, tt.want) || !errors.Is(err, gongwei.ErrInvalid) {
			t.Errorf("ParseArchiveNumber(%q) err = %v, want %v", tt.in, err, tt.want)
		}
		if ArchiveErrorCode(err) != tt.code {
			t.Errorf("ArchiveErrorCode = %q, want %q", ArchiveErrorCode(err), tt.code)
		}
	}
}

func TestNextArchiveNumber(t *testing.T) {
	v, err := ParseVillage("110105001101")
	if err != nil {
		t.Fatal(err)
	}
	first, err := NextArchiveNumber(v, ArchiveNumber{})
	if err != nil || first.String() != "11010500110100001" {
		t.Fatalf("first = %v, %v; want serial 00001", first, err)
	}
	next, err := NextArchiveNumber(v, MustParseArchiveNumber("11010500110100041"))
	if err != nil || next.String() != "11010500110100042" {
		t.Fatalf("after 00041 = %v, %v", next, err)
	}
	last, err := NextArchiveNumber(v, MustParseArchiveNumber("11010500110199998"))
	if err != nil || last.Serial() != MaxArchiveSerial {
		t.Fatalf("after 99998 = %v, %v", last, err)
	}
	if _, err := NextArchiveNumber(v, last); !errors.Is(err, ErrArchiveSerial) {
		t.Errorf("after 99999 err = %v, want ErrArchiveSerial", err)
	}
	if _, err := NextArchiveNumber(v, MustParseArchiveNumber("11010500110200001")); !errors.Is(err, ErrArchiveVillage) {
		t.Errorf("other village err = %v, want ErrArchiveVillage", err)
	}
	if _, err := NextArchiveNumber(Village("110105001100"), ArchiveNumber{}); !errors.Is(err, ErrArchiveVillage) {
		t.Errorf("invalid village err = %v", err)
	}
	if _, err := v.Archive(0); !errors.Is(err, ErrArchiveSerial) {
		t.Errorf("serial 0 err = %v", err)
	}
	if _, err := ParseVillage("11010500110"); !errors.Is(err, ErrArchiveFormat) {
		t.Errorf("short village err = %v", err)
	}
}

func TestArchiveNumberZeroAndText(t *testing.T) {
	var z ArchiveNumber
	if !z.IsZero() || z.Short() != "" || z.County() != "" || z.Serial() != 0 || z.Village() != "" {
		t.Error("zero ArchiveNumber accessors are not empty")
	}
	a := MustParseArchiveNumber("11010500190112345")
	b, _ := a.MarshalText()
	var back ArchiveNumber
	if err := back.UnmarshalText(b); err != nil || back != a {
		t.Errorf("round trip %v, %v", back, err)
	}
	if err := back.UnmarshalText(nil); err != nil || !back.IsZero() {
		t.Errorf("empty text %v, %v", back, err)
	}
	if err := back.UnmarshalText([]byte("x")); !errors.Is(err, ErrArchiveFormat) {
		t.Errorf("bad text err = %v", err)
	}
	if a.Village().Kind() != OtherOrganisation {
		t.Errorf("901 kind = %v", a.Village().Kind())
	}
	if Village("1").Kind() != VillageInvalid {
		t.Error("short village has a kind")
	}
}

func TestMustParseArchiveNumberPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("no panic")
		}
	}()
	MustParseArchiveNumber("11010500110000001")
}

// checkArchiveRefusal fails t unless err, the refusal of s, is a typed archive error
// (wrapping gongwei.ErrInvalid, with an ArchiveErrorCode) that does not repeat s's
// digits.
func checkArchiveRefusal(t *testing.T, s string, err error) {
	t.Helper()
	if !errors.Is(err, gongwei.ErrInvalid) || ArchiveErrorCode(err) == "" {
		t.Fatalf("untyped error %v", err)
	}
	if d := digitsOf(s); len(d) >= 6 && strings.Contains(err.Error(), d) {
		t.Fatalf("error %q contains the input", err)
	}
}

func FuzzParseArchiveNumber(f *testing.F) {
	for _, s := range []string{"11010500110100042", "11010500100000001", "11010500199999999",
		"11010500110000001", "11010500110100000", "１１０１０５００１１０１００００１", "", "abc"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := ParseArchiveNumber(s)
		if err != nil {
			checkArchiveRefusal(t, s, err)
			return
		}
		again, err := ParseArchiveNumber(a.String())
		if err != nil || again != a {
			t.Fatalf("round trip of %q = %v, %v", a, again, err)
		}
		if got := a.County() + a.Township() + a.VillageCode() + fmt.Sprintf("%05d", a.Serial()); got != a.String() {
			t.Fatalf("segments %q != %q", got, a.String())
		}
		if a.Village().Kind() == VillageInvalid || a.Serial() < 1 {
			t.Fatalf("accepted invalid %q", a)
		}
		if a.Short() != a.VillageCode()+"-"+a.String()[12:] {
			t.Fatalf("Short %q", a.Short())
		}
	})
}
