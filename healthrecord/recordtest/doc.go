// Package recordtest helps test code that stores resident health records: a
// conformance suite for implementations of [healthrecord.Store] ([TestStore]) and
// fixtures that build valid records ([Resident], [Household], [Checkup], [Contract],
// [Event]) for hosts' own tests.
//
// Typical usage inside a store implementation's test:
//
//	func TestConformance(t *testing.T) {
//		recordtest.TestStore(t, func() healthrecord.Store { return mystore.Open(t) })
//	}
package recordtest
