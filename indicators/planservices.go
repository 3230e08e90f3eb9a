package indicators

import "slices"

// planCatalogue are the catalogue entries of the programmes the work plans report on
// beside the twelve core services: the referral register (双向转诊) and the key populations' contracts (重点人群), the centre's supervision and training of its
// village clinics, and the women's health projects (两癌, 妇幼死亡及出生缺陷报告, and on the pregnancy
// 孕前优生健康检查, 增补叶酸, 母婴阻断用药干预, 住院分娩补助), and
// health literacy (健康素养, 知晓率, the quantities of material). Each entry's
// computation lives in the file of its programme.
var planCatalogue = slices.Concat(referralCatalogue, keyPopulationCatalogue, villageClinicCatalogue, villageShareCatalogue, womensHealthCatalogue, projectsCatalogue, literacyCatalogue, awarenessCatalogue)
