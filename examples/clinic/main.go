// Command clinic is a township health centre's public health desk in the browser: the
// worklist of a village or of the township for a week (package worklist), a resident's
// page (the health record, the service timeline, each chronic case with its follow-ups
// and classes, the vaccinations with the forecast, a child's growth chart, a
// pregnancy's schedule, the referrals with their follow-ups), forms that record a
// follow-up, a vaccination, a referral and its outcome through the services, and the
// township's indicator report, over the SQLite database the township
// example makes (examples/internal/townshipdb: created and loaded when absent).
//
//	go run ./examples/clinic -db FILE -addr 127.0.0.1:8080
//
// It uses net/http and html/template only, and works without JavaScript. The acting
// staff member is picked on the start page (a demo has no passwords) and recorded with
// every write; forms carry a CSRF token; the server listens on 127.0.0.1 unless -addr
// says otherwise. Pages are in simplified Chinese by default, traditional Chinese and
// English too. Personal data (names, ID numbers, addresses) is shown on the pages and
// never written to the log, which names each request's route, status and duration.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"syscall"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/examples/internal/progress"
	"github.com/gongwei-lib/gongwei/examples/internal/townshipdb"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/indicators"
	"github.com/gongwei-lib/gongwei/worklist"
)

// defaultToday is the demo's day of work: the last day of the township's year, the as-of
// date of the township example's report.
const defaultToday = "2025-12-31"

func main() {
	db := flag.String("db", filepath.Join(os.TempDir(), "gongwei-township.db"), "SQLite database file of the township example (created and loaded when absent)")
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	residents := flag.Int("residents", 0, "residents of a township loaded anew (0: the one on file, or 3,000)")
	today := flag.String("today", defaultToday, "the day of work: the worklist's week and the day the forms record")
	quiet := flag.Bool("q", false, "no progress on stderr while loading")
	flag.Parse()
	day, err := gongwei.ParseDate(*today)
	if err != nil {
		log.Fatalf("clinic: -today: %v", err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, *db, *addr, *residents, day, progress.Terminal(os.Stderr, *quiet)); err != nil {
		log.Fatal(err)
	}
}

// run opens (and if needed loads) the township at path and serves the app on addr
// until ctx is done.
func run(ctx context.Context, path, addr string, residents int, today gongwei.Date, prog interface {
	Write([]byte) (int, error)
}) error {
	town, err := townshipdb.Open(ctx, path, residents, os.Stderr)
	if err != nil {
		return err
	}
	defer town.Close()
	if err := town.Load(ctx, prog); err != nil {
		return err
	}
	a, err := newTownshipApp(ctx, town, today, log.Default())
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           a.handler(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      2 * time.Minute, // the report computes the township's year
		IdleTimeout:       time.Minute,
	}
	fmt.Fprintf(os.Stderr, "clinic: serving %s on http://%s/\n", filepath.Base(path), ln.Addr())
	if tcp, ok := ln.Addr().(*net.TCPAddr); ok && !tcp.IP.IsLoopback() {
		fmt.Fprintln(os.Stderr, "clinic: warning: listening beyond this machine; the pages show personal data and the demo has no passwords")
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// newTownshipApp is the app over the township's database: its villages (with the
// names their residents' records give), the family-doctor teams of its contracts and
// its indicator evaluation.
func newTownshipApp(ctx context.Context, town *townshipdb.DB, today gongwei.Date, logger *log.Logger) (*app, error) {
	s := town.Stores
	var villages []Village
	for _, c := range town.County.Census() {
		v := Village{Code: healthrecord.Village(c.Village)}
		for r, err := range s.Records.Residents(ctx, healthrecord.ResidentFilter{Prefix: string(c.Village)}) {
			if err != nil {
				return nil, err
			}
			v.Name = r.VillageName
			break
		}
		villages = append(villages, v)
	}
	var teams []healthrecord.TeamID
	for c, err := range s.Records.Contracts(ctx, healthrecord.ContractFilter{}) {
		if err != nil {
			return nil, err
		}
		if c.Team != "" && !slices.Contains(teams, c.Team) {
			teams = append(teams, c.Team)
		}
	}
	slices.Sort(teams)
	return newApp(config{
		stores: worklist.Stores{
			Records: s.Records, Chronic: s.Chronic, Maternal: s.Maternal,
			Child: s.Child, Immunization: s.Immunization, Referrals: s.Referrals,
		},
		township: string(townshipdb.Unit),
		villages: villages,
		teams:    teams,
		today:    today,
		evaluate: func(ctx context.Context, asOf gongwei.Date) (*indicators.Evaluation, error) {
			res, err := town.Evaluate(ctx, asOf)
			if err != nil {
				return nil, err
			}
			return res.Evaluation, nil
		},
		logger: logger,
		audit:  s.Audit,
	})
}
