// Package villageclinic is the township health centre's work over its village clinics
// (乡村一体化管理): supervision visits (督导) of each village clinic with their findings
// and rectification, and the training sessions of village doctors with attendance and
// assessment.
//
// Sources (plan-services.md §9): the 乡村医生从业管理条例 plans training so that every
// village doctor is trained at least once every 2 years and assessed every 2 years; a
// local scoring sheet asks the centre to supervise each station at least 4 times a year.
// No national rule fixes the number of supervision visits a village clinic gets a year,
// nor a training pass mark (UNCONFIRMED): both are the host's data here ([Plan] and
// [Training.PassMark]), never constants of the library.
//
// [Service] validates and stores the records over a host's [Store]; memstore is an
// in-memory Store and villageclinictest its conformance suite. Package indicators counts
// 督导完成率 and 规范培训合格率 from them.
package villageclinic
