package indicators

import (
	"cmp"
	"iter"
	"slices"

	"github.com/gongwei-lib/gongwei"
)

// Latest keeps, per subject, the latest observation dated in a period: the rule behind
// "年内最近一次随访" (the latest follow-up in the year) of the blood-pressure and glucose
// control rates (nbphs-spec §7.5, §8.3).
//
// The rule, exactly: among a subject's observations whose date lies in the period
// (Start ≤ date < End), the one with the latest date wins; on the same date the one with
// the greater record ID (compared as strings) wins. Observations outside the period are
// ignored. A (date, record ID) pair identifies an observation, so the winner does not
// depend on the order of observation, and Latests filled from shards merge to the same
// result as one filled from every record (Merge is associative and commutative).
//
// A subject in an indicator's denominator with no observation in the period is simply
// absent: the computation counts it as not meeting the numerator ("lost to follow-up
// counts as not controlled").
//
// The zero Latest has no period and ignores every observation; use [NewLatest]. A Latest
// is not safe for concurrent use.
type Latest[V any] struct {
	period gongwei.Period
	m      map[string]Observation[V]
}

// Observation is one dated observation of a subject.
type Observation[V any] struct {
	Date     gongwei.Date // the day of the observation
	RecordID string       // the follow-up record's ID; breaks ties on the same date
	Value    V            // the value observed
}

// after reports whether o wins over p under the Latest rule.
func (o Observation[V]) after(p Observation[V]) bool {
	if c := o.Date.Compare(p.Date); c != 0 {
		return c > 0
	}
	return o.RecordID > p.RecordID
}

// NewLatest returns an empty Latest for period p.
func NewLatest[V any](p gongwei.Period) *Latest[V] {
	return &Latest[V]{period: p, m: make(map[string]Observation[V])}
}

// Period returns the period observations are kept for.
func (l *Latest[V]) Period() gongwei.Period { return l.period }

// Observe records an observation of subject (a resident or patient ID; it is a map key,
// never printed). It reports whether the observation lies in the period.
func (l *Latest[V]) Observe(subject string, date gongwei.Date, recordID string, v V) bool {
	if !l.period.Contains(date) {
		return false
	}
	if l.m == nil {
		l.m = make(map[string]Observation[V])
	}
	o := Observation[V]{Date: date, RecordID: recordID, Value: v}
	if p, ok := l.m[subject]; !ok || o.after(p) {
		l.m[subject] = o
	}
	return true
}

// Get returns subject's latest observation in the period.
func (l *Latest[V]) Get(subject string) (Observation[V], bool) {
	o, ok := l.m[subject]
	return o, ok
}

// Len returns the number of subjects observed in the period.
func (l *Latest[V]) Len() int { return len(l.m) }

// Merge folds m's observations into l. Both must be for the same period; observations of
// m outside l's period are ignored.
func (l *Latest[V]) Merge(m *Latest[V]) {
	if m == nil {
		return
	}
	for s, o := range m.m {
		l.Observe(s, o.Date, o.RecordID, o.Value)
	}
}

// All yields each subject and its latest observation, in subject order.
func (l *Latest[V]) All() iter.Seq2[string, Observation[V]] {
	return func(yield func(string, Observation[V]) bool) {
		subjects := make([]string, 0, len(l.m))
		for s := range l.m {
			subjects = append(subjects, s)
		}
		slices.SortFunc(subjects, cmp.Compare[string])
		for _, s := range subjects {
			if !yield(s, l.m[s]) {
				return
			}
		}
	}
}
