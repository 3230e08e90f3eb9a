// Package doccheck holds the repository's documentation check: a test that parses every
// package of the module with go/ast and fails on a package without a package doc, or on
// an exported identifier (type, function, method of an exported type, constant, variable)
// without a doc comment that begins with its name, as Go's own doc conventions
// (go.dev/doc/comment) ask. It has no API; run it with `go test ./internal/doccheck`.
package doccheck
