package sqlstore

import (
	"errors"
	"fmt"

	"github.com/gongwei-lib/gongwei/healthrecord"
)

// countedEventsColumn is the column of the counted service events' scan
// (DB.CountedSubjects): what the indicators' rules read of a resident's events in the
// window, their kinds and dates, packed into one text per resident by the database from
// the table's columns, without their bodies, and in no order (a sort of each resident's
// events is work the rules do not need: they ask whether any event is a use of the
// record). Each event is its date (YYYY-MM-DD, ten bytes), the length of its kind in
// bytes, a colon, and the kind; unpackEvents reads them.
func (d *dialect) countedEventsColumn() string {
	packed := "t.date || octet_length(t.kind) || ':' || t.kind"
	if d.numbered {
		return "string_agg(" + packed + ", '')"
	}
	return d.rawText("group_concat(" + packed + ", '')")
}

// countedEvents returns the decoder of the counted service events' scan: a resident's
// events packed as countedEventsColumn packs them, each with its kind and date. The
// decoder keeps the kinds it has seen, so that the events of one kind share a string;
// it belongs to one scan and is used by its goroutine alone.
func countedEvents() func(op string, packed []byte) (any, error) {
	kinds := map[string]healthrecord.EventKind{}
	return func(op string, packed []byte) (any, error) {
		es, err := unpackEvents(packed, kinds)
		if err != nil {
			return nil, fmt.Errorf("sqlstore: %s: stored record does not decode", op)
		}
		return &es, nil
	}
}

// unpackEvents decodes events packed as countedEventsColumn packs them, taking their
// kinds from kinds (and adding those not in it).
func unpackEvents(b []byte, kinds map[string]healthrecord.EventKind) ([]healthrecord.ServiceEvent, error) {
	const dateLen = len("2006-01-02")
	// Each event takes at least its date, one digit, the colon and one byte of kind.
	es := make([]healthrecord.ServiceEvent, 0, len(b)/(dateLen+3+8)+1)
	for len(b) > 0 {
		if len(b) < dateLen+3 {
			return nil, errPacked
		}
		var e healthrecord.ServiceEvent
		if err := e.Date.UnmarshalText(b[:dateLen]); err != nil || e.Date.IsZero() {
			return nil, errPacked
		}
		b = b[dateLen:]
		n, i := 0, 0
		for ; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
			if n = n*10 + int(b[i]-'0'); n > len(b) {
				return nil, errPacked
			}
		}
		// The database writes the length without leading zeros.
		if i == 0 || i == len(b) || b[i] != ':' || b[0] == '0' || n > len(b)-i-1 {
			return nil, errPacked
		}
		kind := b[i+1 : i+1+n]
		b = b[i+1+n:]
		k, ok := kinds[string(kind)]
		if !ok {
			k = healthrecord.EventKind(kind)
			kinds[string(k)] = k
		}
		e.Kind = k
		es = append(es, e)
	}
	return es, nil
}

// errPacked is the failure of unpackEvents: the text is not events packed by
// countedEventsColumn.
var errPacked = errors.New("packed events do not decode")
