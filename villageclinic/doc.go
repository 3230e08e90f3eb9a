// Package villageclinic is the township health centre's work over its village clinics
// (乡村一体化管理): supervision visits (督导) of each village clinic with their findings
// and rectification, the training sessions of village doctors with attendance and
// assessment, and the division of labour between the centre and its village clinics
// ([Division]: which service tasks the village clinic delivers and which the centre, and
// the share of the work given to the village clinics).
//
// Sources (plan-services.md §9): the 乡村医生从业管理条例 plans training so that every
// village doctor is trained at least once every 2 years and assessed every 2 years; a
// local scoring sheet asks the centre to supervise each station at least 4 times a year.
// No national rule fixes the number of supervision visits a village clinic gets a year,
// nor a training pass mark (UNCONFIRMED): both are the host's data here ([Plan] and
// [Training.PassMark]), never constants of the library.
//
// The division of labour is the host's data, as a province or county sets it: the
// national documents give the principle and a share of the work (about 40% to the
// village clinics in the national notices, as they are quoted: UNCONFIRMED, the texts
// not seen), not a table of tasks. [ExampleDivision] follows the specification where it
// names the place of a service and marks the rest as examples. [TaskOf] maps the service
// timeline's kinds to the tasks, [Division.LevelOf] the performer recorded on each
// service to its level.
//
// [Service] validates and stores the records over a host's [Store]; memstore is an
// in-memory Store and villageclinictest its conformance suite. Package indicators counts
// 督导完成率 and 规范培训合格率 from them, and from the service timeline the village
// doctors' share of the services delivered (village.share) and the services delivered
// at the level the division assigns (village.division).
package villageclinic
