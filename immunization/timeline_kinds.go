package immunization

import "github.com/gongwei-lib/gongwei/healthrecord"

// The kinds of service events the vaccination service puts on a resident's service
// timeline, registered with their labels (healthrecord.RegisterEventKinds) so that a
// program linking this package accepts and labels their events.
const (
	// EventVaccination is a vaccination (预防接种).
	EventVaccination healthrecord.EventKind = "vaccination"
)

func init() {
	if err := healthrecord.RegisterEventKinds(
		healthrecord.EventKindLabel{Kind: EventVaccination, ZhHans: "预防接种", ZhHant: "預防接種", En: "vaccination"},
	); err != nil {
		panic(err) // a kind registered twice: a programming error, not an input
	}
}
