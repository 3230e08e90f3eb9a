package main

import (
	"bytes"
	"context"
	"io"
	"log"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/examples/internal/townshipdb"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/immunization"
	"github.com/gongwei-lib/gongwei/worklist"
)

// testResidents is the size of the test township: small, loaded once per test binary.
const testResidents = 200

var testTown struct {
	once sync.Once
	dir  string
	db   *townshipdb.DB
	err  error
}

// township returns the test township, loaded through the services into a SQLite
// file in a directory removed when the tests end (TestMain).
func township(t testing.TB) *townshipdb.DB {
	t.Helper()
	testTown.once.Do(func() {
		ctx := context.Background()
		testTown.dir, testTown.err = os.MkdirTemp("", "gongwei-clinic-")
		if testTown.err != nil {
			return
		}
		testTown.db, testTown.err = townshipdb.Open(ctx, filepath.Join(testTown.dir, "t.db"), testResidents, nil)
		if testTown.err != nil {
			return
		}
		testTown.err = testTown.db.Load(ctx, nil)
	})
	require.NoError(t, testTown.err)
	return testTown.db
}

func TestMain(m *testing.M) {
	code := m.Run()
	if testTown.db != nil {
		testTown.db.Close()
	}
	if testTown.dir != "" {
		os.RemoveAll(testTown.dir)
	}
	if benchDB != nil {
		benchDB.Close()
	}
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

// testServer is the app over the test township on an httptest server, with its log.
type testServer struct {
	*httptest.Server
	app    *app
	log    *bytes.Buffer
	client *http.Client
}

func newTestServer(t *testing.T) *testServer {
	t.Helper()
	town := township(t)
	var buf bytes.Buffer
	a, err := newTownshipApp(context.Background(), town, gongwei.MustParseDate(defaultToday), log.New(&syncWriter{w: &buf}, "", 0))
	require.NoError(t, err)
	srv := httptest.NewServer(a.handler())
	t.Cleanup(srv.Close)
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	return &testServer{Server: srv, app: a, log: &buf, client: c}
}

type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *syncWriter) Write(b []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(b)
}

// get returns the status and body of GET path.
func (s *testServer) get(t *testing.T, path string) (int, string) {
	t.Helper()
	res, err := s.client.Get(s.URL + path)
	require.NoError(t, err)
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	return res.StatusCode, string(b)
}

// post posts form to path and returns the status, body and redirect target.
func (s *testServer) post(t *testing.T, path string, form url.Values) (int, string, string) {
	t.Helper()
	res, err := s.client.PostForm(s.URL+path, form)
	require.NoError(t, err)
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	return res.StatusCode, string(b), res.Header.Get("Location")
}

// postCase is a form posted in a subtest of its name, with the status and the texts of
// the page that answers it.
type postCase struct {
	name   string
	form   url.Values
	status int
	want   []string
}

// postCases posts each case's form to path in a subtest and checks the answer's status
// and that its page contains every wanted text.
func (s *testServer) postCases(t *testing.T, path string, cases []postCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			st, body, _ := s.post(t, path, tt.form)
			assert.Equal(t, tt.status, st)
			for _, w := range tt.want {
				assert.Contains(t, body, w)
			}
		})
	}
}

var csrfField = regexp.MustCompile(`name="csrf" value="([0-9a-f]{64})"`)

// csrf returns the CSRF token of a page the client has loaded.
func (s *testServer) csrf(t *testing.T) string {
	t.Helper()
	_, body := s.get(t, "/")
	m := csrfField.FindStringSubmatch(body)
	require.NotNil(t, m, "the start page's form carries the token")
	return m[1]
}

// pick picks the acting staff member and returns the CSRF token.
func (s *testServer) pick(t *testing.T, staff string) string {
	t.Helper()
	tok := s.csrf(t)
	st, _, loc := s.post(t, "/staff", url.Values{"csrf": {tok}, "staff": {staff}})
	require.Equal(t, http.StatusSeeOther, st)
	require.True(t, strings.HasPrefix(loc, "/worklist"), loc)
	return tok
}

// hypertensive returns an active hypertension patient of the test township on the
// demo's day, with no follow-up recorded on that day, and their resident.
func hypertensive(t *testing.T, s *testServer) (*chronic.Patient, *healthrecord.Resident) {
	t.Helper()
	ctx := context.Background()
	for p, err := range s.app.stores.Chronic.Patients(ctx, chronic.PatientFilter{Condition: chronic.Hypertension}) {
		require.NoError(t, err)
		clash := false
		for v, err := range s.app.stores.Chronic.Visits(ctx, chronic.VisitFilter{Patient: p.ID}) {
			require.NoError(t, err)
			clash = clash || v.Date() == s.app.today
		}
		if p.ActiveOn(s.app.today) && !clash {
			r, err := s.app.stores.Records.Resident(ctx, p.Resident)
			require.NoError(t, err)
			return p, r
		}
	}
	t.Fatal("no hypertension patient in the test township")
	return nil, nil
}

func TestPages(t *testing.T) {
	s := newTestServer(t)
	_, res := hypertensive(t, s)
	tests := []struct {
		path   string
		status int
		want   []string
	}{
		{"/", 200, []string{"选择当前工作人员", `name="csrf"`, "V101"}},
		{"/?lang=en", 200, []string{"Who is working?"}},
		{"/?lang=zh-Hant", 200, []string{"選擇當前工作人員"}},
		{"/?lang=xx", 200, []string{"选择当前工作人员"}},
		{"/nope", 404, []string{"找不到该页面"}},
		{"/resident", 404, nil},
		{"/resident/00000000000000000", 404, nil},
		{"/resident/%00", 404, nil},
		{"/worklist", 200, []string{"本周工作清单", "全乡镇", "2025-12-29 – 2026-01-04", "nbphs-spec"}},
		{"/worklist?village=410523001101&week=2025-06-02", 200, []string{"幸福村委会 101", "2025-06-02 – 2025-06-08"}},
		{"/worklist?week=2025-13-45", 400, []string{"日期格式应为 2025-06-02", "2025-13-45"}},
		{"/worklist?week=9999-12-31", 400, []string{"日期格式"}},
		{"/worklist?village=999", 400, []string{"请选择一项"}},
		{"/worklist?team=nobody", 400, []string{"请选择一项"}},
		{"/resident/" + string(res.ID), 200, []string{res.Name, "高血压", "记录随访", "服务记录"}},
		{"/resident/" + string(res.ID) + "?lang=en", 200, []string{"Record a follow-up", "Service timeline"}},
		{"/resident/" + string(res.ID) + "/followup?lang=zh-Hans", 200, []string{"记录随访", "收缩压"}},
		{"/resident/" + string(res.ID) + "/vaccination", 200, []string{"记录接种"}},
		{"/report?lang=zh-Hans", 200, []string{"高血压", "%"}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			st, body := s.get(t, tt.path)
			assert.Equal(t, tt.status, st)
			for _, w := range tt.want {
				assert.Contains(t, body, w)
			}
		})
	}
	assert.NotContains(t, s.log.String(), " 500 ")
}

func TestFollowUpForm(t *testing.T) {
	s := newTestServer(t)
	p, res := hypertensive(t, s)
	path := "/resident/" + string(res.ID) + "/followup"
	form := func(kv ...string) url.Values {
		v := url.Values{"patient": {string(p.ID)}, "mode": {"1"}, "adherence": {"1"}}
		for i := 0; i+1 < len(kv); i += 2 {
			v.Set(kv[i], kv[i+1])
		}
		return v
	}

	// No staff picked: the form again, nothing saved.
	tok := s.csrf(t)
	st, body, _ := s.post(t, path, form("csrf", tok, "date", "2025-12-31", "sbp", "130", "dbp", "80"))
	assert.Equal(t, http.StatusForbidden, st)
	assert.Contains(t, body, "请先选择当前工作人员")

	tok = s.pick(t, "V"+string(p.Village)[9:])
	tests := []postCase{
		{"no token", form("date", "2025-12-31", "sbp", "130", "dbp", "80"), 403, []string{"表单已过期"}},
		{"wrong token", form("csrf", strings.Repeat("0", 64), "date", "2025-12-31"), 403, []string{"表单已过期"}},
		{"empty", url.Values{"csrf": {tok}}, 400, []string{"管理病种", "请选择一项"}},
		{"nothing typed", form("csrf", tok, "mode", "", "adherence", ""), 400, []string{"请更正以下问题", "日期", "收缩压", "随访方式"}},
		{"out of range, kept as typed", form("csrf", tok, "date", "2025-12-31", "sbp", "400", "dbp", "80", "hr", "abc"), 400,
			[]string{`value="400"`, `value="abc"`, "应为数字", "收缩压"}},
		{"malformed date", form("csrf", tok, "date", "2025-02-30", "sbp", "130", "dbp", "80"), 400, []string{"日期格式应为", `value="2025-02-30"`}},
		{"future date", form("csrf", tok, "date", "2026-01-06", "sbp", "130", "dbp", "80"), 400, []string{"日期", `value="2026-01-06"`}},
		{"full-width digits typed by an input method", form("csrf", tok, "date", "2025-12-31", "sbp", "１３０", "dbp", "８０", "hr", "abc"), 400, []string{"应为数字"}},
		{"english", form("csrf", tok, "date", "x"), 400, nil},
	}
	s.postCases(t, path, tests)

	// An oversized body: the form again with the message.
	big := form("csrf", tok, "date", "2025-12-31", "sbp", "130", "dbp", "80", "weight", strings.Repeat("9", maxForm))
	st, body, _ = s.post(t, path, big)
	assert.Equal(t, http.StatusRequestEntityTooLarge, st)
	assert.Contains(t, body, "提交的内容过大")

	// In English.
	s.get(t, "/?lang=en")
	st, body, _ = s.post(t, path, form("csrf", tok, "date", "2025-12-31", "sbp", "400", "dbp", "80"))
	assert.Equal(t, 400, st)
	assert.Contains(t, body, "Please correct these problems")
	s.get(t, "/?lang=zh-Hans")

	// A valid follow-up is saved through the service and classified; the resident's
	// page shows it, with the staff member who recorded it.
	st, _, loc := s.post(t, path, form("csrf", tok, "date", "2025-12-31", "sbp", "128", "dbp", "78", "hr", "72"))
	require.Equal(t, http.StatusSeeOther, st)
	assert.Equal(t, "/resident/"+string(res.ID)+"?saved=1", loc)
	_, body = s.get(t, loc)
	assert.Contains(t, body, "已保存")
	assert.Contains(t, body, "128/78")
	assert.Contains(t, body, "控制满意")
	// The same day again: refused with a message, not a failure.
	st, body, _ = s.post(t, path, form("csrf", tok, "date", "2025-12-31", "sbp", "128", "dbp", "78"))
	assert.Equal(t, 400, st)
	assert.Contains(t, body, "该病种当天已有随访记录")

	// The audit trail names who recorded the visit.
	staff := "V" + string(p.Village)[9:]
	found := false
	for e, err := range s.app.audit.Audit(context.Background(), healthrecord.AuditFilter{Resident: res.ID}) {
		require.NoError(t, err)
		if e.Kind == "chronic.Visit" && e.Actor.Staff == staff {
			found = true
			assert.Equal(t, gongwei.Division(p.Village), e.Actor.Within)
		}
	}
	assert.True(t, found, "an audit entry of the visit by %s", staff)

	// Another village's doctor may not record it: the form says so, nothing is saved.
	tok = s.pick(t, otherDoctor(string(p.Village)))
	st, body, _ = s.post(t, path, form("csrf", tok, "date", "2025-12-30", "sbp", "128", "dbp", "78"))
	assert.Equal(t, 400, st)
	assert.Contains(t, body, "该居民不在当前人员的辖区内")

	// Nothing personal in the log: no name, ID number, address or record ID.
	s.assertLogImpersonal(t, res)
}

// otherDoctor returns a village doctor of the test township not of village.
func otherDoctor(village string) string {
	if strings.HasSuffix(village, "101") {
		return "V102"
	}
	return "V101"
}

// assertLogImpersonal checks that the server's log holds nothing personal of res (no
// name, ID number, address or record ID) and no failure.
func (s *testServer) assertLogImpersonal(t *testing.T, res *healthrecord.Resident) {
	t.Helper()
	logged := s.log.String()
	for _, x := range []string{res.Name, res.IDNumber.String(), res.Address, string(res.ID)} {
		if x != "" {
			assert.NotContains(t, logged, x)
		}
	}
	assert.NotContains(t, logged, " 500 ")
}

// registeredChild returns a child of the test township registered for vaccination.
func registeredChild(t *testing.T, s *testServer) *healthrecord.Resident {
	t.Helper()
	ctx := context.Background()
	for r, err := range s.app.stores.Immunization.Registrations(ctx, immunizationFilter()) {
		require.NoError(t, err)
		res, err := s.app.stores.Records.Resident(ctx, r.Resident)
		require.NoError(t, err)
		return res
	}
	t.Fatal("no registered child in the test township")
	return nil
}

func TestVaccinationForm(t *testing.T) {
	s := newTestServer(t)
	res := registeredChild(t, s)
	path := "/resident/" + string(res.ID) + "/vaccination"
	tok := s.pick(t, "T001")
	tests := []postCase{
		{"no token", url.Values{"vaccine": {"MMR"}, "dose": {"1"}, "date": {"2025-12-31"}}, 403, []string{"表单已过期"}},
		{"empty", url.Values{"csrf": {tok}}, 400, []string{"请更正以下问题", "疫苗", "日期"}},
		{"unknown vaccine, kept", url.Values{"csrf": {tok}, "vaccine": {"zz<script>"}, "dose": {"1"}, "date": {"2025-12-31"}}, 400,
			[]string{"请选择一项"}},
		{"malformed date and dose", url.Values{"csrf": {tok}, "vaccine": {"MMR"}, "dose": {"one"}, "date": {"1.12.2025"}}, 400,
			[]string{"日期格式应为", "应为数字", `value="1.12.2025"`, `value="one"`}},
		{"before birth", url.Values{"csrf": {tok}, "vaccine": {"MMR"}, "dose": {"1"}, "date": {res.BirthDate.AddDays(-1).String()}}, 400, []string{"日期"}},
	}
	s.postCases(t, path, tests)
	st, body0, loc := s.post(t, path, url.Values{"csrf": {tok}, "vaccine": {"MMR"}, "dose": {"2"}, "date": {"2025-12-31"}, "lot": {"L-77"}})
	require.Equal(t, http.StatusSeeOther, st, problemsOf(body0))
	_, body := s.get(t, loc)
	assert.Contains(t, body, "已保存")
	assert.Contains(t, body, "2025-12-31")
	// Every vaccine can be chosen: the form's values parse back to it.
	_, form := s.get(t, path)
	for _, v := range vaccines() {
		assert.Contains(t, form, `<option value="`+v.String()+`"`, v.String())
	}
	// The same vaccine on the same day again: refused with a message.
	st, body, _ = s.post(t, path, url.Values{"csrf": {tok}, "vaccine": {"MMR"}, "dose": {"2"}, "date": {"2025-12-31"}})
	assert.Equal(t, 400, st)
	assert.Contains(t, body, "该疫苗当天已有接种记录")

	// Not registered: the form says so and saves nothing.
	_, adult := hypertensive(t, s)
	st, body, _ = s.post(t, "/resident/"+string(adult.ID)+"/vaccination", url.Values{"csrf": {tok}, "vaccine": {"MMR"}, "dose": {"1"}, "date": {"2025-12-31"}})
	assert.Equal(t, 400, st)
	assert.Contains(t, body, "该居民没有预防接种登记")
	assert.NotContains(t, s.log.String(), " 500 ")
}

// TestFollowUpLeavesWorklist records, through the form, the follow-up of a patient the
// week's worklist lists, and checks that the patient's follow-up leaves the list.
func TestFollowUpLeavesWorklist(t *testing.T) {
	s := newTestServer(t)
	ctx := context.Background()
	es, err := s.app.list.Collect(ctx, s.app.stores, worklistQuery(s.app))
	require.NoError(t, err)
	var target *healthrecord.Resident
	var patient *chronic.Patient
	for _, e := range es {
		for _, it := range e.Items {
			if it.Service == "hypertension" && target == nil {
				r, err := s.app.stores.Records.Resident(ctx, e.Resident)
				require.NoError(t, err)
				for p, err := range s.app.stores.Chronic.Patients(ctx, chronic.PatientFilter{Resident: e.Resident, Condition: chronic.Hypertension}) {
					require.NoError(t, err)
					target, patient = r, p
				}
			}
		}
	}
	require.NotNil(t, target, "a hypertension follow-up due this week")
	count := func() int {
		_, body := s.get(t, "/worklist?lang=zh-Hans")
		return strings.Count(body, "/resident/"+string(target.ID)+`"`)
	}
	_, before := s.get(t, "/worklist?lang=zh-Hans")
	require.Contains(t, before, target.Name)
	require.Equal(t, 1, count())
	tok := s.pick(t, "T001")
	st, _, _ := s.post(t, "/resident/"+string(target.ID)+"/followup", url.Values{
		"csrf": {tok}, "patient": {string(patient.ID)}, "date": {"2025-12-31"}, "mode": {"1"}, "sbp": {"126"}, "dbp": {"76"}, "adherence": {"1"},
	})
	require.Equal(t, http.StatusSeeOther, st)
	_, after := s.get(t, "/worklist?lang=zh-Hans")
	for _, line := range strings.Split(after, "<tr") {
		if strings.Contains(line, "/resident/"+string(target.ID)+`"`) {
			assert.NotContains(t, line, "高血压随访")
		}
	}
}

func immunizationFilter() immunization.Filter {
	return immunization.Filter{Prefix: string(townshipdb.Unit)}
}

func worklistQuery(a *app) worklist.Query {
	start := monday(a.today)
	return worklist.Query{Prefix: a.township, Range: gongwei.Period{Start: start, End: start.AddDays(7)}}
}

var problemList = regexp.MustCompile(`(?s)<div class="problems".*?</div>`)

// problemsOf is the problems box of a page, for a failing test's message.
func problemsOf(body string) string { return problemList.FindString(body) }
