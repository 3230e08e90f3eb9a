// Package education implements 健康教育 (health education, nbphs-spec §2): the activity
// log of a township health centre, community health service centre, village clinic or
// community health station — printed materials, audio-visual materials played, bulletin
// boards and their renewals, public consultation days, lectures and individual
// education — the yearly minimums per institution kind ([Minimums]) with a pro-rata check
// ([Check]), and the national health-day calendar ([HealthDays]) for planning campaigns.
//
// [Service] wraps a host's [Store]; the memstore subpackage is an in-memory Store and
// educationtest its conformance suite. The indicators package computes the edu.* counts.
//
// # Service
//
// [New] builds the [Service] in the form every service package shares: New(store,
// Options{Now: clock}) (see healthrecord's package doc; this service keeps no health
// records, so its Options has no Records). A save of a stale version, and an insert (Version 0) of an ID already stored, fail
// with an error wrapping gongwei.ErrConflict, whatever the Store.
package education

import (
	"fmt"
	"slices"
	"strings"

	"github.com/gongwei-lib/gongwei"
)

// Kind is the kind of a health education activity (nbphs-spec §2.1).
type Kind string

// The activity kinds.
const (
	KindPrint        Kind = "print"        // 提供健康教育资料: 印刷资料 (one kind of leaflet, prescription or handbook distributed)
	KindAV           Kind = "av"           // 播放音像资料 (one kind of audio-visual material played)
	KindBoard        Kind = "board"        // 设置健康教育宣传栏 and its renewals (one renewal of one board)
	KindConsultation Kind = "consultation" // 开展公众健康咨询活动
	KindLecture      Kind = "lecture"      // 举办健康知识讲座
	KindIndividual   Kind = "individual"   // 开展个体化健康教育
)

// Kinds lists the activity kinds in nbphs-spec §2.1's order.
var Kinds = []Kind{KindPrint, KindAV, KindBoard, KindConsultation, KindLecture, KindIndividual}

// IsValid reports whether k is one of [Kinds].
func (k Kind) IsValid() bool { return slices.Contains(Kinds, k) }

// ParseKind reads a kind code (case and full-width forms normalised).
func ParseKind(s string) (Kind, error) {
	k := Kind(strings.ToLower(gongwei.NormalizeCode(s)))
	if !k.IsValid() {
		return "", fmt.Errorf("education: kind: %w", gongwei.ErrInvalid)
	}
	return k, nil
}

// Institution is the kind of institution: the minimums of nbphs-spec §2.1 differ between
// township health centres / community health service centres and village clinics /
// community health stations.
type Institution string

// The institution kinds.
const (
	Centre  Institution = "centre"  // 乡镇卫生院、社区卫生服务中心
	Station Institution = "station" // 村卫生室、社区卫生服务站
)

// ID identifies an activity record.
type ID string

// Activity is one health education activity (健康教育活动记录表, nbphs-spec §2.2, §16).
type Activity struct {
	// ID identifies the activity record in its store.
	ID ID
	// Division is the division code of the institution that held the activity: 9 digits
	// for a township health centre or community centre, 12 for a village clinic or
	// community station. Indicators group by it.
	Division string
	// Institution is the institution's kind.
	Institution Institution
	// Kind is the activity's kind: printed or audio-visual material, a bulletin board, a
	// consultation, a lecture or individual education (nbphs-spec §2.1).
	Kind Kind
	// Date is the day of the activity (for print: the day the material was put out; for
	// a board: the day its content was renewed).
	Date gongwei.Date
	// Topic is the theme; Title names the material (print and AV: one title is one
	// kind, 种) or the board (boards: the board's name or number, so renewals are counted
	// per board).
	Topic string
	Title string
	// Audience is the target group; Place where it happened.
	Audience string
	Place    string
	// Attendees counts the people reached (lectures, consultations, individual sessions).
	Attendees int
	// Materials counts the copies of material handed out (print) or times played (AV).
	Materials int
	// Minutes is the playing time of an audio-visual activity in minutes (音像资料播放
	// 时长); 0 when not recorded, and only for KindAV.
	Minutes int
	// HealthDay is the code of the health day the activity was held for (see
	// [HealthDays]), empty when none.
	HealthDay string
	// Version is the optimistic-locking version.
	Version int64
}

// Validate reports every problem at once. Plausibility: the date is neither before 1880
// nor after the day of recording (gongwei.CheckEventDate with gongwei.Today); no text
// holds invalid UTF-8 or control characters or exceeds the limit of its kind
// (gongwei.CheckText); a topic or title that shows nothing (gongwei.IsBlank) is missing.
func (a *Activity) Validate() error { return a.validateOn(gongwei.Today()) }

func (a *Activity) validateOn(today gongwei.Date) error {
	var ve gongwei.ValidationError
	ve.Record = "education.Activity"
	ve.Check(a.ID != "", "ID", gongwei.CodeRequired)
	gongwei.CheckEventDate(&ve, "Date", a.Date, gongwei.Date{}, gongwei.Date{}, today)
	for _, t := range [...]struct {
		field string
		s     string
		k     gongwei.TextKind
	}{
		{"ID", string(a.ID), gongwei.TextShort},
		{"Topic", a.Topic, gongwei.TextShort},
		{"Title", a.Title, gongwei.TextName},
		{"Audience", a.Audience, gongwei.TextShort},
		{"Place", a.Place, gongwei.TextAddress},
		{"HealthDay", a.HealthDay, gongwei.TextShort},
	} {
		gongwei.CheckText(&ve, t.field, t.s, t.k)
	}
	if a.Division == "" {
		ve.Add("Division", gongwei.CodeRequired)
	} else {
		ve.Check(isDivision(a.Division), "Division", gongwei.CodeFormat)
	}
	switch a.Institution {
	case "":
		ve.Add("Institution", gongwei.CodeRequired)
	case Centre, Station:
	default:
		ve.Add("Institution", gongwei.CodeUnknownCode)
	}
	if a.Kind == "" {
		ve.Add("Kind", gongwei.CodeRequired)
	} else {
		ve.Check(a.Kind.IsValid(), "Kind", gongwei.CodeUnknownCode)
	}
	ve.Check(!a.Date.IsZero(), "Date", gongwei.CodeRequired)
	ve.Check(!gongwei.IsBlank(a.Topic), "Topic", gongwei.CodeRequired)
	if a.Kind == KindPrint || a.Kind == KindAV || a.Kind == KindBoard {
		ve.Check(!gongwei.IsBlank(a.Title), "Title", gongwei.CodeRequired)
	}
	if a.Kind == KindLecture || a.Kind == KindConsultation {
		ve.Check(a.Attendees > 0, "Attendees", gongwei.CodeRequired)
	}
	ve.CheckRange("Attendees", float64(a.Attendees), 0, 1e6)
	ve.CheckRange("Materials", float64(a.Materials), 0, 1e7)
	ve.CheckRange("Minutes", float64(a.Minutes), 0, 1e6)
	ve.Check(a.Minutes == 0 || a.Kind == KindAV, "Minutes", gongwei.CodeNotAllowed)
	if a.HealthDay != "" {
		_, ok := LookupHealthDay(a.HealthDay)
		ve.Check(ok, "HealthDay", gongwei.CodeUnknownCode)
	}
	return ve.Err()
}

// isDivision reports whether s is a 9- or 12-digit division code.
func isDivision(s string) bool {
	if len(s) != 9 && len(s) != 12 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s[:2] != "00"
}

// Clone returns a copy of a.
func (a *Activity) Clone() *Activity { x := *a; return &x }
