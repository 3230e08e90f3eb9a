// Package indicators computes the indicators of the national basic public health services
// (国家基本公共卫生服务): rates with their numerators and denominators, the national
// indicator catalogue, tallies that merge up the administrative hierarchy, work-plan targets
// and milestones, reports, assessment scores and the funding they decide.
//
// # Sources
//
//   - nbphs-spec: the national specification, 3rd edition (2017): the indicator formulas of
//     §1.6 (records), §2.2 (education counts), §3 (immunization), §4.5 (children), §5.4
//     (maternal), §6.2 (elderly), §7.5 (hypertension), §8.3 (diabetes), §9.4 (severe mental
//     disorders), §10.2 (tuberculosis), §11.3 (TCM), §12.2 (infectious disease reporting),
//     §13 (supervision assistance), the master list §14 (annual; percentages to one decimal,
//     half-up), assessment rule types §15 (egt, elt, Y01, N01, attach, empty) and the
//     per-capita funding standard §0.1.
//   - immunization.md §1.7: coverage indicators.
//   - plan-targets.md: the targets, milestones (30% / 80% / 100%) and score-to-funding tiers
//     of real local work plans, shipped as [ExamplePlan], [ExampleBudget] and [FundingTier]:
//     local examples, not national constants.
//   - peers.md: the numerator / denominator / factor model and period boundaries of DHIS2,
//     estimated denominators as WHO SMART's ratio measures.
//   - data-standards.md §2 and §5: administrative division codes, the prefix hierarchy of
//     [Unit].
//
// Items the references mark UNCONFIRMED are implemented as given and say so in the
// entry's Note (see [Indicator]).
//
// # Model
//
// A [Rate] is a numerator, a denominator and a [Scale]; its display value is a decimal
// rounded half-up, and a zero denominator means "no data". The catalogue ([National],
// [Lookup]) defines each indicator once, as data (catalogue.json, embedded in the
// package and parsed once): a stable [Code], names in zh-Hans,
// zh-Hant and en (registered in the gongwei catalog as "ind."+code), numerator and
// denominator in words, scale, direction, places, the [Basis] that places a record in a
// period, and its source.
//
// Computations stream records once into a [Sink] (usually a [*Tally]), keyed by indicator,
// [Unit] (administrative division code prefix: village 12 digits, township 9, county 6,
// city 4, province 2) and period. Tallies add integers, so they [Merge] associatively and
// commutatively and [Tally.RollUp] village → township → county gives the figures of a
// single pass. [Latest] keeps the latest follow-up per subject in a period (control rates).
//
// A [Plan] holds targets and milestones; [Evaluate] holds it against a tally on a date;
// [NewReport] lays the evaluation out as aligned text, CSV (UTF-8 or GB18030) or JSON;
// [Summarize] writes the year-end summary sentences; [Assess] turns it into a score out of
// 100, [FundingTier] and [Payable] into money, and [Allocate] splits money to townships to
// the fen by the largest-remainder method.
//
// The year-end assessment as the schemes do it: [AssessmentPlan] is the national
// assessment set as an example township's plan, each target with its [TargetSource]
// (national document, local plan or example value); [AssessAreas] scores an evaluation by
// an [AreaScheme] — points per service area, proportional points per row, a stated rule
// for rows without data ([NoDataRule]) — and [UnitPlan], [VillageRates] (以村达标率),
// [UnitScores] and [GroupUnits] give the per-village and per-team tables from the same
// tally; [Fund] applies the year's per-capita standard with the 80/60 tiers on the
// co-management money only and a quality coefficient on the rest, exact to the fen; and
// [NewWorkSummary] writes the 工作总结 with its four sections (基本情况, 主要工作及成效,
// 存在问题, 下一步打算) in simplified or traditional Chinese or English.
//
// # Outcomes derived at save time
//
// Some rules are decided once, when a record is saved, and stored with it together with
// the edition of the rules that decided them: 档案合格 of a resident record and the
// elderly and TCM management of a checkup (healthrecord.Resident.Derived,
// healthrecord.Checkup.Derived, healthrecord.RulesEdition). The record family reads the
// stored outcome when its edition is the current one and recomputes it otherwise, so
// records saved under earlier rules, or written into a store without the services, are
// counted exactly as freshly saved ones; after a rule change (a new edition) every
// stored outcome is recomputed when read, and healthrecord.Registry.Refresh rewrites
// them in the store to make the next computations fast again. A chronic follow-up's
// class is stored by the chronic service as its Assessment and is not recomputed here.
// The vaccination evaluation and the child schedule depend on every dose and visit of
// the child and on the period's last day, so they are computed on each pass.
//
// # Beyond one database
//
// A province holds tens of millions of residents in many county databases. Tallies
// merge exactly (integers add), so a province computes each county where its data live
// and merges the results:
//
//  1. One process per county (or per township of a large county), on its own machine
//     or as one of several processes on a machine, each reading only its own database:
//     [Compute] over that county's stores (or [ComputeSubjects] over its subject
//     stream) into its own [*Tally]. Census figures are applied there, to the villages
//     they are for ([Tally.ApplyPopulation]), before anything is rolled up.
//  2. Each process sends its tally as JSON ([Tally.MarshalJSON], format [TallyFormat]:
//     every cell with its code, unit, period, numerator and denominator, in key order).
//     The encoding is exact: decoding gives an equal tally, census denominators
//     included, and the merge of decoded shards equals the merge of the originals.
//  3. The province decodes each one ([Tally.UnmarshalJSON], which refuses anything
//     else with a *[TallyEncodingError] and never panics), merges them with [Merge] in
//     any order and groups, and rolls the merge up ([Tally.RollUp]) to cities and the
//     province. The figures are those of one pass over every county.
//
// A county that fails is recomputed alone and its tally sent again; as merging adds,
// each shard must be merged once (keep them keyed by county and merge the latest). The
// units of different counties never meet below the county, so shards of different
// counties hold disjoint cells until they are rolled up.
//
// # Status of the computations
//
// Every catalogue entry records in Indicator.Implemented whether this package computes it
// from records; [Pending] lists those it does not. A host can still tally any entry
// itself with [Tally.Add].
package indicators
