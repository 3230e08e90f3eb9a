module github.com/gongwei-lib/gongwei

go 1.23.0

require (
	github.com/shopspring/decimal v1.4.0 // indirect
	github.com/stretchr/testify v1.10.0 // indirect
	golang.org/x/text v0.28.0 // indirect
)
