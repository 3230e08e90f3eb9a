// Package recordfix builds valid, complete health records (healthrecord) for tests and
// for the example programs. It is the body of the fixtures that the conformance package
// healthrecord/recordtest exports to hosts; living apart from that package, it lets a
// program (internal/synth, examples/embed) use the fixtures without linking package
// testing.
package recordfix
