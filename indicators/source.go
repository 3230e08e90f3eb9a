package indicators

import (
	"context"
	"iter"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/child"
	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/immunization"
	"github.com/gongwei-lib/gongwei/maternal"
	"github.com/gongwei-lib/gongwei/referral"
)

// SubjectSource is an optional capability of a store: yielding a jurisdiction's
// [Subject]s in one pass — a database reads each table once, in resident order, and
// merges the rows on the resident — instead of answering the per-resident queries of
// the Store interfaces. [Compute] looks for it on its per-resident stores with a type
// assertion, as io/fs looks for fs.ReadDirFS, and uses it when one of them offers it
// and serves every one of them; otherwise it reads the stores. Both paths give the same
// cells (a test of the reference SQL store proves it on the same data).
//
// A store that implements SubjectSource also implements its own domain's Store.
type SubjectSource interface {
	// Subjects returns the subjects of q, and false (without reading anything) when
	// the source cannot serve q: one of q's non-nil stores is not backed by the
	// source's data. The subjects must hold exactly the records the Store-based
	// computations would read from q's stores, each record once:
	//
	//   - with q.Records: each resident of q.Records.Residents(ResidentFilter{Prefix:
	//     q.Prefix}) (the source may leave out those without an archive number or not
	//     active on q.Period's last day), with HeadsHousehold, and at least its
	//     checkups dated in q.Period, its contracts in force on q.Period's last day and
	//     its service events in healthrecord.DynamicUseWindow of that day;
	//   - with q.Chronic: each patient of chronic.PatientFilter{Prefix: q.Prefix}, with
	//     at least its visits dated in q.Period (every visit of a TB patient);
	//   - with q.Maternal: each pregnancy of maternal.Filter{Prefix: q.Prefix} under
	//     care during q.Period (others may be included: they are filtered again);
	//   - with q.Child: each child record of child.ChildFilter{Prefix: q.Prefix} (those
	//     born on or after q.Period's end may be included), with every visit;
	//   - with q.Immunization: each registration of immunization.Filter{Prefix:
	//     q.Prefix}, with every vaccination of its resident;
	//   - with q.Referrals: each referral of referral.Filter{Prefix: q.Prefix, Period:
	//     q.Period} (referred in the period), in Subject.Referrals ordered by Referred,
	//     then ID. A source that cannot read the register reports false when
	//     q.Referrals is not nil. Compute never sets it (it reads the register through
	//     Sources.Referrals); the worklist does.
	//
	// A nil store of q means none of its domain's records. Records of a resident are
	// merged into one subject when they belong to the same resident; Subject.Resident
	// is nil when the resident is not among q.Records' residents. The stream follows
	// the convention of the Store streams: a failure is yielded once, then it stops.
	Subjects(ctx context.Context, q SubjectQuery) (iter.Seq2[*Subject, error], bool)
}

// SubjectQuery is what [SubjectSource.Subjects] is asked for: the jurisdiction, the
// period and the per-resident stores whose records the subjects carry (nil for none).
// Prefix has the meaning each domain's filter gives it (archive-number digits for the
// health record, village-code digits for the others).
type SubjectQuery struct {
	// Prefix is the jurisdiction: the leading digits of the archive numbers or village
	// codes of the subjects' records.
	Prefix string
	// Period is the period computed: it bounds the visits and checkups the subjects
	// must carry, and its last day is the day residents and contracts are judged on.
	Period gongwei.Period
	// Records is the health record store whose residents, households, checkups,
	// contracts and service events the subjects carry; nil for none.
	Records healthrecord.Store
	// Chronic is the chronic disease store whose patients and visits the subjects
	// carry; nil for none.
	Chronic chronic.Store
	// Maternal is the maternal store whose pregnancies the subjects carry; nil for
	// none.
	Maternal maternal.Store
	// Child is the child health store whose child records and visits the subjects
	// carry; nil for none.
	Child child.Store
	// Immunization is the immunization store whose registrations and vaccinations
	// the subjects carry; nil for none.
	Immunization immunization.Store
	// Referrals is the referral register, whose slips the subjects carry
	// (Subject.Referrals); nil for none.
	Referrals referral.Store
}

// CountedSubjectSource is an optional capability of a [SubjectSource]: yielding
// subjects that only the rules of [ComputeSubjects] read, without RecordOptions.
// [Compute] asks for them when Sources.RecordOptions is nil. Their records may then
// carry only the fields those rules read, so that a database reads and decodes less:
//
//   - a healthrecord.Resident: ID, Archive, BirthDate, Household, Created,
//     Electronic, Info.Residence, Info.LivingSince, Closure and Derived, when
//     Derived.Edition is healthrecord.RulesEdition (an outcome of another edition is
//     derived again from the whole record, which must then be read whole);
//   - a healthrecord.Checkup: ID, Resident, Date and Derived, when Derived.Edition is
//     healthrecord.RulesEdition and Derived.Birth the resident's BirthDate (another
//     outcome is derived again from the whole record);
//   - a healthrecord.Contract: ID, Resident and Period;
//   - a healthrecord.ServiceEvent: Kind and Date, a subject's events in any order;
//   - an immunization.Vaccination: Dose.
//
// Every other record is whole, and the subjects are otherwise those of Subjects. A
// host that shows the records (a worklist) asks Subjects for them whole. The list is
// the rules': a test computes every indicator of a synthetic county from records
// reduced to it and from whole records, and compares the cells.
type CountedSubjectSource interface {
	SubjectSource
	// CountedSubjects is Subjects with records reduced as above.
	CountedSubjects(ctx context.Context, q SubjectQuery) (iter.Seq2[*Subject, error], bool)
}

// subjectSource returns the subjects of src's per-resident stores under prefix for p
// from the first of those stores that is a SubjectSource serving them all (as counted
// subjects when it is a CountedSubjectSource and src has no RecordOptions), and false
// when there is none.
func subjectSource(ctx context.Context, src Sources, prefix string, p gongwei.Period) (iter.Seq2[*Subject, error], bool) {
	q := SubjectQuery{
		Prefix: prefix, Period: p, Records: src.Records, Chronic: src.Chronic,
		Maternal: src.Maternal, Child: src.Child, Immunization: src.Immunization,
	}
	for _, s := range []any{src.Records, src.Chronic, src.Maternal, src.Child, src.Immunization} {
		if cs, ok := s.(CountedSubjectSource); ok && src.RecordOptions == nil {
			if seq, ok := cs.CountedSubjects(ctx, q); ok {
				return seq, true
			}
		}
		if ss, ok := s.(SubjectSource); ok {
			if seq, ok := ss.Subjects(ctx, q); ok {
				return seq, true
			}
		}
	}
	return nil, false
}

// computeSubjects is ComputeSubjects with the chronic estimates added for the units
// under prefix, and only when estimates is set (Compute adds them only when it has a
// chronic store, as ChronicIndicators does).
func computeSubjects(ctx context.Context, subjects iter.Seq2[*Subject, error], p gongwei.Period, opts *ChronicOptions, prefix string, estimates bool, sink Sink, ro *RecordOptions) error {
	if !p.IsValid() {
		return errPeriod
	}
	o := chronicDefaults(opts)
	b := newBatch(sink)
	var sc subjectScratch
	sc.records.opts = ro
	sc.imm.card = true
	n := 0
	for s, err := range subjects {
		if err != nil {
			return err
		}
		if n++; n&1023 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if s == nil {
			continue
		}
		sc.add(s, p, &o, b)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if !estimates {
		return nil
	}
	return addEstimates(&o, prefix, p, b)
}
