package healthrecord

import "github.com/gongwei-lib/gongwei"

// The catalog entries of this part of the package: validation codes of ID numbers,
// archive numbers, phones, residents and households, and the labels of every code table
// of the personal basic information form (keys "basic.<table>.<code>") and of the
// household relations ("resident.relation.<code>").
func init() {
	gongwei.RegisterMessages(
		gongwei.Message{Key: string(CodeIDLength), ZhHans: "身份证号码位数不正确（应为18位或15位）", ZhHant: "身分證號碼位數不正確（應為18位或15位）", En: "ID number must have 18 characters (or 15 legacy digits)"},
		gongwei.Message{Key: string(CodeIDChar), ZhHans: "身份证号码含有非法字符", ZhHant: "身分證號碼含有非法字元", En: "ID number has a character other than digits and a final X"},
		gongwei.Message{Key: string(CodeIDDate), ZhHans: "身份证号码中的出生日期不存在", ZhHant: "身分證號碼中的出生日期不存在", En: "ID number holds an impossible birth date"},
		gongwei.Message{Key: string(CodeIDCheck), ZhHans: "身份证号码校验码错误", ZhHant: "身分證號碼校驗碼錯誤", En: "ID number check character is wrong"},

		gongwei.Message{Key: string(CodeArchiveFormat), ZhHans: "健康档案编号应为17位数字", ZhHant: "健康檔案編號應為17位數字", En: "archive number must be 17 digits"},
		gongwei.Message{Key: string(CodeArchiveVillage), ZhHans: "村（居）委会编码应为001～099、101～199或901～999", ZhHant: "村（居）委會編碼應為001～099、101～199或901～999", En: "village segment must be 001-099, 101-199 or 901-999"},
		gongwei.Message{Key: string(CodeArchiveSerial), ZhHans: "居民个人序号应为00001～99999", ZhHant: "居民個人序號應為00001～99999", En: "serial must be 00001-99999"},

		gongwei.Message{Key: string(CodePhoneChar), ZhHans: "电话号码含有非法字符", ZhHant: "電話號碼含有非法字元", En: "phone number has a character that is not allowed"},
		gongwei.Message{Key: string(CodePhoneLength), ZhHans: "电话号码位数不正确", ZhHant: "電話號碼位數不正確", En: "phone number has the wrong number of digits"},
		gongwei.Message{Key: string(CodePhonePrefix), ZhHans: "电话号码号段不正确", ZhHant: "電話號碼號段不正確", En: "phone number starts with digits no mainland number has"},
		gongwei.Message{Key: string(CodePhoneIoT), ZhHans: "物联网卡号码不能作为个人电话", ZhHant: "物聯網卡號碼不能作為個人電話", En: "an IoT data-card number is not a personal phone"},
		gongwei.Message{Key: string(CodePhoneAreaCode), ZhHans: "固定电话须填写正确的区号", ZhHant: "固定電話須填寫正確的區號", En: "landline needs a valid area code"},

		gongwei.Message{Key: string(CodeIDBirthMismatch), ZhHans: "出生日期与身份证号码不一致", ZhHant: "出生日期與身分證號碼不一致", En: "differs from the birth date in the ID number"},
		gongwei.Message{Key: string(CodeIDSexMismatch), ZhHans: "性别与身份证号码不一致", ZhHant: "性別與身分證號碼不一致", En: "differs from the sex in the ID number"},
		gongwei.Message{Key: string(CodeHouseholdHead), ZhHans: "户主须为家庭成员且与户主关系为“户主”，且只能有一位", ZhHant: "戶主須為家庭成員且與戶主關係為「戶主」，且只能有一位", En: "the head must be the one member whose relation is head of household"},
	)
	for _, s := range biCodeSets {
		gongwei.RegisterMessages(s.messages()...)
	}
}
