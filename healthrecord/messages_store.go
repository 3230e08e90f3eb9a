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
		gongwei.Message{Key: "timeline.kind.hypertension_follow_up", ZhHans: "高血压患者随访", ZhHant: "高血壓患者隨訪", En: "hypertension follow-up"},
		gongwei.Message{Key: "timeline.kind.diabetes_follow_up", ZhHans: "2型糖尿病患者随访", ZhHant: "2型糖尿病患者隨訪", En: "type 2 diabetes follow-up"},
		gongwei.Message{Key: "timeline.kind.mental_follow_up", ZhHans: "严重精神障碍患者随访", ZhHant: "嚴重精神障礙患者隨訪", En: "severe mental disorder follow-up"},
		gongwei.Message{Key: "timeline.kind.tb_visit", ZhHans: "肺结核患者随访", ZhHant: "肺結核患者隨訪", En: "tuberculosis patient visit"},
		gongwei.Message{Key: "timeline.kind.prenatal_visit", ZhHans: "产前随访", ZhHant: "產前隨訪", En: "prenatal visit"},
		gongwei.Message{Key: "timeline.kind.postpartum_visit", ZhHans: "产后访视", ZhHant: "產後訪視", En: "postpartum visit"},
		gongwei.Message{Key: "timeline.kind.postpartum_checkup", ZhHans: "产后42天健康检查", ZhHant: "產後42天健康檢查", En: "42-day postpartum checkup"},
		gongwei.Message{Key: "timeline.kind.newborn_visit", ZhHans: "新生儿家庭访视", ZhHant: "新生兒家庭訪視", En: "newborn home visit"},
		gongwei.Message{Key: "timeline.kind.child_checkup", ZhHans: "儿童健康检查", ZhHant: "兒童健康檢查", En: "child health checkup"},
		gongwei.Message{Key: "timeline.kind.vaccination", ZhHans: "预防接种", ZhHant: "預防接種", En: "vaccination"},
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
