package child

import "github.com/gongwei-lib/gongwei/healthrecord"

// The kinds of service events the child health services put on a resident's service
// timeline, registered with their labels (healthrecord.RegisterEventKinds) so that a
// program linking this package accepts and labels their events.
const (
	// EventNewbornVisit is the newborn home visit (新生儿家庭访视).
	EventNewbornVisit healthrecord.EventKind = "newborn_visit"
	// EventChildCheckup is a scheduled child health checkup (儿童健康检查).
	EventChildCheckup healthrecord.EventKind = "child_checkup"
)

func init() {
	if err := healthrecord.RegisterEventKinds(
		healthrecord.EventKindLabel{Kind: EventNewbornVisit, ZhHans: "新生儿家庭访视", ZhHant: "新生兒家庭訪視", En: "newborn home visit"},
		healthrecord.EventKindLabel{Kind: EventChildCheckup, ZhHans: "儿童健康检查", ZhHant: "兒童健康檢查", En: "child health checkup"},
	); err != nil {
		panic(err) // a kind registered twice: a programming error, not an input
	}
}
