//go:build unix

package indicators_test

import "syscall"

// processCPU returns the CPU time the process has used (user and system), in
// nanoseconds: on a shared machine it tells what a pass costs, where the wall clock
// also counts the time other processes ran.
func processCPU() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
