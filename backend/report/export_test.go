package report

// The PDF helpers of this package's tests, for the tests of package
// report_test (those that open a whole data folder with package boot,
// which imports this package).
var (
	WritePDF    = writePDF
	PDFText     = pdfText
	PageCount   = pageCount
	RenderPages = renderPages
)
