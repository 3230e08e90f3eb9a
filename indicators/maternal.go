package indicators

import (
	"context"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/maternal"
)

// The indicator codes filled by [MaternalIndicators].
const (
	codeMaternalEarlyBooking     Code = "maternal.early_booking"
	codeMaternalPostpartumVisit  Code = "maternal.postpartum_visit"
	codeMaternalMortality        Code = "maternal.mortality"
	codeMaternalHospital         Code = "maternal.hospital_delivery"
	codeMaternalHighRiskHospital Code = "maternal.high_risk_hospital_delivery"
	codeMaternalSystem           Code = "maternal.system_management"
	codeMaternalTesting          Code = "maternal.infection_testing"
	codeMaternalTestingEarly     Code = "maternal.infection_testing_early"
	codeMaternalHealthManagement Code = "maternal.health_management"
	codeMaternalCaesarean        Code = "maternal.caesarean"
)

// MaternalCodes lists the indicators [MaternalIndicators] fills, in catalogue order.
// maternal.infection_testing and maternal.infection_testing_early are also filled per
// infection under the qualifiers "hiv", "syphilis" and "hbsag"
// (Code.With(maternal.HIV.Code())).
var MaternalCodes = []Code{
	codeMaternalEarlyBooking, codeMaternalPostpartumVisit, codeMaternalMortality,
	codeMaternalHospital, codeMaternalHighRiskHospital, codeMaternalSystem,
	codeMaternalTesting, codeMaternalTestingEarly, codeMaternalHealthManagement,
	codeMaternalCaesarean, codeMaternalScreening,
	codePrePregnancyCheck, codeFolicAcid, codePMTCTIntervention, codeDeliverySubsidy,
}

// MaternalIndicators streams the pregnancies of the jurisdiction prefix (village-code
// digits, see maternal.Filter.Prefix; empty for all) under care during period p once,
// and adds to sink the counts of the maternal indicators ([MaternalCodes]) for p. Each
// pregnancy is counted under its village (maternal.Pregnancy.Village, the [Unit] of 12
// digits; roll the tally up for townships and counties).
//
// Period placement (Basis): every indicator but mortality places a pregnancy by its
// delivery date (BasisBirth): a woman delivered in p is counted in p with everything
// that followed (her postpartum visit in the next January counts for p) and everything
// before (booking in the previous year). Mortality (BasisReport) places a death by its
// date; its denominator is the live births of p. A pregnancy that ended without a
// delivery counts only if the woman died in p.
//
// The rules, for a woman delivered in p with L live births (L may be 0 for a
// stillbirth, or 2 for twins):
//
//   - 活产数, the denominator of maternal.early_booking, postpartum_visit,
//     system_management, health_management, hospital_delivery, caesarean and mortality
//     (nbphs-spec §5.4: "该地该时间段内活产数"): L is added.
//   - maternal.early_booking (早孕建册率, nbphs-spec §5.4): numerator 1 if she was booked
//     and given the first prenatal check before 13 weeks (maternal.Pregnancy.EarlyBooked).
//     The numerator counts women (产妇人数), the denominator live births, as the
//     formula says: twins add 2 to the denominator and at most 1 to the numerator.
//   - maternal.postpartum_visit (产后访视率, nbphs-spec §5.4): numerator 1 if a
//     postpartum home visit fell within 28 days of discharge
//     (maternal.Pregnancy.VisitedAfterDelivery).
//   - maternal.health_management (≥5 prenatal checks, the 2011 edition's rate, §5.4):
//     numerator 1 if 5 or more prenatal contacts were recorded
//     (maternal.Pregnancy.PrenatalCount >= 5).
//   - maternal.system_management (孕产妇系统管理率, catalogue formula, UNCONFIRMED in
//     reference): numerator 1 if booked early, 5 or more prenatal contacts and visited
//     after delivery, the three conditions above.
//   - maternal.hospital_delivery (住院分娩率): numerator L if she delivered in hospital.
//   - maternal.caesarean (剖宫产率): numerator L if by caesarean section.
//   - maternal.high_risk_hospital_delivery (高危孕妇住院分娩率): a woman graded
//     high-risk at any assessment (any colour but green, or purple;
//     maternal.Pregnancy.HighRisk, nbphs-spec §5.2) adds 1 to the denominator, and 1 to
//     the numerator if she delivered in hospital.
//   - maternal.infection_testing (孕期三病检测率): denominator 1 (产妇数), numerator 1
//     if tested for all three infections in pregnancy (maternal.Pregnancy.TestedAll);
//     the qualified codes /hiv, /syphilis, /hbsag count each test alone.
//   - maternal.infection_testing_early: as above, tests before 28 weeks (27+6).
//   - maternal.mortality (孕产妇死亡率, per 100,000 live births): numerator 1 for each
//     woman whose death (maternal.Pregnancy.Death, within 42 days of the end of
//     pregnancy) is dated in p; denominator the live births of p.
//
// A woman delivered in p creates every cell she is a candidate for, with 0 where she is
// not counted, so a village with deliveries reports "0 %" rather than "no data".
//
// The error is the first one the store yields, or one wrapping gongwei.ErrInvalid when
// p is not a valid period, or ctx's error.
func MaternalIndicators(ctx context.Context, s maternal.Store, prefix string, p gongwei.Period, sink Sink) error {
	if !p.IsValid() {
		return errPeriod
	}
	b := newBatch(sink)
	defer b.flush()
	for preg, err := range s.Pregnancies(ctx, maternal.Filter{Prefix: prefix, Period: p}) {
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		addPregnancy(preg, p, b)
	}
	return nil
}

// addPregnancy adds one pregnancy's contributions (see MaternalIndicators).
func addPregnancy(preg *maternal.Pregnancy, p gongwei.Period, sink Sink) {
	unit := Unit(preg.Village)
	if preg.Death != nil && p.Contains(preg.Death.Date) {
		sink.Add(codeMaternalMortality, unit, p, 1, 0)
	}
	d := preg.Delivery
	if d == nil || !p.Contains(d.Date) {
		return
	}
	live := int64(d.LiveBirths)
	early := preg.EarlyBooked()
	visited := preg.VisitedAfterDelivery()
	five := preg.PrenatalCount() >= maternal.PrenatalVisits
	hospital := d.Place == maternal.Hospital
	sink.Add(codeMaternalMortality, unit, p, 0, live)
	sink.Add(codeMaternalEarlyBooking, unit, p, b2i(early), live)
	sink.Add(codeMaternalPostpartumVisit, unit, p, b2i(visited), live)
	sink.Add(codeMaternalHealthManagement, unit, p, b2i(five), live)
	sink.Add(codeMaternalSystem, unit, p, b2i(early && five && visited), live)
	sink.Add(codeMaternalHospital, unit, p, live*b2i(hospital), live)
	sink.Add(codeMaternalCaesarean, unit, p, live*b2i(d.Mode == maternal.Caesarean), live)
	addScreening(preg, p, unit, sink)
	addProjects(preg, p, unit, sink)
	if preg.HighRisk() {
		sink.Add(codeMaternalHighRiskHospital, unit, p, b2i(hospital), 1)
	}
	all, allTimely := true, true
	for i, st := range preg.Testing() {
		sink.Add(testingCodes[i], unit, p, b2i(st.Tested), 1)
		sink.Add(testingEarlyCodes[i], unit, p, b2i(st.Timely), 1)
		all = all && st.Tested
		allTimely = allTimely && st.Timely
	}
	sink.Add(codeMaternalTesting, unit, p, b2i(all), 1)
	sink.Add(codeMaternalTestingEarly, unit, p, b2i(allTimely), 1)
}

// testingCodes and testingEarlyCodes are the per-infection codes of maternal.infection_testing
// and maternal.infection_testing_early, in maternal.Infections order.
var testingCodes, testingEarlyCodes = func() (t, e []Code) {
	for _, inf := range maternal.Infections {
		t = append(t, codeMaternalTesting.With(inf.Code()))
		e = append(e, codeMaternalTestingEarly.With(inf.Code()))
	}
	return t, e
}()
