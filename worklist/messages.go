package worklist

import "github.com/gongwei-lib/gongwei"

func init() {
	gongwei.RegisterMessages(
		gongwei.Message{Key: "worklist.status.due", ZhHans: "应做", ZhHant: "應做", En: "due"},
		gongwei.Message{Key: "worklist.status.overdue", ZhHans: "逾期", ZhHant: "逾期", En: "overdue"},
		gongwei.Message{Key: "worklist.status.missed", ZhHans: "将错过", ZhHant: "將錯過", En: "last chance"},
		gongwei.Message{Key: "worklist.service.hypertension", ZhHans: "高血压", ZhHant: "高血壓", En: "hypertension"},
		gongwei.Message{Key: "worklist.service.diabetes", ZhHans: "2型糖尿病", ZhHant: "2型糖尿病", En: "type 2 diabetes"},
		gongwei.Message{Key: "worklist.service.mental", ZhHans: "严重精神障碍", ZhHant: "嚴重精神障礙", En: "severe mental disorder"},
		gongwei.Message{Key: "worklist.service.tuberculosis", ZhHans: "肺结核", ZhHant: "肺結核", En: "tuberculosis"},
		gongwei.Message{Key: "worklist.service.maternal", ZhHans: "孕产妇健康管理", ZhHant: "孕產婦健康管理", En: "maternal health"},
		gongwei.Message{Key: "worklist.service.child", ZhHans: "0～6岁儿童健康管理", ZhHant: "0～6歲兒童健康管理", En: "child health 0-6"},
		gongwei.Message{Key: "worklist.service.immunization", ZhHans: "预防接种", ZhHant: "預防接種", En: "immunization"},
		gongwei.Message{Key: "worklist.service.checkup", ZhHans: "健康体检", ZhHant: "健康體檢", En: "health checkup"},
		gongwei.Message{Key: "worklist.service.contract", ZhHans: "家庭医生签约", ZhHant: "家庭醫生簽約", En: "family-doctor contract"},
		gongwei.Message{Key: "worklist.what.plain", ZhHans: "%s", ZhHant: "%s", En: "%s"},
		gongwei.Message{Key: "worklist.what.followup", ZhHans: "%s随访", ZhHant: "%s隨訪", En: "%s follow-up"},
		gongwei.Message{Key: "worklist.what.referral", ZhHans: "%s转诊后随访", ZhHant: "%s轉診後隨訪", En: "%s follow-up after referral"},
		gongwei.Message{Key: "worklist.what.childtask", ZhHans: "%s：%s", ZhHant: "%s：%s", En: "%s: %s"},
		gongwei.Message{Key: "worklist.what.dose", ZhHans: "%s 第%d剂", ZhHant: "%s 第%d劑", En: "%s dose %d"},
		gongwei.Message{Key: "worklist.what.checkup", ZhHans: "年度健康体检", ZhHant: "年度健康體檢", En: "yearly health checkup"},
		gongwei.Message{Key: "worklist.what.renewal", ZhHans: "家庭医生签约续约", ZhHant: "家庭醫生簽約續約", En: "family-doctor contract renewal"},
		gongwei.Message{Key: "worklist.task.hb", ZhHans: "血红蛋白检测", ZhHant: "血紅蛋白檢測", En: "haemoglobin test"},
		gongwei.Message{Key: "worklist.task.hearing", ZhHans: "听力筛查", ZhHant: "聽力篩查", En: "hearing screen"},
		gongwei.Message{Key: "worklist.task.vision", ZhHans: "视力检查", ZhHant: "視力檢查", En: "vision check"},
		gongwei.Message{Key: "worklist.task.tcm", ZhHans: "中医药健康指导", ZhHant: "中醫藥健康指導", En: "TCM health guidance"},
		gongwei.Message{Key: "worklist.task.visit", ZhHans: "访视", ZhHant: "訪視", En: "visit"},
	)
}
