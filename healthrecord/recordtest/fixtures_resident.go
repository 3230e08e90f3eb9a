package recordtest

import (
	"fmt"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// Resident returns a valid resident record number i (i >= 1), distinct in archive
// number and ID number from every other i, with every field of the record filled, so a
// store round trip of it checks every field.
func Resident(i int) *healthrecord.Resident {
	birth := gongwei.MustDate(1950, 1, 1).AddDays(i % 20000)
	id, err := healthrecord.NewIDNumber("110105", birth, i%1000)
	if err != nil {
		panic(err)
	}
	village := healthrecord.Village(fmt.Sprintf("110105001%03d", 101+(i/99999)%99))
	arch, err := village.Archive(1 + i%99999)
	if err != nil {
		panic(err)
	}
	return &healthrecord.Resident{
		ID:         healthrecord.ResidentID(arch.String()),
		Archive:    arch,
		IDNumber:   id,
		Name:       "居民" + fmt.Sprint(i),
		Sex:        id.Sex(),
		BirthDate:  birth,
		Created:    gongwei.MustDate(2024, 3, 1),
		Electronic: true,
	}
}
