package healthrecord_test

import (
	"testing"

	"github.com/gongwei-lib/gongwei/healthrecord"
)

func TestMasks(t *testing.T) {
	// The example ID number of data-standards.md (GB 11643 test vector).
	id, err := healthrecord.ParseIDNumber("11010519491231002X")
	if err != nil {
		t.Fatal(err)
	}
	phone, err := healthrecord.ParsePhone("13812345678")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ got, want string }{
		{healthrecord.MaskIDNumber(id), "110105********002X"},
		{healthrecord.MaskIDNumber(healthrecord.IDNumber{}), ""},
		{healthrecord.MaskPhone(phone), "138****5678"},
		{healthrecord.MaskName("张三丰"), "张**"},
		{healthrecord.MaskName(" 欧阳娜娜 "), "欧***"},
		{healthrecord.MaskName(""), ""},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%d: got %q, want %q", i, tt.got, tt.want)
		}
	}
}
