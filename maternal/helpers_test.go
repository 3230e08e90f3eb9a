package maternal

import (
	"time"

	"github.com/gongwei-lib/gongwei"
)

func monthOf(m int) time.Month { return time.Month(m) }

func mustParse(s string) gongwei.Date { return gongwei.MustParseDate(s) }
