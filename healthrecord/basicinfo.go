package healthrecord

// BasicInfo is the personal basic information form (个人基本信息表, 2017 edition).
type BasicInfo struct {
	// Phone is the resident's own contact number.
	Phone string
}

func (b BasicInfo) clone() BasicInfo { return b }
