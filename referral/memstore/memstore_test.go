package memstore_test

import (
	"testing"

	"github.com/gongwei-lib/gongwei/referral"
	"github.com/gongwei-lib/gongwei/referral/memstore"
	"github.com/gongwei-lib/gongwei/referral/referraltest"
)

func TestStore(t *testing.T) {
	referraltest.TestStore(t, func(*testing.T) referral.Store { return memstore.New() })
}
