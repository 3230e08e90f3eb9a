//go:build !unix

package indicators_test

// processCPU is not measured on this system.
func processCPU() int64 { return 0 }
