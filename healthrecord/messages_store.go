package healthrecord

import "github.com/gongwei-lib/gongwei"

// Validation codes of the Registry.
const (
	// CodeUnknownResident: a checkup, contract or service event refers to a resident
	// the store does not hold.
	CodeUnknownResident gongwei.Code = "store.unknown_resident"
	// CodeAlreadyClosed: closing a record that is already closed.
	CodeAlreadyClosed gongwei.Code = "store.already_closed"
)

func init() {
	gongwei.RegisterMessages(
		gongwei.Message{Key: string(CodeUnknownResident), ZhHans: "所指居民档案不存在", ZhHant: "所指居民檔案不存在", En: "refers to a resident record that does not exist"},
		gongwei.Message{Key: string(CodeAlreadyClosed), ZhHans: "档案已终止管理", ZhHant: "檔案已終止管理", En: "the record is already closed"},

		gongwei.Message{Key: "timeline.kind.basic_info", ZhHans: "建档（封面、个人基本信息表）", ZhHant: "建檔（封面、個人基本資訊表）", En: "record cover and personal basic information"},
		gongwei.Message{Key: "timeline.kind.checkup", ZhHans: "健康体检", ZhHant: "健康體檢", En: "health checkup"},
		gongwei.Message{Key: "timeline.kind.tcm", ZhHans: "中医药健康管理", ZhHant: "中醫藥健康管理", En: "traditional Chinese medicine health management"},
		gongwei.Message{Key: "timeline.kind.elderly_assessment", ZhHans: "老年人生活自理能力评估", ZhHant: "老年人生活自理能力評估", En: "elderly self-care assessment"},
		gongwei.Message{Key: "timeline.kind.consultation", ZhHans: "接诊", ZhHant: "接診", En: "consultation"},
		gongwei.Message{Key: "timeline.kind.joint_consultation", ZhHans: "会诊", ZhHant: "會診", En: "joint consultation"},
		gongwei.Message{Key: "timeline.kind.referral", ZhHans: "转诊", ZhHant: "轉診", En: "referral"},

		gongwei.Message{Key: "contract.role.family_doctor", ZhHans: "家庭医生", ZhHant: "家庭醫生", En: "family doctor"},
		gongwei.Message{Key: "contract.role.village_doctor", ZhHans: "乡村医生", ZhHant: "鄉村醫生", En: "village doctor"},
		gongwei.Message{Key: "contract.role.nurse", ZhHans: "社区护士", ZhHant: "社區護士", En: "community nurse"},
		gongwei.Message{Key: "contract.role.public_health", ZhHans: "公共卫生医师", ZhHant: "公共衛生醫師", En: "public health physician"},
		gongwei.Message{Key: "contract.role.pharmacist", ZhHans: "药师", ZhHant: "藥師", En: "pharmacist"},
		gongwei.Message{Key: "contract.role.health_manager", ZhHans: "健康管理师", ZhHant: "健康管理師", En: "health manager"},
		gongwei.Message{Key: "contract.role.specialist", ZhHans: "专科医生", ZhHant: "專科醫生", En: "specialist"},
	)
}
