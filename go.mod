module github.com/gongwei-lib/gongwei

go 1.23.0

require (
	github.com/shopspring/decimal v1.4.0
	github.com/stretchr/testify v1.10.0
	golang.org/x/text v0.28.0
)

require (
	github.com/davecgh/go-spew v1.1.1 // indirect
	github.com/pmezard/go-difflib v1.0.0 // indirect
	gopkg.in/yaml.v3 v3.0.1 // indirect
)
