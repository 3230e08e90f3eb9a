package doccheck

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// moduleRoot is the module's root directory, two levels above this package.
const moduleRoot = "../.."

// packageDirs returns every directory of the module holding Go files, skipping testdata
// and hidden directories.
func packageDirs(t *testing.T) []string {
	t.Helper()
	var dirs []string
	err := filepath.WalkDir(moduleRoot, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		name := d.Name()
		if path != moduleRoot && (name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
			return filepath.SkipDir
		}
		matches, _ := filepath.Glob(filepath.Join(path, "*.go"))
		if slices.ContainsFunc(matches, func(m string) bool { return !strings.HasSuffix(m, "_test.go") }) {
			dirs = append(dirs, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return dirs
}

// parseDir parses the non-test Go files of dir with their comments.
func parseDir(t *testing.T, fset *token.FileSet, dir string) []*ast.File {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var files []*ast.File
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	return files
}

// startsWithName reports whether the doc comment's text begins with name, allowing a
// leading article ("A", "An", "The") as Go's doc conventions do for types.
func startsWithName(doc *ast.CommentGroup, name string) bool {
	if doc == nil {
		return false
	}
	text := doc.Text()
	for _, article := range []string{"A ", "An ", "The "} {
		text = strings.TrimPrefix(text, article)
	}
	if !strings.HasPrefix(text, name) {
		return false
	}
	rest := text[len(name):]
	return rest == "" || !isIdentRune(rune(rest[0]))
}

func isIdentRune(r rune) bool {
	return r == '_' || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') || ('0' <= r && r <= '9')
}

// receiverType returns the name of a method's receiver type, without pointer or type
// parameters.
func receiverType(fn *ast.FuncDecl) string {
	expr := fn.Recv.List[0].Type
	if star, ok := expr.(*ast.StarExpr); ok {
		expr = star.X
	}
	switch x := expr.(type) {
	case *ast.IndexExpr:
		expr = x.X
	case *ast.IndexListExpr:
		expr = x.X
	}
	if id, ok := expr.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

// undocumented lists the problems of one package's files as "file:line: name" lines.
func undocumented(fset *token.FileSet, files []*ast.File) []string {
	var problems []string
	report := func(pos token.Pos, format string) {
		p := fset.Position(pos)
		problems = append(problems, p.Filename+":"+strconv.Itoa(p.Line)+": "+format)
	}
	hasPkgDoc := false
	isMain := false
	for _, f := range files {
		if f.Doc != nil && strings.TrimSpace(f.Doc.Text()) != "" {
			hasPkgDoc = true
		}
		isMain = f.Name.Name == "main"
	}
	if !hasPkgDoc && len(files) > 0 {
		report(files[0].Package, "package "+files[0].Name.Name+" has no package doc")
	}
	if isMain {
		return problems
	}
	for _, f := range files {
		for _, decl := range f.Decls {
			switch d := decl.(type) {
			case *ast.FuncDecl:
				if !d.Name.IsExported() {
					continue
				}
				name := d.Name.Name
				if d.Recv != nil {
					recv := receiverType(d)
					if !ast.IsExported(recv) {
						continue
					}
					name = recv + "." + name
				}
				if !startsWithName(d.Doc, d.Name.Name) {
					report(d.Pos(), name)
				}
			case *ast.GenDecl:
				grouped := d.Lparen.IsValid()
				for _, spec := range d.Specs {
					switch s := spec.(type) {
					case *ast.TypeSpec:
						if !s.Name.IsExported() {
							continue
						}
						doc := s.Doc
						if doc == nil && !grouped {
							doc = d.Doc
						}
						if !startsWithName(doc, s.Name.Name) {
							report(s.Pos(), s.Name.Name)
						}
					case *ast.ValueSpec:
						for _, n := range s.Names {
							if !n.IsExported() {
								continue
							}
							// In a group, the group's doc, the spec's own doc or its
							// line comment documents it; alone, the doc names it.
							ok := false
							if grouped {
								ok = d.Doc != nil || s.Doc != nil || s.Comment != nil
							} else {
								ok = startsWithName(d.Doc, n.Name) || (d.Doc != nil && len(s.Names) > 1)
							}
							if !ok {
								report(n.Pos(), n.Name)
							}
						}
					}
				}
			}
		}
	}
	return problems
}

// TestExportedNamesDocumented fails on every package without a package doc and every
// exported identifier without a doc comment beginning with its name.
func TestExportedNamesDocumented(t *testing.T) {
	fset := token.NewFileSet()
	for _, dir := range packageDirs(t) {
		for _, p := range undocumented(fset, parseDir(t, fset, dir)) {
			t.Error(p)
		}
	}
}

// TestCheckerCatchesGaps proves the check finds each kind of gap and accepts each
// documented form.
func TestCheckerCatchesGaps(t *testing.T) {
	const src = `// Package p is documented.
package p

// Good is documented.
type Good int

type Bad int

// wrong start
func Wrong() {}

// Method is documented.
func (Good) Method() {}

func (*Good) Naked() {}

func (bad) Hidden() {}

type bad int

// Group of codes.
const (
	A = 1
	B = 2
)

const Lone = 3

// A Thing is documented with an article.
type Thing struct{}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	got := undocumented(fset, []*ast.File{f})
	want := []string{"p.go:7: Bad", "p.go:10: Wrong", "p.go:15: Good.Naked", "p.go:27: Lone"}
	if !slices.Equal(got, want) {
		t.Errorf("undocumented = %q, want %q", got, want)
	}
	noDoc, err := parser.ParseFile(fset, "q.go", "package q\n", parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	if got := undocumented(fset, []*ast.File{noDoc}); len(got) != 1 || !strings.Contains(got[0], "no package doc") {
		t.Errorf("undocumented(no package doc) = %q", got)
	}
}
