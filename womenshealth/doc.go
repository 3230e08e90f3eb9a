// Package womenshealth holds the women's and children's health projects absorbed into
// the national basic public health services in 2019 (nbphs-spec "2019 restructuring"):
// the rural breast and cervical cancer check (农村妇女"两癌"检查) and the maternal death,
// under-5 death and birth-defect reports (妇幼卫生监测).
//
// Sources (plan-services.md §8): the 两癌 check serves women aged 35-64 (NHC 2022
// 宫颈癌/乳腺癌筛查工作方案, via Xinhua); abnormal screens go on to colposcopy or
// mammography (the programme's pathways). No national deadline for the death and defect
// reports was found (one local rule: maternal deaths within 24 hours, UNCONFIRMED as
// national): the deadlines are the host's data ([Deadlines]), never the library's.
//
// [Service] validates and stores the records over a host's [Store]; memstore is an
// in-memory Store and womenshealthtest its conformance suite.
package womenshealth
