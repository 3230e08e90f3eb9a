package child

import "testing"

// TestScheduleFitsItsBuffers: the contacts' windows live in an array of maxContacts and
// a plan in one of 2×maxContacts; a longer schedule would overflow the first.
func TestScheduleFitsItsBuffers(t *testing.T) {
	if len(schedule) > maxContacts || plannedServices > 2*maxContacts {
		t.Fatalf("schedule of %d contacts and %d services exceeds maxContacts %d", len(schedule), plannedServices, maxContacts)
	}
}
