package loadstate

import (
	"context"
	"fmt"
	"io"
	"os"
	"strconv"
)

// HoldEnv names a test hook: when it is set to a number N > 0, [Hold] stops a load once
// N residents or more are loaded, says so on the load's message writer, and waits there
// until the process is killed (or its context is done). The examples' tests use it to
// kill a load at a known point, deterministically; nobody else should set it.
const HoldEnv = "GONGWEI_EXAMPLE_HOLD_AFTER"

// HeldMessage starts the line Hold writes.
const HeldMessage = "test hook: load held after"

// Hold is called by a load after each chunk with the residents loaded so far. It returns
// at once unless the test hook HoldEnv asks to stop at done; then it writes
// HeldMessage and the count to w and waits until ctx is done, returning ctx's error.
func Hold(ctx context.Context, w io.Writer, done int) error {
	n, err := strconv.Atoi(os.Getenv(HoldEnv))
	if err != nil || n <= 0 || done < n {
		return nil
	}
	fmt.Fprintf(w, "%s %d residents (%s)\n", HeldMessage, done, HoldEnv)
	<-ctx.Done()
	return ctx.Err()
}
