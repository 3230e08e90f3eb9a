// Package integrity checks a jurisdiction's records for the marks of fabrication, the
// best-documented failure of the national basic public health services (国家基本公共卫生服务),
// whose funding follows counted residents and services: records made up to meet the
// 建档率 target, records created in bulk in one sitting, dead residents' records still
// updated, often under the accounts of staff who had left (peers.md, Chinese 公卫 systems).
//
// [Check] streams the audit trail of a division (healthrecord.AuditStore: who wrote what,
// when, 修改留痕), its residents' closures and checkups, the host's death registrations
// and staff register, and the chronic disease follow-ups' readings, once each (or
// [Sources.People], each resident with their trail, follow-ups and checkups, in one
// pass), and applies each rule of [Rules]: services recorded after a resident's death,
// writes by accounts of staff who had left, records created in bursts or at night or
// with consecutive phone numbers, cloned and constant readings, checkups identical
// except for identity, a terminal-digit preference in blood pressures, impossible daily
// workloads and follow-ups in two villages at once, and a village's figures stopping
// exactly at their targets (from the host's figures). Each rule has a documented reason
// and its thresholds are data ([Thresholds], [DefaultThresholds]); a [Finding] names
// records, residents, villages and staff by ID only, never by personal data. What Check
// holds while it streams does not grow with the county: counters per account and
// account-day, the findings, and one village's records at a time.
// A finding is a record to review, not a verdict.
//
// [Summarize] turns the findings into an integrity report per village and per staff
// member, printed as text ([Report.WriteText]) or HTML ([Report.WriteHTML]) in simplified
// Chinese, traditional Chinese or English.
package integrity
