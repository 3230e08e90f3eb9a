// Package healthrecord implements the resident health record service (居民健康档案管理,
// nbphs-spec §1) of the national basic public health services: the record every other
// service hangs off, the forms inside it, and the storage it needs. Code lists follow the
// 第三版 (2017) forms and the national standards they reference (data-standards §1-§3,
// §6).
//
// A record (nbphs-spec §1.2) has four parts: the personal basic information form
// ([Resident] and its [BasicInfo]), the health checkup form ([Checkup]), the management
// records of the priority groups (kept by the chronic, maternal, child and other service
// packages, which refer to a resident by [ResidentID]) and other service records.
//
// # Identity
//
// The citizen ID number (公民身份号码, GB 11643-1999) is the identity key across records
// (nbphs-spec §1.4). [ParseIDNumber] normalises input typed through Chinese input methods
// (full-width digits, Ｘ, a lower-case x, spaces, hyphens; data-standards §6.3), upgrades
// 15-digit numbers, verifies the ISO 7064 MOD 11-2 check character (data-standards §1.3)
// and tells a wrong length, a bad character, an impossible birth date and a wrong check
// apart ([ErrIDLength], [ErrIDChar], [ErrIDDate], [ErrIDCheck]). [IDNumber.BirthDate] and
// [IDNumber.Sex] derive what the number encodes; [IDNumber.Masked] hides it for display.
//
// The 17-digit record number (健康档案编号, nbphs-spec §1.4; data-standards §2) is an
// [ArchiveNumber]: county, township, village (001-099 居委会, 101-199 村委会, 901-999
// other) and a 5-digit serial. [NextArchiveNumber] allocates serials within a [Village];
// [ArchiveNumber.Short] gives the "□□□-□□□□□" form printed on the forms other than the
// cover.
//
// Phone numbers ([ParsePhone], data-standards §6.4) accept mobiles by the loose rule
// 1[3-9] + 9 digits, with or without +86, reject IoT data-card numbers and accept
// landlines with their area code; [Phone.Masked] hides the middle digits.
//
// # Personal basic information
//
// [BasicInfo] is the 个人基本信息表 (data-standards §3.1). Every coded item is a closed
// code set with IsValid and Label (zh-Hans, zh-Hant, en): [ResidenceType], [Ethnicity]
// (the full GB 3304 list, data-standards §3.3, with [ParseEthnicity] for legacy forms),
// [ABOBloodType], [RhBloodType] (with [DecodeRh2011] for the inverted 2011 question),
// [Education], [Occupation], [MaritalStatus] (with the GB/T 2261.2 mapping), the
// multi-select [PaymentMethod], [DrugAllergy], [Exposure] and [Disability], past
// illnesses ([PastIllness] of a [Disease] with its diagnosis date), operations, injuries
// and transfusions ([ProcedureHistory]), family history per relative ([FamilyHistory] of
// [FamilyDisease]), hereditary disease and the living environment
// ([LivingEnvironment]). In a multi-select answer "none" (无) stands alone.
//
// Residents of the catchment area (常住居民) are the registered and those who have lived
// there half a year or more (nbphs-spec §0): [IsPermanentResident],
// [BasicInfo.PermanentOn].
//
// [Resident.Validate] checks the record: identity against the ID number, dates against
// birth and the form date, closure (death, move-out, loss to follow-up; nbphs-spec §1.3),
// and the form's rules. Children aged 0-6 fill no basic information form
// (data-standards §3.1; [Resident.IsChildOn]). A [Household] is the family record, with a
// head and each member's [Relation] to the head.
//
// # Completeness
//
// A record counts as created (建档) for the 健康档案建档率 when its cover and its basic
// information form are complete (nbphs-spec §1.6): [Resident.Missing] lists the field
// paths still missing and [Resident.Complete] decides. The 电子健康档案建档率 counts
// [Resident.Electronic] records.
//
// # Derived outcomes
//
// When the [Registry] saves a resident record it derives, once, what the rules conclude
// about it whatever the date ([ResidentOutcome]: valid, cover filled, basic information
// form filled), and when it saves a checkup, whether it counts as elderly and TCM health
// management for the resident's birth date ([CheckupOutcome]). It stores them with the
// record (Resident.Derived, Checkup.Derived) together with [RulesEdition], the edition of
// the rules that produced them. Computations read them through [Resident.Outcome] and
// [Checkup.Outcome], which return the stored outcome when its edition is the current
// one (and, for a checkup, it was derived for the birth date given) and recompute it
// otherwise. RulesEdition is raised whenever a rule feeding an outcome changes
// (validation, completeness, elderly or TCM management): every outcome stored before is
// then recomputed when read, so figures are right at once, and [Registry.Refresh]
// rewrites the stored outcomes to make later computations fast again. A host that writes
// records into its store without the Registry leaves Derived zero (or sets it with
// DeriveOutcome); a zero outcome is always recomputed.
//
// # Checkup and assessments
//
// [Checkup] is the health checkup form (健康体检表, nbphs-spec §1.5), used at record
// creation and for the annual checks of the elderly and chronic-disease patients. The
// elderly self-care assessment (老年人生活自理能力评估表, nbphs-spec §6.1) and the elderly
// TCM constitution identification (中医体质辨识, nbphs-spec §11.1) are scored here too.
//
// # Contracts and timeline
//
// Family-doctor contracts (家庭医生签约) attach a resident to a doctor team with the
// key-population [Tag]s they single out; the service timeline records every service a
// resident receives, which is what makes a record "in use" (健康档案使用率, nbphs-spec
// §1.6).
//
// # Store and registry
//
// The package defines the small storage interfaces it consumes; a Registry wraps a host's
// store with the logic every store would otherwise repeat (validation before save,
// version bumps with [gongwei.ErrConflict] on a stale write, normalisation, unique ID and
// archive numbers). The memstore subpackage is an in-memory store, and the recordtest
// subpackage holds the conformance suite every store runs and the fixtures
// (recordtest.Resident, recordtest.Child, recordtest.Household) hosts use in their own
// tests.
//
// # Constructing the services
//
// Every service of the library is built in one form, New(store, Options{...}), with
// one options shape: Records (this package's [Registry], where the service reads
// residents or appends to their timeline), Now (the [gongwei.Clock] of the day of
// recording) and the fields of the package's own; the zero Options gives the defaults.
// Here that is [New] with [Options]. A service appends the events of a record it has
// saved with [AppendServices]: a repeat is ignored and any other failure is reported,
// after the save, as the package's ErrTimeline wrapping [ErrTimeline] and the cause.
// A save of a stale version, and an insert (Version 0) of an ID already stored, fail
// with an error wrapping gongwei.ErrConflict, whatever the Store.
//
// # Messages
//
// Validation codes of this package are catalog keys with the prefixes "id.",
// "archive.", "phone.", "resident." and "basic." (and those of the checkup, assessment,
// contract, timeline and store parts); every code renders in simplified Chinese,
// traditional Chinese and English. No error or message carries an ID number, a name or a
// phone number.
package healthrecord
