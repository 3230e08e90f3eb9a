package integrity

import (
	"cmp"
	"slices"
	"time"

	"github.com/gongwei-lib/gongwei"
)

// track holds one account's instants of one kind (its residents' records created, its
// follow-ups) while the trail streams, bounded whatever the county's size:
//
//   - while the account's entries come in time order (a trail appended as it is
//     written), a sliding window: the creations of the last BurstWindow, or the last
//     follow-up;
//   - when they do not (a trail loaded village by village, backdated), the run of them
//     in the village the trail is in, evaluated when the trail moves on to another
//     village; an account acting in more than one village (Actor.Within wider than a
//     village) keeps its previous village's follow-ups too, sorted, to compare with the
//     next village's.
//
// So what Check holds is one village's records at most, not the county's.
type track struct {
	staff    string
	bursts   bool // creations for RuleBurst; else follow-ups for RuleTwoPlaces
	wide     bool // the account may act in more than one village
	ordered  bool // the entries so far came in time order
	pending  bool // listed in the trail's pending runs
	cur      []creation
	head     int        // ordered bursts: the first creation inside the window
	prev     []creation // follow-ups of the account's previous run, sorted (wide accounts)
	found    Finding    // the best burst, or the two-places pairs, so far
	hasFound bool
}

func newTrack(staff string, within gongwei.Division, bursts bool) *track {
	return &track{staff: staff, bursts: bursts, ordered: true, wide: len(within) != 12}
}

// inOrder reports whether c comes at or after the last instant held.
func (t *track) inOrder(c creation) bool {
	return t.ordered && (len(t.cur) == 0 || c.at >= t.cur[len(t.cur)-1].at)
}

// addCreation adds a resident record's creation for RuleBurst; it returns true when
// the track became a run to evaluate at the end of the trail's village.
func (t *track) addCreation(c creation, th Thresholds) (pending bool) {
	if !t.inOrder(c) {
		t.ordered = false
		t.cur = append(t.cur, c)
		return true
	}
	t.cur = append(t.cur, c)
	w := int64(th.BurstWindow / time.Second)
	for c.at-t.cur[t.head].at >= w {
		t.head++
	}
	if n := len(t.cur) - t.head; n >= th.BurstCount && (!t.hasFound || n > t.found.Count) {
		t.setBurst(t.cur[t.head:], th)
	}
	if t.head >= 256 && t.head*2 >= len(t.cur) { // drop what left the window
		t.cur = append(t.cur[:0], t.cur[t.head:]...)
		t.head = 0
	}
	return false
}

// setBurst records cs, the creations of a window, as the account's burst.
func (t *track) setBurst(cs []creation, th Thresholds) {
	t.found = Finding{Rule: RuleBurst, Village: cs[0].village, Staff: t.staff, Count: len(cs),
		Day: civil(time.Unix(cs[0].at, 0).In(gongwei.Shanghai()))}
	for _, c := range cs[:min(len(cs), th.Listed)] {
		t.found.Records = append(t.found.Records, c.rec)
	}
	t.hasFound = true
}

// endBursts evaluates an unordered run of creations and starts afresh.
func (t *track) endBursts(th Thresholds) {
	if !t.ordered {
		cs := t.cur
		slices.SortFunc(cs, func(a, b creation) int { return cmp.Compare(a.at, b.at) })
		w := int64(th.BurstWindow / time.Second)
		best, bestAt := 0, 0
		for i, j := 0, 0; j < len(cs); j++ {
			for cs[j].at-cs[i].at >= w {
				i++
			}
			if n := j - i + 1; n > best {
				best, bestAt = n, i
			}
		}
		if best >= th.BurstCount && (!t.hasFound || best > t.found.Count) {
			t.setBurst(cs[bestAt:bestAt+best], th)
		}
	}
	t.cur, t.head, t.ordered = nil, 0, true
}

// addVisit adds a follow-up for RuleTwoPlaces; it returns true when the track became a
// run to evaluate at the end of the trail's village.
func (t *track) addVisit(c creation, th Thresholds) (pending bool) {
	if !t.inOrder(c) {
		t.ordered = false
		t.cur = append(t.cur, c)
		return true
	}
	if n := len(t.cur); n > 0 {
		t.pair(t.cur[n-1], c, th)
	}
	t.cur = append(t.cur[:0], c)
	return false
}

// pair counts a and b (a not after b) when they are in two villages closer than
// th.TravelGap.
func (t *track) pair(a, b creation, th Thresholds) {
	if a.village == b.village || b.at-a.at >= int64(th.TravelGap/time.Second) {
		return
	}
	if !t.hasFound {
		t.found = Finding{Rule: RuleTwoPlaces, Staff: t.staff, Village: a.village,
			Day: civil(time.Unix(a.at, 0).In(gongwei.Shanghai()))}
		t.hasFound = true
	}
	t.found.Count++
	for _, r := range []string{a.rec, b.rec} {
		if len(t.found.Records) < th.Listed && !slices.Contains(t.found.Records, r) {
			t.found.Records = append(t.found.Records, r)
		}
	}
}

// endVisits evaluates an unordered run of follow-ups, against the account's previous
// run too when it acts in several villages, and starts afresh.
func (t *track) endVisits(th Thresholds) {
	if t.ordered {
		return // the last follow-up stays, to compare with the next
	}
	run := t.cur
	slices.SortFunc(run, func(a, b creation) int { return cmp.Compare(a.at, b.at) })
	// Merge with the previous run: pairs within it were counted when it ended.
	var last creation
	lastOld, started := false, false
	step := func(c creation, old bool) {
		if started && !(old && lastOld) {
			if last.at <= c.at {
				t.pair(last, c, th)
			}
		}
		last, lastOld, started = c, old, true
	}
	i, j := 0, 0
	for i < len(t.prev) || j < len(run) {
		if j == len(run) || (i < len(t.prev) && t.prev[i].at <= run[j].at) {
			step(t.prev[i], true)
			i++
		} else {
			step(run[j], false)
			j++
		}
	}
	t.prev = nil
	if t.wide {
		t.prev = run
	}
	t.cur, t.ordered = nil, true
}
