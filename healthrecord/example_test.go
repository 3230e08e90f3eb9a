package healthrecord_test

import (
	"errors"
	"fmt"

	"golang.org/x/text/language"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/healthrecord/recordtest"
)

func ExampleParseIDNumber() {
	// Full-width digits and a lower-case x, as typed through a Chinese input method.
	id, err := healthrecord.ParseIDNumber("１１０１０５１９４９１２３１００２x")
	if err != nil {
		panic(err)
	}
	fmt.Println(id, id.BirthDate(), id.Sex(), id.Masked())

	// A legacy 15-digit number is upgraded to 18 characters.
	old, _ := healthrecord.ParseIDNumber("110105700101002")
	fmt.Println(old)

	// A wrong check character is its own error, and the error never repeats the number.
	_, err = healthrecord.ParseIDNumber("110105194912310021")
	fmt.Println(errors.Is(err, healthrecord.ErrIDCheck), errors.Is(err, gongwei.ErrInvalid), healthrecord.IDErrorCode(err))
	// Output:
	// 11010519491231002X 1949-12-31 女 110105********002X
	// 11010519700101002X
	// true true id.check
}

func ExampleParseArchiveNumber() {
	a, err := healthrecord.ParseArchiveNumber("110105-001-101-00042")
	if err != nil {
		panic(err)
	}
	fmt.Println(a.County(), a.Township(), a.VillageCode(), a.Serial())
	fmt.Println(a.Short(), a.Village().Kind() == healthrecord.VillagersCommittee)

	_, err = healthrecord.ParseArchiveNumber("11010500120000001") // village 200 is unassigned
	fmt.Println(healthrecord.ArchiveErrorCode(err))
	// Output:
	// 110105 001 101 42
	// 101-00042 true
	// archive.village
}

func ExampleNextArchiveNumber() {
	village, _ := healthrecord.ParseVillage("110105001101")
	first, _ := healthrecord.NextArchiveNumber(village, healthrecord.ArchiveNumber{})
	second, _ := healthrecord.NextArchiveNumber(village, first)
	fmt.Println(first, second)

	full := healthrecord.MustParseArchiveNumber("11010500110199999")
	_, err := healthrecord.NextArchiveNumber(village, full)
	fmt.Println(errors.Is(err, healthrecord.ErrArchiveSerial))
	// Output:
	// 11010500110100001 11010500110100002
	// true
}

func ExampleParsePhone() {
	for _, s := range []string{"+86 138-1234-5678", "０１０ １２３４５６７８", "1440123456789"} {
		p, err := healthrecord.ParsePhone(s)
		if err != nil {
			fmt.Println(healthrecord.PhoneErrorCode(err))
			continue
		}
		fmt.Println(p, p.Masked(), p.Kind() == healthrecord.PhoneMobile)
	}
	// Output:
	// 13812345678 138****5678 true
	// 010-12345678 010-****5678 false
	// phone.iot
}

func ExampleIsPermanentResident() {
	fmt.Println(healthrecord.IsPermanentResident(healthrecord.ResidenceRegistered, 0))
	fmt.Println(healthrecord.IsPermanentResident(healthrecord.ResidenceNonRegistered, 5))
	fmt.Println(healthrecord.IsPermanentResident(healthrecord.ResidenceNonRegistered, 6))
	// Output:
	// true
	// false
	// true
}

func ExampleDecodeRh2011() {
	// The 2011 form asked "RH阴性？1否 2是 3不详": its 1 means positive.
	rh, _ := healthrecord.DecodeRh2011("1")
	fmt.Println(rh, rh.Label(language.SimplifiedChinese))
	// Output: 2 阳性
}

func ExampleParseEthnicity() {
	for _, s := range []string{"4", "毛难族", "汉族"} {
		e, _ := healthrecord.ParseEthnicity(s)
		fmt.Println(e, e.Label(language.SimplifiedChinese), e.FormCode())
	}
	// Output:
	// 04 藏族 99
	// 36 毛南族 99
	// 01 汉族 01
}

func ExampleResident_Validate() {
	r := recordtest.Resident(1)
	r.Name = ""
	r.BirthDate = r.BirthDate.AddDays(1) // no longer the date in the ID number
	r.Info.Exposures = []healthrecord.Exposure{healthrecord.ExposureNone, healthrecord.ExposureRadiation}

	var ve *gongwei.ValidationError
	if errors.As(r.Validate(), &ve) {
		for _, line := range ve.Messages(language.SimplifiedChinese) {
			fmt.Println(line)
		}
	}
	// Output:
	// Name: 必填项未填写
	// BirthDate: 出生日期与身份证号码不一致
	// Info.Exposures[0]: 此情况下不允许填写该值
}

func ExampleResident_Missing() {
	r := recordtest.Resident(1)
	r.Info.Family.Children = nil
	r.Info.Living.Toilet = ""
	fmt.Println(r.Missing(gongwei.MustDate(2024, 12, 31)))

	child := recordtest.Child(1) // 0-6: no basic information form (data-standards §3.1)
	fmt.Println(child.Missing(gongwei.MustDate(2024, 12, 31)), child.Complete(gongwei.MustDate(2024, 12, 31)))
	// Output:
	// [Info.Family.Children Info.Living.Toilet]
	// [] true
}
