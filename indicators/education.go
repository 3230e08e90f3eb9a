package indicators

import (
	"context"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/education"
)

// The indicator codes filled by [EducationIndicators].
const (
	codeEduPrintKinds    Code = "edu.print_kinds"
	codeEduAVKinds       Code = "edu.av_kinds"
	codeEduBoards        Code = "edu.boards"
	codeEduBoardUpdates  Code = "edu.board_updates"
	codeEduLectures      Code = "edu.lectures"
	codeEduConsultations Code = "edu.consultations"
	codeEduAttendance    Code = "edu.attendance"
)

// EducationCodes lists the indicators [EducationIndicators] fills, in catalogue order.
var EducationCodes = []Code{
	codeEduPrintKinds, codeEduAVKinds, codeEduBoards, codeEduBoardUpdates,
	codeEduLectures, codeEduConsultations, codeEduAttendance,
	codePrintCopies, codeAVPlays, codeAVMinutes,
}

// EducationIndicators streams the health education activities of the jurisdiction
// prefix once and adds to sink the counts of nbphs-spec §2.2 ([EducationCodes]) for
// period p. Each activity is placed by its date (BasisService) and counted under its
// institution's division code as a [Unit] (9 digits for a township or community centre,
// 12 for a village clinic or station), so a township's roll-up adds its villages'
// clinics to the centre's own figures. The counts:
//
//   - edu.print_copies, edu.av_plays, edu.av_minutes: the copies handed out, the times
//     played and the minutes played (education.Activity.Materials, Minutes), summed;
//   - edu.print_kinds, edu.av_kinds: distinct material titles (种) put out or played in
//     p by the institution (a title repeated in p counts once per institution);
//   - edu.boards: distinct board titles with a posting or renewal in p;
//     edu.board_updates: the board records in p (each posting or renewal);
//   - edu.lectures, edu.consultations: the lectures and consultation events in p;
//   - edu.attendance: the attendees of those lectures and consultations.
//
// Kinds are distinct per institution: rolled up, a township's figure is the sum of its
// institutions' kinds (the way the yearly minimums count them, per institution). An
// activity whose division code is not a unit code is skipped. The error is the first one
// the store yields, one wrapping gongwei.ErrInvalid when p is not valid, or ctx's error.
func EducationIndicators(ctx context.Context, s education.Store, prefix string, p gongwei.Period, sink Sink) error {
	if !p.IsValid() {
		return errPeriod
	}
	type titled struct {
		unit  Unit
		kind  education.Kind
		title string
	}
	seen := map[titled]bool{}
	for a, err := range s.Activities(ctx, education.Filter{Prefix: prefix, Period: p}) {
		if err != nil {
			return err
		}
		unit, err := ParseUnit(a.Division)
		if err != nil || unit != Unit(a.Division) {
			continue
		}
		first := func() bool {
			k := titled{unit, a.Kind, a.Title}
			if seen[k] {
				return false
			}
			seen[k] = true
			return true
		}
		addMaterials(a, unit, p, sink)
		switch a.Kind {
		case education.KindPrint:
			if first() {
				sink.Add(codeEduPrintKinds, unit, p, 1, 0)
			}
		case education.KindAV:
			if first() {
				sink.Add(codeEduAVKinds, unit, p, 1, 0)
			}
		case education.KindBoard:
			if first() {
				sink.Add(codeEduBoards, unit, p, 1, 0)
			}
			sink.Add(codeEduBoardUpdates, unit, p, 1, 0)
		case education.KindLecture:
			sink.Add(codeEduLectures, unit, p, 1, 0)
			sink.Add(codeEduAttendance, unit, p, int64(a.Attendees), 0)
		case education.KindConsultation:
			sink.Add(codeEduConsultations, unit, p, 1, 0)
			sink.Add(codeEduAttendance, unit, p, int64(a.Attendees), 0)
		}
	}
	return ctx.Err()
}
