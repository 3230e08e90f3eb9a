//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd

package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei/examples/internal/loadstate"
	"github.com/gongwei-lib/gongwei/examples/internal/townshipdb"
	"github.com/gongwei-lib/gongwei/internal/synth"
)

// The kill tests run the built command, as a user does, on a township of killResidents
// residents, loaded in chunks of townshipdb.ChunkSize: the test hook loadstate.HoldEnv stops a load
// after its first chunk, so that it is killed at a known point.
const killResidents = 300

// built is the command built once for the kill tests, and the report of a clean run of
// it on a fresh file.
var built struct {
	once       sync.Once
	dir        string
	bin, clean string
	err        error
}

// TestMain removes the directory of the built command.
func TestMain(m *testing.M) {
	code := m.Run()
	if built.dir != "" {
		os.RemoveAll(built.dir)
	}
	os.Exit(code)
}

// buildTownship builds the command (once) and runs it on a fresh file to the end; it
// returns the command and that clean run's report.
func buildTownship(t *testing.T) (bin, clean string) {
	t.Helper()
	built.once.Do(func() {
		if built.dir, built.err = os.MkdirTemp("", "township-kill"); built.err != nil {
			return
		}
		built.bin = filepath.Join(built.dir, "township")
		out, err := exec.Command("go", "build", "-o", built.bin, ".").CombinedOutput()
		if err != nil {
			built.err = fmt.Errorf("go build: %v\n%s", err, out)
			return
		}
		cmd := exec.Command(built.bin, "-db", filepath.Join(built.dir, "clean.db"), "-residents", strconv.Itoa(killResidents))
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			built.err = fmt.Errorf("clean run: %v\n%s", err, stderr.String())
			return
		}
		built.clean = stdout.String()
	})
	require.NoError(t, built.err)
	return built.bin, built.clean
}

// proc is a running township command: stdout is kept whole, stderr line by line as it
// comes.
type proc struct {
	cmd    *exec.Cmd
	stdout lockedBuffer
	mu     sync.Mutex
	stderr []string
	lines  chan string // every stderr line, until stderr closes
	done   chan error  // the result of Wait
}

// lockedBuffer is a bytes.Buffer that the command's copying goroutine writes while the
// test reads it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// start starts bin on db with the given extra environment.
func start(t *testing.T, bin, db string, env ...string) *proc {
	t.Helper()
	p := &proc{lines: make(chan string, 100), done: make(chan error, 1)}
	p.cmd = exec.Command(bin, "-db", db, "-residents", strconv.Itoa(killResidents))
	p.cmd.Env = append(os.Environ(), env...)
	p.cmd.Stdout = &p.stdout
	pipe, err := p.cmd.StderrPipe()
	require.NoError(t, err)
	require.NoError(t, p.cmd.Start())
	go func() {
		sc := bufio.NewScanner(pipe)
		for sc.Scan() {
			p.mu.Lock()
			p.stderr = append(p.stderr, sc.Text())
			p.mu.Unlock()
			p.lines <- sc.Text()
		}
		close(p.lines)
		p.done <- p.cmd.Wait()
	}()
	t.Cleanup(func() { _ = p.cmd.Process.Kill() })
	return p
}

// await waits for a stderr line containing s, and fails the test if the process ends or
// a minute passes first.
func (p *proc) await(t *testing.T, s string) {
	t.Helper()
	timeout := time.After(time.Minute)
	for {
		select {
		case line, ok := <-p.lines:
			if !ok {
				t.Fatalf("the process ended without writing %q; stderr:\n%s", s, p.errText())
			}
			if strings.Contains(line, s) {
				return
			}
		case <-timeout:
			t.Fatalf("no %q on stderr after a minute; stderr:\n%s", s, p.errText())
		}
	}
}

// wait waits for the process to end (draining stderr) and returns its error.
func (p *proc) wait(t *testing.T) error {
	t.Helper()
	for range p.lines {
	}
	select {
	case err := <-p.done:
		return err
	case <-time.After(2 * time.Minute):
		t.Fatal("the process did not end")
		return nil
	}
}

func (p *proc) errText() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return strings.Join(p.stderr, "\n")
}

// report is the report of a run's stdout without the lines that name files or say that
// the file was reused: what must be equal between two runs of the same township.
func report(out string) string {
	var keep []string
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "HTML report: ") || strings.HasPrefix(line, "HTML报告：") || strings.HasPrefix(line, "HTML報告：") || strings.HasPrefix(line, "reusing ") {
			continue
		}
		keep = append(keep, line)
	}
	return strings.TrimSpace(strings.Join(keep, "\n"))
}

var (
	// coverageRow is the 健康档案建档率 row: numerator, denominator and rate (the unit
	// column shows the township's name).
	coverageRow = regexp.MustCompile(`(?m)^健康档案建档率\s+\S+\s+(\d+)\s+(\d+)\s+([\d.]+%)`)
	// scoreLine is the assessment score and the money it earns.
	scoreLine = regexp.MustCompile(`(?m)^考核得分.*元。$`)
)

// sameReport checks that got is the clean run's report: the key figures first (the 建档率
// numerator and denominator, whose denominator is the census of the generated township,
// and the score line), then every line.
func sameReport(t *testing.T, clean, got string) {
	t.Helper()
	want := coverageRow.FindStringSubmatch(clean)
	require.NotNil(t, want, "the clean report has no 建档率 row:\n%s", clean)
	c, err := synth.New(synth.Config{Seed: 1, County: townshipdb.County, Townships: 1, VillagesPerTownship: townshipdb.Villages, Residents: killResidents, Year: planYear})
	require.NoError(t, err)
	var census int64
	for _, v := range c.Census() {
		census += v.Residents
	}
	require.Equal(t, strconv.FormatInt(census, 10), want[2], "the clean run's 建档率 denominator is the census")
	assert.Equal(t, want, coverageRow.FindStringSubmatch(got), "建档率 numerator, denominator and rate")
	assert.NotEmpty(t, scoreLine.FindString(clean))
	assert.Equal(t, scoreLine.FindString(clean), scoreLine.FindString(got), "score line")
	assert.Equal(t, report(clean), report(got))
}

// TestKilledLoad kills a load (SIGKILL, after its first chunk of residents) and runs the
// command again on the same file: it says on stderr that it loads again, and its report
// is the report of a clean run on a fresh file.
func TestKilledLoad(t *testing.T) {
	bin, clean := buildTownship(t)
	db := filepath.Join(t.TempDir(), "k.db")

	first := start(t, bin, db, loadstate.HoldEnv+"="+strconv.Itoa(townshipdb.ChunkSize))
	first.await(t, loadstate.HeldMessage)
	require.NoError(t, first.cmd.Process.Kill())
	require.Error(t, first.wait(t), "killed")
	assert.Empty(t, first.stdout.String(), "no report from a load that did not finish")

	again := start(t, bin, db)
	require.NoError(t, again.wait(t), "stderr:\n%s", again.errText())
	assert.Contains(t, again.errText(), "k.db holds a load that did not finish (100 residents on file): removing it and loading again from scratch")
	sameReport(t, clean, again.stdout.String())

	// And once more: the completed load is reused, with the same report.
	third := start(t, bin, db)
	require.NoError(t, third.wait(t), "stderr:\n%s", third.errText())
	assert.Contains(t, third.stdout.String(), "reusing k.db: 300 residents already on file")
	sameReport(t, clean, third.stdout.String())

	// A completed load of another size is refused, with a message and no report.
	other := exec.Command(bin, "-db", db, "-residents", "200")
	var stdout, stderr bytes.Buffer
	other.Stdout, other.Stderr = &stdout, &stderr
	require.Error(t, other.Run())
	assert.Empty(t, stdout.String())
	assert.Contains(t, stderr.String(), "k.db holds a completed load of another configuration: residents 300 (asked for 200); run with -residents 300")
}

// TestTwoProcesses starts a second process on a file that a first one is loading: the
// second waits (saying so on stderr) and prints nothing while the first holds the file;
// when the first is killed, the second loads the township from scratch and prints the
// clean run's report. Then two processes started together on a fresh file both print the
// full report: one loads, the other waits and reuses.
func TestTwoProcesses(t *testing.T) {
	bin, clean := buildTownship(t)

	db := filepath.Join(t.TempDir(), "w.db")
	first := start(t, bin, db, loadstate.HoldEnv+"="+strconv.Itoa(townshipdb.ChunkSize))
	first.await(t, loadstate.HeldMessage)
	second := start(t, bin, db)
	second.await(t, "waiting for another process using w.db to finish")
	select {
	case err := <-second.done:
		t.Fatalf("the second process ended (%v) while the first held the file:\n%s", err, second.stdout.String())
	case <-time.After(300 * time.Millisecond):
	}
	assert.Empty(t, second.stdout.String(), "no report while another process loads")
	require.NoError(t, first.cmd.Process.Kill())
	require.Error(t, first.wait(t))
	require.NoError(t, second.wait(t), "stderr:\n%s", second.errText())
	assert.Contains(t, second.errText(), "w.db holds a load that did not finish")
	sameReport(t, clean, second.stdout.String())

	fresh := filepath.Join(t.TempDir(), "f.db")
	a, b := start(t, bin, fresh), start(t, bin, fresh)
	require.NoError(t, a.wait(t), "stderr:\n%s", a.errText())
	require.NoError(t, b.wait(t), "stderr:\n%s", b.errText())
	sameReport(t, clean, a.stdout.String())
	sameReport(t, clean, b.stdout.String())
	loaded := 0
	for _, p := range []*proc{a, b} {
		if strings.Contains(p.errText(), "loading 300 residents into f.db") {
			loaded++
		}
	}
	assert.Equal(t, 1, loaded, "exactly one of the two loads")
}
