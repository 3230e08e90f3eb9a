package childtest_test

import (
	"testing"

	"github.com/gongwei-lib/gongwei/child"
	"github.com/gongwei-lib/gongwei/child/childtest"
)

func TestFixturesValid(t *testing.T) {
	for i := 1; i <= 30; i++ {
		c := childtest.Child(i)
		if err := c.Validate(); err != nil {
			t.Errorf("Child(%d): %v", i, err)
		}
		v := childtest.Visit(c, child.Kind6m, c.BirthDate.AddMonths(6))
		if err := v.ValidateFor(c); err != nil {
			t.Errorf("Visit of Child(%d): %v", i, err)
		}
	}
}
