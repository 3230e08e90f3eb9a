package healthrecord_test

import (
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/child"
	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/immunization"
	"github.com/gongwei-lib/gongwei/maternal"
)

// TestServicesRegisterTheirKinds: with the service packages linked, the timeline knows
// the 17 kinds it always knew, each service's own under the code of the deprecated name
// of this package, each labelled as before.
func TestServicesRegisterTheirKinds(t *testing.T) {
	for _, c := range []struct {
		owner, deprecated healthrecord.EventKind
		zhHans            string
	}{
		{chronic.EventHypertensionFollowUp, healthrecord.EventHypertensionFollowUp, "高血压患者随访"},
		{chronic.EventDiabetesFollowUp, healthrecord.EventDiabetesFollowUp, "2型糖尿病患者随访"},
		{chronic.EventMentalFollowUp, healthrecord.EventMentalFollowUp, "严重精神障碍患者随访"},
		{chronic.EventTBVisit, healthrecord.EventTBVisit, "肺结核患者随访"},
		{maternal.EventPrenatalVisit, healthrecord.EventPrenatalVisit, "产前随访"},
		{maternal.EventPostpartumVisit, healthrecord.EventPostpartumVisit, "产后访视"},
		{maternal.EventPostpartumCheckup, healthrecord.EventPostpartumCheckup, "产后42天健康检查"},
		{child.EventNewbornVisit, healthrecord.EventNewbornVisit, "新生儿家庭访视"},
		{child.EventChildCheckup, healthrecord.EventChildCheckup, "儿童健康检查"},
		{immunization.EventVaccination, healthrecord.EventVaccination, "预防接种"},
	} {
		assert.Equal(t, c.deprecated, c.owner)
		assert.True(t, c.owner.IsValid(), "%s", c.owner)
		assert.True(t, c.owner.CountsAsUse(), "%s", c.owner)
		assert.Equal(t, c.zhHans, c.owner.Label(language.SimplifiedChinese))
	}
	want := []healthrecord.EventKind{"basic_info", "checkup", "hypertension_follow_up", "diabetes_follow_up",
		"mental_follow_up", "tb_visit", "prenatal_visit", "postpartum_visit", "postpartum_checkup",
		"newborn_visit", "child_checkup", "vaccination", "tcm", "elderly_assessment", "consultation",
		"joint_consultation", "referral"}
	got := healthrecord.EventKinds()
	for _, k := range want {
		assert.Contains(t, got, k)
	}
	assert.Equal(t, healthrecord.EventKinds()[:7], []healthrecord.EventKind{healthrecord.EventBasicInfo, healthrecord.EventCheckup,
		healthrecord.EventTCM, healthrecord.EventElderlyAssessment, healthrecord.EventConsultation,
		healthrecord.EventJointConsultation, healthrecord.EventReferral}, "this package's own kinds first")
}

var registerRuns int

// TestRegisterEventKinds: a host registers a kind of its own, which then validates,
// counts as a use and is labelled in every language; a registration with an empty label
// or a kind registered already fails and registers nothing.
func TestRegisterEventKinds(t *testing.T) {
	registerRuns++ // a kind of its own in each run (-count): registrations last
	home := healthrecord.EventKind(fmt.Sprintf("test_home_rehabilitation_%d", registerRuns))
	require.False(t, home.IsValid())
	err := healthrecord.RegisterEventKinds(
		healthrecord.EventKindLabel{Kind: home, ZhHans: "居家康复", ZhHant: "居家康復", En: "home rehabilitation"},
		healthrecord.EventKindLabel{Kind: healthrecord.EventCheckup, ZhHans: "体检", ZhHant: "體檢", En: "checkup"},
	)
	require.ErrorIs(t, err, gongwei.ErrDuplicate)
	assert.False(t, home.IsValid(), "nothing registered when one kind fails")
	err = healthrecord.RegisterEventKinds(healthrecord.EventKindLabel{Kind: home, ZhHans: "居家康复", ZhHant: "", En: "home rehabilitation"})
	require.ErrorIs(t, err, gongwei.ErrInvalid)
	assert.False(t, home.IsValid())

	require.NoError(t, healthrecord.RegisterEventKinds(
		healthrecord.EventKindLabel{Kind: home, ZhHans: "居家康复", ZhHant: "居家康復", En: "home rehabilitation"}))
	assert.True(t, home.IsValid())
	assert.True(t, home.CountsAsUse())
	assert.Equal(t, home, healthrecord.EventKinds()[len(healthrecord.EventKinds())-1])
	assert.Equal(t, "居家康复", home.Label(language.SimplifiedChinese))
	assert.Equal(t, "居家康復", home.Label(language.TraditionalChinese))
	assert.Equal(t, "home rehabilitation", home.Label(language.English))
	assert.NoError(t, healthrecord.ServiceEvent{Resident: "r", Kind: home, Date: gongwei.MustDate(2024, 1, 1)}.Validate())

	err = healthrecord.RegisterEventKinds(healthrecord.EventKindLabel{Kind: home, ZhHans: "a", ZhHant: "b", En: "c"})
	assert.True(t, errors.Is(err, gongwei.ErrDuplicate))
	assert.Equal(t, 1, len(slices.DeleteFunc(healthrecord.EventKinds(), func(k healthrecord.EventKind) bool { return k != home })))
}
