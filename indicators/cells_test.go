package indicators

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// wantCells checks that tally holds every cell of want with its counts, stopping the
// test at the first cell that is missing or differs.
func wantCells(t *testing.T, tally *Tally, want map[Key]Counts) {
	t.Helper()
	for k, c := range want {
		got, ok := tally.Get(k)
		require.Truef(t, ok, "%v missing", k)
		require.Equalf(t, c, got, "%v", k)
	}
}
