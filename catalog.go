package gongwei

import (
	"fmt"
	"sort"
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// Languages are the languages the library's catalog covers, the default first.
var Languages = []language.Tag{
	language.SimplifiedChinese,  // zh-Hans, the default
	language.TraditionalChinese, // zh-Hant
	language.English,            // en
}

// Message is one catalog entry: a stable key and its text in each language. The texts are
// x/text/message format strings (fmt verbs, e.g. "%v"); they are filled only with
// non-personal arguments such as ranges and code values.
type Message struct {
	Key    string
	ZhHans string
	ZhHant string
	En     string
}

var (
	catMu    sync.RWMutex
	builder  = catalog.NewBuilder(catalog.Fallback(language.SimplifiedChinese))
	keys     = map[string]bool{}
	matcher  = language.NewMatcher(Languages)
	printers sync.Map // language.Tag -> *message.Printer
)

// RegisterMessages adds entries to the library's own catalog. It is called from the init
// functions of the library's packages (each package registers the messages of its
// validation codes and labels); a host never needs to call it. It panics on a key that is
// registered twice or on an entry missing a language, because both are programming errors
// that a test would catch. The catalog is the library's own: the x/text global
// DefaultCatalog, which a host may use, is never touched.
func RegisterMessages(ms ...Message) {
	catMu.Lock()
	defer catMu.Unlock()
	for _, m := range ms {
		if m.Key == "" || m.ZhHans == "" || m.ZhHant == "" || m.En == "" {
			panic(fmt.Sprintf("gongwei: message %q lacks a language", m.Key))
		}
		if keys[m.Key] {
			panic(fmt.Sprintf("gongwei: message %q registered twice", m.Key))
		}
		keys[m.Key] = true
		mustSet(language.SimplifiedChinese, m.Key, m.ZhHans)
		mustSet(language.TraditionalChinese, m.Key, m.ZhHant)
		mustSet(language.English, m.Key, m.En)
	}
	printers.Range(func(k, _ any) bool { printers.Delete(k); return true })
}

func mustSet(tag language.Tag, key, msg string) {
	if err := builder.SetString(tag, key, msg); err != nil {
		panic(err)
	}
}

// Catalog returns the library's message catalog, for a host that builds its own
// printers: message.NewPrinter(tag, message.Catalog(gongwei.Catalog())).
func Catalog() catalog.Catalog { return builder }

// MessageKeys returns every registered key, sorted. Tests use it to check that every key
// renders in every language.
func MessageKeys() []string {
	catMu.RLock()
	defer catMu.RUnlock()
	out := make([]string, 0, len(keys))
	for k := range keys {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// MatchLanguage returns the supported language closest to tag: zh-TW, zh-HK and zh-Hant
// give traditional Chinese, en-* gives English, anything else simplified Chinese.
func MatchLanguage(tag language.Tag) language.Tag {
	_, i, conf := matcher.Match(tag)
	if conf == language.No {
		return language.SimplifiedChinese
	}
	return Languages[i]
}

// NewPrinter returns a printer over the library's catalog in the supported language
// closest to tag.
func NewPrinter(tag language.Tag) *message.Printer {
	tag = MatchLanguage(tag)
	if p, ok := printers.Load(tag); ok {
		return p.(*message.Printer)
	}
	p := message.NewPrinter(tag, message.Catalog(builder))
	printers.Store(tag, p)
	return p
}
