package maternal

import "github.com/gongwei-lib/gongwei/healthrecord"

// The kinds of service events the maternal health services put on a resident's service
// timeline, registered with their labels (healthrecord.RegisterEventKinds) so that a
// program linking this package accepts and labels their events.
const (
	// EventPrenatalVisit is a prenatal visit (产前随访服务).
	EventPrenatalVisit healthrecord.EventKind = "prenatal_visit"
	// EventPostpartumVisit is a postpartum home visit (产后访视).
	EventPostpartumVisit healthrecord.EventKind = "postpartum_visit"
	// EventPostpartumCheckup is the 42-day postpartum checkup (产后42天健康检查).
	EventPostpartumCheckup healthrecord.EventKind = "postpartum_checkup"
)

func init() {
	if err := healthrecord.RegisterEventKinds(
		healthrecord.EventKindLabel{Kind: EventPrenatalVisit, ZhHans: "产前随访", ZhHant: "產前隨訪", En: "prenatal visit"},
		healthrecord.EventKindLabel{Kind: EventPostpartumVisit, ZhHans: "产后访视", ZhHant: "產後訪視", En: "postpartum visit"},
		healthrecord.EventKindLabel{Kind: EventPostpartumCheckup, ZhHans: "产后42天健康检查", ZhHant: "產後42天健康檢查", En: "42-day postpartum checkup"},
	); err != nil {
		panic(err) // a kind registered twice: a programming error, not an input
	}
}
