// Package child implements the health management of children aged 0–6 (0～6岁儿童健康管理)
// of the national basic public health services (nbphs-spec §4) and the children's TCM
// health management service (儿童中医药健康管理, nbphs-spec §11.2).
//
// It provides:
//
//   - growth assessment with the WHO Child Growth Standards: [ZScore] for weight-for-age,
//     length/height-for-age, BMI-for-age and head circumference-for-age by age in days,
//     [WeightForLengthHeight] for weight-for-length/height, WHO's restricted formula
//     beyond ±3 SD for the weight-based indicators, the 0.7 cm length/height rule
//     ([AdjustLengthHeight]) and [Assess] for a whole measurement;
//   - classification: underweight, stunting, wasting, overweight and obesity by z-score
//     cut-offs ([ClassifyNutrition]), anaemia by haemoglobin ([ClassifyAnaemia]) and the
//     high-risk child (体弱儿) criteria with graded management ([AssessHighRisk]);
//   - the [Child] record linked to the health record and to the mother, with birth
//     details, newborn screening and maternal flags, and the [Visit] record of each
//     newborn visit and child health check;
//   - the visit schedule ([Plan], [Schedule]): newborn home visit, 满月 visit, the
//     3–36-month and yearly 4–6-year checks, haemoglobin, hearing and vision checks and
//     the TCM guidance visits, each with its window, and what is due, overdue or missed
//     on a date;
//   - the [Store] a host implements, and [Service], which validates, versions and records
//     visits on the health record's service timeline.
//
// # Data
//
// The WHO Child Growth Standards LMS tables are embedded (go:embed) from WHO's anthro R
// package tables (data/who/README.md gives their origin, commit and checksums). The
// figures are those of the WHO Child Growth Standards (WHO Multicentre Growth Reference
// Study Group, 2006), © World Health Organization,
// https://www.who.int/tools/child-growth-standards. The standard ends at day 1826 (60
// months); ages after it are an error: this package does not use the WHO 2007 reference
// or China's WS/T 423-2022 tables (growth.md §0, §4).
//
// # Service
//
// [New] builds the [Service] in the form every service package shares: New(store,
// Options{Records: registry, Now: clock, VisitID: ...}) (see healthrecord's package
// doc). A failed timeline append after a saved visit is [ErrTimeline]. A save of a stale version, and an insert (Version 0) of an ID already stored, fail
// with an error wrapping gongwei.ErrConflict, whatever the Store.
package child
