// Package referral is the two-way referral register (双向转诊) shared by every service
// of the national basic public health services: the referral slip (双向转诊单, one of the
// resident health record's forms, nbphs-spec §1) of a chronic patient's urgent or routine
// referral, a tuberculosis suspect sent to the designated facility, a high-risk pregnant
// woman, a child with an abnormal finding or an unstable patient with a severe mental
// disorder, and the active follow-up of its outcome.
//
// The rules are those of the specification (nbphs-spec §0 "Recurring rule"): every
// referral, urgent or routine, is followed by an active follow-up of its outcome within 2
// weeks (2周内主动随访转诊情况; hypertension §7, diabetes §8, maternal §5, severe mental
// disorders §9, TB §10); a TB suspect's referral is followed by a phone follow-up within 1
// week to check attendance at the designated facility (§10 [R40]). [FollowUpWindow] holds
// them once.
//
// [Service] validates and stores referrals over a host's [Store]; memstore is an
// in-memory Store and referraltest its conformance suite. The register is the source of
// the referral indicators of package indicators (结核病人转诊率, the on-time follow-up
// rates).
package referral
