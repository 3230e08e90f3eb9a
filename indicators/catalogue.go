package indicators

import (
	"fmt"
	"sort"

	"github.com/gongwei-lib/gongwei"
)

// catalogue is the national indicator catalogue, parsed from catalogue.json.
var catalogue = mustParse(catalogueJSON)

// mustParse returns the catalogue of data, which is embedded in the package and checked
// by its tests: it cannot fail at run time.
func mustParse(data []byte) []Indicator {
	list, err := parseCatalogue(data)
	if err != nil {
		panic(err)
	}
	return list
}

// Catalogue is a set of indicator definitions looked up by code. The national catalogue
// is [National]; a host that tallies local indicators builds its own with [NewCatalogue].
// A Catalogue is immutable and safe for concurrent use.
type Catalogue struct {
	list  []Indicator
	index map[Code]int
}

var national = mustCatalogue(catalogue)

func mustCatalogue(list []Indicator) *Catalogue {
	c, err := build(list)
	if err != nil {
		panic(err)
	}
	return c
}

// National returns the national catalogue (every indicator of the references).
func National() *Catalogue { return national }

// NewCatalogue returns a catalogue of the national entries plus extra (a host's local
// indicators). It fails with an error wrapping gongwei.ErrDuplicate when a code repeats,
// and gongwei.ErrInvalid when an entry lacks a code, a name in a language, a source or a
// valid scale or service.
func NewCatalogue(extra ...Indicator) (*Catalogue, error) {
	list := make([]Indicator, 0, len(extra)+len(national.list))
	list = append(list, national.list...)
	return build(append(list, extra...))
}

func build(list []Indicator) (*Catalogue, error) {
	c := &Catalogue{list: list, index: make(map[Code]int, len(list))}
	for i := range list {
		ind := &list[i]
		if ind.Code == "" || ind.Code.Qualifier() != "" || ind.Name.ZhHans == "" || ind.Name.ZhHant == "" ||
			ind.Name.En == "" || ind.Source == "" || !ind.Scale.IsValid() || !ind.Service.IsValid() {
			return nil, fmt.Errorf("%w: indicator %q is incomplete", gongwei.ErrInvalid, ind.Code)
		}
		if _, dup := c.index[ind.Code]; dup {
			return nil, fmt.Errorf("%w: indicator %q", gongwei.ErrDuplicate, ind.Code)
		}
		c.index[ind.Code] = i
	}
	return c, nil
}

// Lookup returns the definition of code (of its family, for a qualified code).
func (c *Catalogue) Lookup(code Code) (*Indicator, bool) {
	if c == nil {
		c = national
	}
	i, ok := c.index[code.Family()]
	if !ok {
		return nil, false
	}
	return &c.list[i], true
}

// All returns the entries in catalogue order (by service, then as listed). The slice is
// a copy; the entries are values.
func (c *Catalogue) All() []Indicator {
	if c == nil {
		c = national
	}
	return append([]Indicator(nil), c.list...)
}

// Lookup returns the national definition of code.
func Lookup(code Code) (*Indicator, bool) { return national.Lookup(code) }

// Pending returns the codes of the national entries the library does not compute from
// records (Indicator.Implemented false), sorted: the indicators a host tallies itself
// with Tally.Add, or that a report lists as not computed.
func Pending() []Code {
	var out []Code
	for _, ind := range national.list {
		if !ind.Implemented {
			out = append(out, ind.Code)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}
