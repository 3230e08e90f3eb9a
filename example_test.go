package gongwei_test

import (
	"errors"
	"fmt"

	"github.com/gongwei-lib/gongwei"
	"golang.org/x/text/language"
)

func ExampleParseDate() {
	birth, err := gongwei.ParseDate("2024-01-31")
	if err != nil {
		panic(err)
	}
	visit := gongwei.MustParseDate("2024-02-29")
	fmt.Println(birth.AddMonths(1))
	fmt.Println(birth.AgeMonths(visit), "month,", birth.AgeDays(visit), "days")
	_, err = gongwei.ParseDate("2023-02-29")
	fmt.Println(errors.Is(err, gongwei.ErrInvalid))
	// Output:
	// 2024-02-29
	// 1 month, 29 days
	// true
}

func ExampleQuarter() {
	q := gongwei.Quarter(2025, 2)
	fmt.Println(q, q.Len(), q.Contains(gongwei.MustParseDate("2025-06-30")))
	// Output: [2025-04-01, 2025-07-01) 91 true
}

func ExampleValidationError() {
	validate := func(temperature float64, name string) error {
		var ve gongwei.ValidationError
		ve.Record = "example.Form"
		ve.Check(name != "", "Name", gongwei.CodeRequired)
		ve.CheckRange("Temperature", temperature, 30, 45)
		return ve.Err()
	}
	err := validate(52, "")
	var ve *gongwei.ValidationError
	if errors.As(err, &ve) {
		for _, line := range ve.Messages(language.English) {
			fmt.Println(line)
		}
		for _, line := range ve.Messages(language.SimplifiedChinese) {
			fmt.Println(line)
		}
	}
	fmt.Println(errors.Is(err, gongwei.ErrInvalid))
	// Output:
	// Name: is required
	// Temperature: is outside the plausible range 30-45
	// Name: 必填项未填写
	// Temperature: 数值超出合理范围（30～45）
	// true
}

func ExampleNormalizeCode() {
	fmt.Println(gongwei.NormalizeCode("１１０１０５ １９４９１２３１ ００２ｘ"))
	// Output: 11010519491231002X
}
