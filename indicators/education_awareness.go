package indicators

import (
	"golang.org/x/text/language"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/education"
)

// The indicator codes of the plans' awareness topics (filled by [LiteracyIndicators])
// and of the quantities of material (filled by [EducationIndicators]).
const (
	codeAwareness    Code = "edu.awareness"
	codePrintCopies  Code = "edu.print_copies"
	codeAVPlays      Code = "edu.av_plays"
	codeAVMinutes    Code = "edu.av_minutes"
	keyAwarenessName      = "ind.qualified.awareness"
)

// awarenessCodes are the per-topic codes of edu.awareness, in education.Topics order.
var awarenessCodes = func() (out []Code) {
	for _, t := range education.Topics {
		out = append(out, codeAwareness.With(string(t)))
	}
	return out
}()

// topicNames are the topics' names as the plans write them (plan-targets.md).
var topicNames = map[education.Topic]Names{
	education.TopicBasicKnowledge: {"基本卫生知识", "基本衛生知識", "basic health knowledge"},
	education.TopicHypertension:   {"高血压防治知识", "高血壓防治知識", "hypertension prevention"},
	education.TopicMaternalInfant: {"母婴健康素养", "母嬰健康素養", "maternal and infant health"},
	education.TopicAIDS:           {"艾滋病防治知识", "愛滋病防治知識", "AIDS prevention"},
}

// The rows of edu.awareness are named by their topic: 高血压防治知识知晓率.
func init() {
	gongwei.RegisterMessages(gongwei.Message{Key: keyAwarenessName, ZhHans: "%s知晓率", ZhHant: "%s知曉率", En: "Awareness of %s"})
	qualifiers[codeAwareness] = qualifier{format: keyAwarenessName, name: func(q string, tag language.Tag) (string, bool) {
		n, ok := topicNames[education.Topic(q)]
		if !ok {
			return "", false
		}
		return n.in(tag), true
	}}
}

// addAwareness adds a response's topic cells: per topic the round asked
// (edu.awareness/<topic>, 知晓率), denominator 1, numerator 1 if the respondent is aware
// (education.SurveyResponse.Aware: the round's cut-off).
func addAwareness(r *education.SurveyResponse, unit Unit, p gongwei.Period, sink Sink) {
	for i, t := range education.Topics {
		if aware, ok := r.Aware(t); ok {
			sink.Add(awarenessCodes[i], unit, p, b2i(aware), 1)
		}
	}
}

// addMaterials adds an activity's quantities of material, counts without a
// denominator: the copies of printed material handed out (edu.print_copies), the times
// audio-visual material was played (edu.av_plays) and its playing time in minutes
// (edu.av_minutes). A zero quantity adds no cell.
func addMaterials(a *education.Activity, unit Unit, p gongwei.Period, sink Sink) {
	switch a.Kind {
	case education.KindPrint:
		if a.Materials > 0 {
			sink.Add(codePrintCopies, unit, p, int64(a.Materials), 0)
		}
	case education.KindAV:
		if a.Materials > 0 {
			sink.Add(codeAVPlays, unit, p, int64(a.Materials), 0)
		}
		if a.Minutes > 0 {
			sink.Add(codeAVMinutes, unit, p, int64(a.Minutes), 0)
		}
	}
}
