// Package worklist answers the daily question of a village doctor and a township team
// — whom must we see in this range of days, and who is overdue? — across every service
// of the national basic public health services (国家基本公共卫生服务): chronic-disease
// follow-ups (高血压, 2型糖尿病, 严重精神障碍, 肺结核; nbphs-spec §7-§10), prenatal and
// postpartum contacts (nbphs-spec §5.1), child health checks and the tests embedded in
// them (nbphs-spec §4.1, §4.2, §11.2), vaccinations due but not given (应种未种,
// nbphs-spec §3, immunization.md §1.2), the yearly health checkup of the elderly and of
// chronic-disease patients (nbphs-spec §6, §7.4, §8.2, §9.3), family-doctor
// contracts coming to the end of their service period, and the referral register's
// follow-ups (the 2-week active follow-up of a referral's outcome, a TB suspect's
// attendance check within a week; nbphs-spec §0, §10), read with the other records
// when [Stores] has the register and listed by [ReferralSource].
//
// Each domain keeps its own rule — [chronic.NextVisit], [child.Schedule],
// [maternal.Pregnancy.Schedule], [immunization.Forecast], [chronic.AnnualCheckupDone] —
// and the worklist asks each through one small interface, [Source]: adding a service
// adds one source. A [List] runs its sources over a stream of residents, each with all
// of their records (an [indicators.Subject], which a SQL store reads in one ordered scan
// per table, see [indicators.SubjectSource]), and yields an [Entry] for each resident
// with something due, overdue or missed: what, its window, the rule's source, and the
// items merged into visits where the rules allow. Memory is per resident: a subject is
// dropped as soon as its entry is made. [Sort] orders entries by urgency (urgent
// referral follow-ups and overdue TB and mental-disorder visits first), then village,
// then name in pinyin order (golang.org/x/text/collate), as the printed list shows them.
package worklist
