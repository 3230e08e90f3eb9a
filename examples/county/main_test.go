package main

import (
	"bytes"
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRun computes a small county township by township on two workers; run fails unless
// the merged township tallies of every domain (child and immunization included) equal
// the single pass exactly.
func TestRun(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), &out, 4000, 2))
	s := out.String()
	assert.Contains(t, s, "merged = single pass: true")
	assert.Contains(t, s, "410523002")
	for _, label := range []string{
		"健康档案建档率",         // records
		"高血压患者规范管理率",      // chronic: per-township table and the other indicators
		"管理人群血压控制率",       // chronic: plan row
		"肺结核患者管理率",        // TB
		"早孕建册率",           // maternal
		"住院分娩率",           // maternal: plan row
		"儿童系统管理率",         // child: per-township table
		"新生儿访视率",          // child: plan row
		"HepB3接种率",        // immunization: per-township coverage by milestone
		"五苗全程接种率",         // immunization: per-township table and plan row
		"被监督单位巡查频次达标率",    // supervision
		"卫生监督协管覆盖率",       // supervision: plan row
		"传染病疫情报告及时率",      // infectious disease reports
		"健康知识讲座次数",        // education
		"卫生院健康教育达标",       // education minimums per township
		"其他已实现指标（计划未设目标）", // the implemented indicators without a plan row
	} {
		assert.Contains(t, s, label)
	}
	// The plan is missed somewhere: a row not met.
	assert.Contains(t, s, "未达标")
}
