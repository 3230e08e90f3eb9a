package education

import (
	"slices"
	"strconv"

	"github.com/gongwei-lib/gongwei"
)

// Topic is a topic whose awareness (知晓率) the work plans count from survey rounds.
// Its values are stable codes.
type Topic string

// The topics of the plans (plan-targets.md, health education: 基本卫生知识知晓率 ≥80%,
// hypertension-prevention awareness ≥60%, 母婴健康素养知晓率 ≥80%, 艾滋病成人防治知识
// 知晓率 ≥80%).
const (
	TopicBasicKnowledge Topic = "basic_knowledge" // 基本卫生知识
	TopicHypertension   Topic = "hypertension"    // 高血压防治知识
	TopicMaternalInfant Topic = "maternal_infant" // 母婴健康素养
	TopicAIDS           Topic = "aids"            // 艾滋病防治知识
)

// Topics lists the topics in the plans' order.
var Topics = []Topic{TopicBasicKnowledge, TopicHypertension, TopicMaternalInfant, TopicAIDS}

// IsValid reports whether t is one of [Topics].
func (t Topic) IsValid() bool { return slices.Contains(Topics, t) }

// TopicScore is a respondent's answers on one topic: the items answered correctly of
// the items asked.
type TopicScore struct {
	Topic     Topic
	Got, Full int
}

// Aware reports whether the respondent knows topic t: its score reaches
// AwarePercent of its full mark. ok is false when the response has no score for t.
//
// The awareness cut-off is the round's (SurveyResponse.AwarePercent): no national rule
// was found. Surveys count a respondent as aware from a share of the topic's core items
// set by the questionnaire (one provincial survey: at least 5 of 7 core items,
// https://med.wanfangdata.com.cn/Paper/Detail?dbid=WF_QK&id=PeriodicalPaper_QKBJBD20232023060200007206).
func (r *SurveyResponse) Aware(t Topic) (aware, ok bool) {
	for _, s := range r.Awareness {
		if s.Topic == t {
			return s.Full > 0 && s.Got*100 >= r.AwarePercent*s.Full, true
		}
	}
	return false, false
}

// validateAwareness adds the checks of the topic scores: a known topic listed once, a
// positive full mark, a score within it, and the round's cut-off (1-100) when any topic
// is scored.
func (r *SurveyResponse) validateAwareness(ve *gongwei.ValidationError) {
	seen := map[Topic]bool{}
	for i, s := range r.Awareness {
		f := "Awareness[" + strconv.Itoa(i) + "]"
		ve.Check(s.Topic.IsValid(), f+".Topic", gongwei.CodeUnknownCode)
		ve.Check(!seen[s.Topic], f+".Topic", gongwei.CodeDuplicate)
		seen[s.Topic] = true
		ve.Check(s.Full > 0, f+".Full", gongwei.CodeRequired)
		ve.Check(s.Got >= 0 && s.Got <= s.Full, f+".Got", gongwei.CodeOutOfRange, 0, s.Full)
	}
	if len(r.Awareness) > 0 || r.AwarePercent != 0 {
		ve.Check(r.AwarePercent >= 1 && r.AwarePercent <= 100, "AwarePercent", gongwei.CodeOutOfRange, 1, 100)
	}
}
