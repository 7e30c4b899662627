package collect

import (
	"time"

	"ruche/backend/calendar"
)

func day(y int, m time.Month, d int) calendar.Day { return calendar.Day{Year: y, Month: m, Day: d} }
