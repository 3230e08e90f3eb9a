package gongwei_test

import (
	"testing"

	"github.com/gongwei-lib/gongwei"
)

func TestInterval(t *testing.T) {
	tests := []struct {
		i     gongwei.Interval
		from  string
		want  string
		print string
	}{
		// 满8月龄 of a child born on 31 January 2024 (immunization.md §2.4 item 3).
		{gongwei.Interval{Months: 8}, "2024-01-31", "2024-09-30", "8m"},
		{gongwei.Interval{Months: 1}, "2024-01-31", "2024-02-29", "1m"},
		{gongwei.Interval{Months: 1}, "2023-01-31", "2023-02-28", "1m"},
		// Months first, then days: 1 month 7 days from 31 January 2023.
		{gongwei.Interval{Months: 1, Days: 7}, "2023-01-31", "2023-03-07", "1m7d"},
		{gongwei.Interval{Days: 14}, "2024-12-25", "2025-01-08", "14d"},
		{gongwei.Interval{Months: 72}, "2018-02-28", "2024-02-28", "6y"},
		{gongwei.Interval{}, "2024-05-05", "2024-05-05", "0"},
	}
	for _, tt := range tests {
		d := gongwei.MustParseDate(tt.from)
		if got := tt.i.From(d).String(); got != tt.want {
			t.Errorf("%v.From(%s) = %s, want %s", tt.i, tt.from, got, tt.want)
		}
		if got := tt.i.After(d).String(); got != tt.want {
			t.Errorf("%v.After(%s) = %s, want %s", tt.i, tt.from, got, tt.want)
		}
		if got := tt.i.String(); got != tt.print {
			t.Errorf("String = %q, want %q", got, tt.print)
		}
		if got := tt.i.From(gongwei.Date{}); !got.IsZero() {
			t.Errorf("%v.From(zero) = %v, want the zero Date", tt.i, got)
		}
	}
}
