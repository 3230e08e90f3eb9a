package main

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/healthrecord/recordtest"
)

// TestRun runs the embedding twice on one database file: the first run files five
// records into the HIS rows, the second finds them and files none; the figures are the
// same (5 electronic records of 5; 3 patients 65+ on 2025-12-31 — born 1951, 1956 and
// 1958 — of whom 2 had the checkup: 66.7 %).
func TestRun(t *testing.T) {
	path := filepath.Join(t.TempDir(), "his.db")
	for i, filed := range []string{"filed for 5 HIS patients", "filed for 0 HIS patients"} {
		var out bytes.Buffer
		require.NoError(t, run(context.Background(), &out, path), "run %d", i+1)
		text := out.String()
		assert.Contains(t, text, filed)
		assert.Contains(t, text, "his_patient ZY0001  gw_dabh 11010500110100004")
		assert.Contains(t, text, "电子健康档案建档率: 5/5 = 100.0%")
		assert.Contains(t, text, "老年人健康管理率: 2/3 = 66.7%")
	}
}

// TestHISStoreConformance runs the health-record store conformance suite against the
// adapter over the HIS table: the proof a HIS vendor gives for its own adapter.
func TestHISStoreConformance(t *testing.T) {
	dir := t.TempDir()
	n := 0
	recordtest.TestStore(t, func() healthrecord.Store {
		n++
		db, store, err := openStore(context.Background(), filepath.Join(dir, fmt.Sprintf("his%d.db", n)))
		require.NoError(t, err)
		t.Cleanup(func() { db.Close() })
		return store
	})
}
