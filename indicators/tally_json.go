package indicators

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/gongwei-lib/gongwei"
)

// TallyFormat names the JSON encoding of a [Tally], written in its "format" member.
// A decoder refuses any other format, so that an encoding changed later is never read
// as this one.
const TallyFormat = "gongwei-tally/1"

// The JSON form of a tally travels between the processes or machines that compute
// shards (each county on its own database) and the one that merges them:
//
//	{"format":"gongwei-tally/1","cells":[
//	  {"code":"record.coverage","unit":"410523001001","start":"2025-01-01","end":"2026-01-01","num":812,"den":930},
//	  ...]}
//
// One member per cell, in key order (code, unit, period), with the numerator and the
// denominator as JSON integers: every cell of the tally, including cells holding zeros
// and denominators set from a census ([Tally.SetDenominator], [Tally.ApplyPopulation]),
// which are ordinary cells. A zero date is null.

type tallyJSON struct {
	Format string     `json:"format"`
	Cells  []cellJSON `json:"cells"`
}

type cellJSON struct {
	Code  Code         `json:"code"`
	Unit  Unit         `json:"unit"`
	Start gongwei.Date `json:"start"`
	End   gongwei.Date `json:"end"`
	Num   int64        `json:"num"`
	Den   int64        `json:"den"`
}

// ErrTallyEncoding is wrapped by every error decoding or encoding a tally's JSON form;
// it wraps gongwei.ErrInvalid.
var ErrTallyEncoding = fmt.Errorf("%w: indicators: tally encoding", gongwei.ErrInvalid)

// TallyEncodingError reports why a tally's JSON form was refused: Cell is the index of
// the cell at fault in the "cells" array, or -1 when the fault is not in a cell. It
// wraps [ErrTallyEncoding] (and so gongwei.ErrInvalid). Its message names the position
// and the reason only, never the text decoded.
type TallyEncodingError struct {
	Cell   int    // the index of the cell at fault, -1 when not in a cell
	Reason string // what is wrong, in stable English words
	// Err is the underlying decoding error, if any.
	Err error
}

// Error implements error.
func (e *TallyEncodingError) Error() string {
	if e.Cell >= 0 {
		return fmt.Sprintf("%v: cell %d: %s", ErrTallyEncoding, e.Cell, e.Reason)
	}
	return fmt.Sprintf("%v: %s", ErrTallyEncoding, e.Reason)
}

// Unwrap returns ErrTallyEncoding and the underlying error.
func (e *TallyEncodingError) Unwrap() []error {
	if e.Err != nil {
		return []error{ErrTallyEncoding, e.Err}
	}
	return []error{ErrTallyEncoding}
}

// MarshalJSON encodes the tally in its JSON form (see TallyFormat): every cell in key
// order, so that equal tallies encode to the same bytes. A nil or zero tally encodes
// with no cells. It fails with a *TallyEncodingError when a cell's period holds a date
// outside the years 1-9999, which could not be decoded again.
func (t *Tally) MarshalJSON() ([]byte, error) {
	out := tallyJSON{Format: TallyFormat, Cells: []cellJSON{}}
	if t != nil {
		out.Cells = make([]cellJSON, 0, len(t.m))
		for i, k := range t.Keys() {
			for _, d := range []gongwei.Date{k.Period.Start, k.Period.End} {
				if !d.IsZero() && (d.Year() < 1 || d.Year() > 9999) {
					return nil, &TallyEncodingError{Cell: i, Reason: "date out of range"}
				}
			}
			c := t.m[k]
			out.Cells = append(out.Cells, cellJSON{k.Code, k.Unit, k.Period.Start, k.Period.End, c.Num, c.Den})
		}
	}
	return json.Marshal(out)
}

// UnmarshalJSON replaces the tally's cells by those of its JSON form (see
// TallyFormat), so that decoding what MarshalJSON encoded gives an equal tally. It
// refuses, with a *TallyEncodingError and leaving the tally unchanged, text that is not
// that form: malformed JSON, another format, unknown members, a count that is not an
// integer in the int64 range, a date that is not YYYY-MM-DD, the same cell twice, or
// anything after the value. JSON null leaves the tally unchanged.
func (t *Tally) UnmarshalJSON(b []byte) error {
	if string(bytes.TrimSpace(b)) == "null" {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var in tallyJSON
	if err := dec.Decode(&in); err != nil {
		return decodeError(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return &TallyEncodingError{Cell: -1, Reason: "data after the tally"}
	}
	if in.Format != TallyFormat {
		return &TallyEncodingError{Cell: -1, Reason: "not the format " + TallyFormat}
	}
	m := make(map[Key]Counts, len(in.Cells))
	for i, c := range in.Cells {
		k := Key{c.Code, c.Unit, gongwei.Period{Start: c.Start, End: c.End}}
		if _, dup := m[k]; dup {
			return &TallyEncodingError{Cell: i, Reason: "repeated cell"}
		}
		m[k] = Counts{c.Num, c.Den}
	}
	t.m = m
	return nil
}

// decodeError turns an error of encoding/json into a *TallyEncodingError naming where
// it happened but not the text decoded.
func decodeError(err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return &TallyEncodingError{Cell: -1, Reason: fmt.Sprintf("malformed JSON at byte %d", syn.Offset)}
	case errors.As(err, &typ):
		return &TallyEncodingError{Cell: -1, Reason: fmt.Sprintf("wrong type for %s at byte %d", typ.Field, typ.Offset)}
	case errors.Is(err, gongwei.ErrInvalid):
		return &TallyEncodingError{Cell: -1, Reason: "invalid date", Err: err}
	}
	return &TallyEncodingError{Cell: -1, Reason: "not a tally"}
}
