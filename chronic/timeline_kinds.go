package chronic

import "github.com/gongwei-lib/gongwei/healthrecord"

// The kinds of service events the chronic disease services put on a resident's service
// timeline, registered with their labels (healthrecord.RegisterEventKinds) so that a
// program linking this package accepts and labels their events.
const (
	// EventHypertensionFollowUp is a hypertension follow-up (高血压患者随访).
	EventHypertensionFollowUp healthrecord.EventKind = "hypertension_follow_up"
	// EventDiabetesFollowUp is a type-2 diabetes follow-up (2型糖尿病患者随访).
	EventDiabetesFollowUp healthrecord.EventKind = "diabetes_follow_up"
	// EventMentalFollowUp is a severe mental disorder follow-up (严重精神障碍患者随访).
	EventMentalFollowUp healthrecord.EventKind = "mental_follow_up"
	// EventTBVisit is a tuberculosis patient visit (肺结核患者随访).
	EventTBVisit healthrecord.EventKind = "tb_visit"
)

func init() {
	if err := healthrecord.RegisterEventKinds(
		healthrecord.EventKindLabel{Kind: EventHypertensionFollowUp, ZhHans: "高血压患者随访", ZhHant: "高血壓患者隨訪", En: "hypertension follow-up"},
		healthrecord.EventKindLabel{Kind: EventDiabetesFollowUp, ZhHans: "2型糖尿病患者随访", ZhHant: "2型糖尿病患者隨訪", En: "type 2 diabetes follow-up"},
		healthrecord.EventKindLabel{Kind: EventMentalFollowUp, ZhHans: "严重精神障碍患者随访", ZhHant: "嚴重精神障礙患者隨訪", En: "severe mental disorder follow-up"},
		healthrecord.EventKindLabel{Kind: EventTBVisit, ZhHans: "肺结核患者随访", ZhHant: "肺結核患者隨訪", En: "tuberculosis patient visit"},
	); err != nil {
		panic(err) // a kind registered twice: a programming error, not an input
	}
}
