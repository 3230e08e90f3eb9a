// Package words picks an example program's text in the language of its -lang flag: the
// one switch over the three languages the programs print (简体中文, 繁體中文, English).
package words

import "golang.org/x/text/language"

// Of returns hant for Traditional Chinese, en for English and hans for every other tag
// (Simplified Chinese is the default).
func Of(tag language.Tag, hans, hant, en string) string {
	switch tag {
	case language.English:
		return en
	case language.TraditionalChinese:
		return hant
	}
	return hans
}
