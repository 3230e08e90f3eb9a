package main

import (
	"bytes"
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRun runs the township's year once and checks the figures of the report against
// the ones worked by hand from the workflow in main.go.
func TestRun(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), &out))
	text := out.String()
	for _, want := range []string{
		// 60 records against the census's 34 + 36 = 70 residents: 85.7 % (nbphs-spec §1.6).
		"共建立居民健康档案60人，健康档案建档率85.7%（目标≥50%，达标）",
		// Every seventh record on paper (k = 3, 10, ..., 59: 9 of 60): 51 / 70 = 72.9 %.
		"其中电子档案51人，电子健康档案建档率72.9%（目标≥90%，未达标）",
		// Every third resident heads a family record: 20 of the census's 12 + 14 households.
		"建立家庭健康档案20户，家庭健康档案建档率76.9%（目标≥90%，未达标）",
		// 13 residents are 65+ on their checkup date; every fourth missed: 9 / 13 = 69.2 %.
		"共为65岁及以上老年人健康体检9人，老年人健康管理率69.2%（目标≥80%，未达标）",
		"By the end of December, 60 residents have a health record, health record coverage 85.7%",
	} {
		assert.Contains(t, text, want)
	}
}
