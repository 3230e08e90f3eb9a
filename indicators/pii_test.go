package indicators

import (
	"strings"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestErrorsCarryNoPersonalValues: a citizen ID number or a name pasted into a unit code,
// a target or a plan never comes back in an error message.
func TestErrorsCarryNoPersonalValues(t *testing.T) {
	const id, name = "11010519491231002X", "张三丰"
	_, err := ParseUnit(id)
	require.Error(t, err)
	assert.NotContains(t, err.Error(), id)
	_, err = ParseTarget("≥" + name)
	require.Error(t, err)
	assert.NotContains(t, err.Error(), name)
	p := &Plan{Period: gongwei.Year(2024), Rows: []PlanRow{{Code: Code(name), Unit: Unit(id), Target: AtLeast("1"), Note: name}}}
	err = p.Validate()
	require.Error(t, err)
	assert.False(t, strings.Contains(err.Error(), id) || strings.Contains(err.Error(), name), err.Error())
}
