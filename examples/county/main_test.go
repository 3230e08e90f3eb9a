package main

import (
	"bytes"
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRun computes a small county township by township on two workers; run fails unless
// the merged township tallies equal the single pass exactly.
func TestRun(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), &out, 4000, 2))
	assert.Contains(t, out.String(), "merged = single pass: true")
	assert.Contains(t, out.String(), "410523002")
	assert.Contains(t, out.String(), "健康档案建档率")
}
