package recordtest

import (
	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/internal/recordfix"
)

// Resident returns a valid, complete resident record number i (i >= 1): an adult aged
// about 19 to 74 on its creation date 2024-03-01, distinct in archive number and ID
// number from every other i (up to ten million), with every field of the record and of
// the personal basic information form filled, so a store round trip of it checks every
// field. Closure is left open so the record is active; set it in the test that needs it.
func Resident(i int) *healthrecord.Resident { return recordfix.Resident(i) }

// Child returns a valid, complete record number i (i >= 1) of a child aged 0-6 on its
// creation date 2024-03-01, who fills no personal basic information form
// (data-standards §3.1). Its archive numbers are in residents' committees 001-099 and its
// ID numbers carry 2017-2024 birth dates, so they never collide with Resident's.
func Child(i int) *healthrecord.Resident { return recordfix.Child(i) }

// HouseholdIDOf is the household key the fixtures give the family of the resident with
// archive number a.
func HouseholdIDOf(a healthrecord.ArchiveNumber) healthrecord.HouseholdID {
	return recordfix.HouseholdIDOf(a)
}

// Household returns a valid household number i headed by head, in head's village, with
// the head as its only member; its ID is the one Resident and Child give head's
// Household field. Append further members with their relation in the test.
func Household(i int, head *healthrecord.Resident) *healthrecord.Household {
	return recordfix.Household(i, head)
}

// Contract returns a valid one-year family-doctor contract of resident r signed and
// taking effect on signed, with every field but Version filled: team "T001", its family
// doctor "D001", a nurse and a public health physician, the elderly and hypertension
// tags, and a basic service package.
func Contract(r *healthrecord.Resident, signed gongwei.Date) *healthrecord.Contract {
	return recordfix.Contract(r, signed)
}

// Event returns a valid service event of resident r: a service of kind on date on, by
// institution "110105001000" and staff "D001", with a Ref unique per kind and date.
func Event(r *healthrecord.Resident, kind healthrecord.EventKind, on gongwei.Date) healthrecord.ServiceEvent {
	return recordfix.Event(r, kind, on)
}

// ResidentAt returns Resident(i) moved to the archive number a (17 digits), with its ID
// set to those digits. Tests of jurisdiction prefixes use it to place residents in
// different counties, townships and villages. It panics on a malformed archive number.
func ResidentAt(i int, a string) *healthrecord.Resident { return recordfix.ResidentAt(i, a) }

// Checkup returns a valid, complete checkup of resident r on date on, with every field of
// the form filled, so a store round trip of it checks every field. When r is 65 or older
// on that date the elderly items, the Elderly assessment and the TCM record are filled
// too (and the checkup counts for ElderlyManaged and TCMManaged); otherwise they are left
// empty, as ValidateFor requires. Smoking and drinking start at 18 and stop halfway to r's age; for
// a resident younger than 18 the smoking and drinking answers are "never". The ID is
// derived from r's ID and the date. Its outcome (Derived) is derived for r's birth date,
// as the Registry stores it; a test that changes the form afterwards recomputes it with
// DeriveOutcome or zeroes it.
func Checkup(r *healthrecord.Resident, on gongwei.Date) *healthrecord.Checkup {
	return recordfix.Checkup(r, on)
}
