// Package maternal implements maternal health management (孕产妇健康管理), nbphs-spec §5:
// a pregnancy linked to the woman's health record from early booking to the 42-day
// postpartum check.
//
// # Dating
//
// [GestationalAge] and [DueDate] (LMP + 280 days) date a pregnancy from its last
// menstrual period; [Dating] adds an early ultrasound scan, which re-dates it.
// [ParseGestation] reads "12+3" and "12周3天". Ages beyond 45 weeks are refused
// ([MaxGestationWeeks], [CodeGestationTooLong]).
//
// # Schedule (nbphs-spec §5, §5.1)
//
// [PrenatalSchedule] lists the five prenatal visits and their windows (<13, 16–20,
// 21–24, 28–36, 37–40 weeks) and sites; [EarlyBookingWeeks] the early-booking limit;
// [HomeVisitDays], [HomeVisitCountDays] and [CheckDay] the postpartum contacts.
// [Pregnancy.Schedule] answers what is upcoming, due, overdue, missed or done on a date;
// [Registry.Worklist] does so for a whole jurisdiction.
//
// # First examination (nbphs-spec §5.1)
//
// [FirstExam] records history, examination and laboratory tests; [FirstExamLabs] lists
// the tests, required and where feasible.
//
// # Risk grading (nbphs-spec §5.2)
//
// [Factors] is the five-colour table, [GradeOf] grades (highest colour wins, purple
// co-exists), [AgeFactor] and [BMIFactor] derive the age and BMI rows, [Requirements]
// says what each colour requires, and [Pregnancy.Assessments] re-grades at each contact.
//
// # Prevention of mother-to-child transmission
//
// [Pregnancy.Testing] gives HIV, syphilis and HBsAg testing status and timeliness
// (before 28 weeks, [TimelyTestWeeks]); [ChildFlags] is what the child's record must carry,
// for hosts to pass to the child and immunization packages.
//
// # Delivery and postpartum care
//
// [Delivery] records place, mode, first caesarean, live births and stillbirths;
// [Pregnancy.SubsidyEligible] the hospital-delivery subsidy; [Death] a maternal death.
// [PostpartumVisit] records the home visit and the 42-day check.
//
// # Storage
//
// [Store] is the small interface a host implements (memstore is in memory;
// maternaltest holds the conformance suite and fixtures). [Registry] wraps it:
// validation against the woman's record, IDs, versions and her service timeline.
// The indicators are computed by indicators.MaternalIndicators.
//
// # Service
//
// [New] builds the [Registry] in the form every service package shares: New(store,
// Options{Records: registry, Now: clock, ...}) (see healthrecord's package doc);
// Records is required here. A failed timeline append after a saved pregnancy is
// [ErrTimeline]. A save of a stale version, and an insert (Version 0) of an ID already stored, fail
// with an error wrapping gongwei.ErrConflict, whatever the Store.
package maternal
