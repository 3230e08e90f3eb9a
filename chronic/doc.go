// Package chronic implements the management of the chronic-disease patients of the
// national basic public health services (国家基本公共卫生服务规范, 3rd ed. 2017): hypertension
// (高血压患者健康管理, nbphs-spec §7), type 2 diabetes (2型糖尿病患者健康管理, §8), severe
// mental disorders (严重精神障碍患者管理, §9) and pulmonary tuberculosis (肺结核患者健康管理,
// §10).
//
// It holds the rules: screening of residents 35 and over and of high-risk groups
// ([ScreenBloodPressure], [HypertensionRiskFactors], [ConfirmHypertension]); the
// classification of every follow-up with its referral and next-visit date
// ([ClassifyHypertension], [ClassifyDiabetes], [ClassifyMental], [ClassifyTBVisit]);
// the next-visit engine ([NextVisit], [MergePlan]); and regular medication of TB patients
// ([RegularMedication]). Every threshold is written once, in the rule tables of
// rules.go, with its source.
//
// Records are a [Patient] (one per resident and condition, carrying the resident's
// village so indicators group without a join) and a [Visit] (one follow-up of one
// patient). A host stores them behind the small [Store] interface; [Service] wraps a
// Store and validates, normalises, classifies, bumps versions and appends the follow-ups
// to the resident's service timeline. The memstore subpackage is an in-memory Store and
// chronictest is the conformance suite every Store passes.
//
// # Service
//
// [New] builds the [Service] in the form every service package shares: New(store,
// Options{Records: registry, Now: clock}) (see healthrecord's package doc). A failed
// timeline append after a saved follow-up is [ErrTimeline]. A save of a stale version, and an insert (Version 0) of an ID already stored, fail
// with an error wrapping gongwei.ErrConflict, whatever the Store.
package chronic
