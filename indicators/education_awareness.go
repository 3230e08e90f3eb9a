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

// awarenessCatalogue are the catalogue entries of the awareness topics and the
// quantities of material.
var awarenessCatalogue = []Indicator{
	{
		Code: codeAwareness, Implemented: true, Service: ServiceEducation,
		Name:            Names{"健康知识知晓率", "健康知識知曉率", "Health knowledge awareness"},
		Numerator:       Text{"知晓该主题的调查对象人数", "respondents aware of the topic"},
		Denominator:     Text{"回答该主题的调查对象人数", "respondents asked about the topic"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisService,
		Source: "plan-targets.md (基本卫生知识知晓率 ≥80%, rural ≥85%; hypertension prevention ≥60%; 母婴健康素养知晓率 ≥80%; 艾滋病成人防治知识知晓率 ≥80%)",
		Note:   "qualified by topic: /basic_knowledge, /hypertension, /maternal_infant, /aids; the awareness cut-off is the round's (no national rule found)",
		Issue:  issueSupervision, Did: Text{"健康知识知晓调查%v人次知晓", "%v respondents aware"},
	},
	implementedCount(codePrintCopies, ServiceEducation, Names{"发放印刷资料份数", "發放印刷資料份數", "Copies of printed material handed out"},
		Text{"发放的印刷资料份数", "copies of printed material handed out"}, "nbphs-spec §2.1 (印刷资料)", issueSupervision,
		Text{"发放印刷资料%v份", "%v copies of printed material handed out"}),
	implementedCount(codeAVPlays, ServiceEducation, Names{"播放音像资料次数", "播放音像資料次數", "Audio-visual plays"},
		Text{"播放音像资料的次数", "times audio-visual material was played"}, "nbphs-spec §2.1 (音像资料)", issueSupervision,
		Text{"播放音像资料%v次", "%v audio-visual plays"}),
	implementedCount(codeAVMinutes, ServiceEducation, Names{"播放音像资料时长（分钟）", "播放音像資料時長（分鐘）", "Audio-visual playing time (minutes)"},
		Text{"播放音像资料的累计时长（分钟）", "total playing time of audio-visual material, in minutes"}, "nbphs-spec §2.1 (音像资料)", issueSupervision,
		Text{"播放音像资料%v分钟", "%v minutes of audio-visual material played"}),
}
