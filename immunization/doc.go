// Package immunization implements the vaccination service (预防接种, nbphs-spec §3) of the
// national basic public health services: the national immunization programme's child
// schedule (国家免疫规划疫苗儿童免疫程序及说明（2021年版）) as versioned data, an engine that
// evaluates recorded doses and forecasts the next ones, due lists, the school-entry
// check, and the registration and dose records with their store.
//
// # Schedule as data
//
// An [Edition] holds the dose tables of one version of the schedule: per dose the
// recommended (= minimum) age, the complete-before limit, the minimum interval
// ([DoseRule]; immunization.md §1.1, §1.2, §1.4), and the ages the catch-up rules turn
// on. [NIP2021] is the 2021 edition; [NIP2025] is the same with the DTaP adjustment of
// 2025-01-01 (DTaP at 2, 4, 6, 18 months and 6 years; immunization.md §1.0). A
// [Schedule] is the set of editions that apply to a birth cohort ([ScheduleFor]): each
// dose is judged under the edition in force on its date, each forecast under the
// edition in force on the forecast date (immunization.md §2.4 item 2). Ages are calendar
// months with month-end clamping ([Span], gongwei.Date.AddMonths).
//
// # Rules
//
//   - Catch-up under 18, never restart a series, BCG not from age 4 and with a skin test
//     from 3 months (§1.3, §1.4 BCG): [Evaluate], [Forecast], [NoteSkinTest].
//   - Polio: 3 doses under 4 years, 4 from 4, IPV first, IPV only for immunocompromised
//     and HIV-exposed children, 4 IPV doses complete (§1.4 Polio).
//   - DTaP → DT from 6 years; ≥3 doses with a school-age dose complete; exactly 3 DTaP:
//     DT ≥6 months later; 4 DTaP and 7 years: DT ≥12 months later; 6+ with fewer than 3:
//     DT to 3 doses (§1.4 DTaP and DT). From 2025 the school-age dose is DTaP.
//   - MMR by birth cohort (2019-10-01; 2007 expansion): measles, rubella and mumps
//     counts with the historical [MR], [MM] and [MV] products (§1.4 MMR).
//   - JE-L or JE-I, HepA-L or HepA-I as mutually exclusive series, HepA-I then HepA-L
//     completing (§1.4 JE, HepA); MPSV-A under 24 months, MPSV-AC replacing missed MPSV-A
//     (§1.4 MPSV).
//   - Co-administration: all NIP vaccines on one day; injectable live vaccines not on the
//     same day ≥28 days apart; waits after immunoglobulin ([IG]) (§1.3).
//   - HBsAg-positive or unknown mothers: HepB dose 1 within 12 hours, HBIG
//     ([NoteWithin12Hours], [NoteHBIG]), 4 doses under 2,000 g (§1.4 HepB).
//   - Special health states (§1.5): [Child.HIV], [Child.Immunocompromised].
//   - Every code of the national vaccine table (§1.6) parses with its name
//     ([ParseVaccine]; an unknown code is an [UnknownVaccineError]). Earlier programme
//     products, combination and conjugate vaccines count as the programme doses they
//     contain where the edition says so ([Edition.Counts]: IPV-containing doses as
//     polio doses, MenAC conjugate as MPSV-A under 24 months and MPSV-AC from then,
//     HepA-I-containing doses as HepA-I; [Evaluation.As], [Evaluation.Also]).
//     Non-programme vaccines are recorded, listed by [NonProgramme], never counted
//     otherwise, and injectable live ones are spaced 28 days from the others.
//   - One source of timeliness: the complete-before limits of the edition's tables (§1.2)
//     give [Evaluation.CompleteBefore] (also for catch-up doses, which are then late),
//     [Recommendation.CompleteBefore] and [Milestones] ([MilestonesOf]), which the
//     indicators count.
//
// [Forecast] gives for every series the next dose with its Earliest, Recommended and
// CompleteBefore dates and a [Status] (not due, due, overdue, catch-up, complete, not
// indicated, contraindicated). [Evaluate] gives for every dose a [Reason] (valid, too
// early, interval, live-vaccine conflict, immunoglobulin, too old, extra, product...).
// [ForecastAppend] reuses a buffer and does not allocate.
//
// # Records and the clinic
//
// [Registration] (certificate and card dates) and [Vaccination] (dose, manufacturer,
// lot, site, route, clinic, giver) are kept by a [Store]; [Service] validates them,
// puts doses on the resident's timeline, and builds the due list ([Service.DueList],
// 应种未种, by village and pinyin name). [CheckSchoolEntry] is the 入托入学查验 check. The
// indicators package computes the imm.* indicators from a Store.
//
// # The clinic beyond the schedule
//
// Each kind of record has a store interface of its own, so that a host's [Store] keeps
// compiling: [AEFIStore], [ColdChainStore], [MovementStore], [CampaignStore]. The
// package memstore's Clinic implements them all, immunizationtest checks each contract,
// and the reference SQL store keeps them in tables of their own. A service wraps each,
// got from the [Service]:
//
//   - [Service.AEFI]: AEFI reports (疑似预防接种异常反应, immunization.md §1.8) with their
//     classification and severity; deadlines as data ([DefaultAEFIRules]: urgent within
//     2 hours, routine within 48), overdue reports, clusters ([AEFIClusters]: ≥ 2 serious
//     reports with the same symptom at one clinic within the host's window, or the host's
//     rise among recipients of one vaccine).
//   - [Service.ColdChain]: temperature logs (2-8 °C refrigerated, -20 °C or below
//     frozen) checked for gaps (twice a day by hand, or the monitor's interval) and order,
//     excursions with their duration, the lots given during an excursion ([LotsToReview]).
//   - [Service.Floating]: floating children's arrivals and departures, the residence
//     rule ([DefaultResidence]: managed as a resident after 3 months, under 7), due lists
//     that follow it.
//   - [Service.Campaigns]: catch-up (查漏补种), supplementary (强化免疫) and outbreak
//     (应急接种) campaigns with their cohort and area, their doses, targets and own
//     coverage; outbreak doses count toward no routine series ([Dose.Outbreak]).
//
// Left out: AEFI reports, the 2024 IPV catch-up of the 2016-03 to 2019-09 cohort,
// travellers' JE-L, combination and conjugate vaccines, the HBsAg-negative low-weight
// rule and post-vaccination testing (UNCONFIRMED or not modelled; see the reference).
//
// # Service
//
// [New] builds the [Service] in the form every service package shares: New(store,
// Options{Records: registry, Now: clock}) (see healthrecord's package doc). A failed
// timeline append after a saved dose is [ErrTimeline]. A save of a stale version, and an insert (Version 0) of an ID already stored, fail
// with an error wrapping gongwei.ErrConflict, whatever the Store.
package immunization
