// Package supervision implements 卫生计生监督协管 (health and family-planning supervision
// assistance, nbphs-spec §13) and 传染病及突发公共卫生事件报告 (infectious disease and
// public-health emergency reporting, nbphs-spec §12) as township health centres and
// community health service centres run them:
//
//   - supervised units, one file per unit (一户一档): [Unit] with its kind ([UnitKind]),
//     licences, practitioners and their health certificates (the five disqualifying
//     conditions, 五病) and training records;
//   - on-site inspections ([Inspection]) with their rectification opinion (卫生监督意见书)
//     and its follow-up check, the per-kind frequency rule ([Frequencies]) and a planner of
//     due and overdue inspections ([Plan]);
//   - complaints and reports (投诉举报, [Complaint]) with deadlines in working days that
//     follow the State Council's holiday arrangements ([AddWorkingDays], [IsWorkingDay],
//     [Arrangements] 2020–2026);
//   - information clues found while assisting ([Clue], 协管信息报告登记);
//   - infectious disease case reports ([CaseReport]) and public-health emergency reports
//     ([EmergencyReport]) with their deadlines in hours ([ReportLimit]) on the clock in
//     Asia/Shanghai ([Shanghai]).
//
// [Service] wraps a host's [Store] (validation, normalisation, versions); the memstore
// subpackage is an in-memory Store and supervisiontest its conformance suite. The
// indicators package computes sup.* and inf.* from a Store.
//
// # Service
//
// [New] builds the [Service] in the form every service package shares: New(store,
// Options{Now: clock, Calendar: cal}) (see healthrecord's package doc; this service
// keeps no health records, so its Options has no Records). A save of a stale version, and an insert (Version 0) of an ID already stored, fail
// with an error wrapping gongwei.ErrConflict, whatever the Store.
package supervision
