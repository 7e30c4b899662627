package importing

import "ruche/backend/fault"

// The errors that refuse a whole file, for a Format whose Faults leave them
// out.
var (
	ErrUnreadable     = fault.New(fault.Unavailable, "import.unreadable")
	ErrEmpty          = fault.New(fault.Invalid, "import.empty")
	ErrTooLarge       = fault.New(fault.Invalid, "import.too_large")
	ErrTooManyRows    = fault.New(fault.Invalid, "import.too_many_rows")
	ErrMalformed      = fault.New(fault.Invalid, "import.malformed")
	ErrHeader         = fault.New(fault.Invalid, "import.header_missing")
	ErrColumnMissing  = fault.New(fault.Invalid, "import.column_missing")
	ErrColumnUnknown  = fault.New(fault.Invalid, "import.column_unknown")
	ErrColumnRepeated = fault.New(fault.Invalid, "import.column_repeated")
)

// ErrRowFields is the problem of a row with more cells than the header, for
// a Format whose Faults leave it out.
var ErrRowFields = fault.New(fault.Invalid, "import.row_fields")

// Faults are the errors of one kind of import file, so that an import keeps
// codes whose messages speak of what it imports ("5000 posts at most per
// import"). A nil one is the package's (ErrUnreadable...). Their values:
// TooLarge {max} in MB, TooManyRows {max}, Malformed {line}, Header
// {columns}, ColumnMissing {column}, ColumnUnknown {column, columns},
// ColumnRepeated {column}, and the row problem RowFields {line, got, want}.
type Faults struct {
	Unreadable, Empty, TooLarge, TooManyRows, Malformed  *fault.Error
	Header, ColumnMissing, ColumnUnknown, ColumnRepeated *fault.Error
	RowFields                                            *fault.Error
}

func or(e, def *fault.Error) *fault.Error {
	if e != nil {
		return e
	}
	return def
}

func (f Faults) unreadable() *fault.Error     { return or(f.Unreadable, ErrUnreadable) }
func (f Faults) empty() *fault.Error          { return or(f.Empty, ErrEmpty) }
func (f Faults) tooLarge() *fault.Error       { return or(f.TooLarge, ErrTooLarge) }
func (f Faults) tooManyRows() *fault.Error    { return or(f.TooManyRows, ErrTooManyRows) }
func (f Faults) malformed() *fault.Error      { return or(f.Malformed, ErrMalformed) }
func (f Faults) header() *fault.Error         { return or(f.Header, ErrHeader) }
func (f Faults) columnMissing() *fault.Error  { return or(f.ColumnMissing, ErrColumnMissing) }
func (f Faults) columnUnknown() *fault.Error  { return or(f.ColumnUnknown, ErrColumnUnknown) }
func (f Faults) columnRepeated() *fault.Error { return or(f.ColumnRepeated, ErrColumnRepeated) }
func (f Faults) rowFields() *fault.Error      { return or(f.RowFields, ErrRowFields) }
