package healthrecord

// Household is a family record (家庭档案): the residents who live together, with a head
// of household.
type Household struct {
	ID      HouseholdID
	Village Village
	Head    ResidentID
	Address string
	Version int64
}
