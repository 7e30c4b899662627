// Package calendar is the pure time logic of the editorial calendar: civil
// days and wall-clock times in a workspace's IANA zone, the one bucketing
// every view uses, queue slots, recurrence, and the ICS and CSV formats.
//
// Nothing here reads the clock, the machine's zone or the disk: the caller
// passes the zone, "now" and the checks it needs. Instants go in and come out
// in UTC; days and wall-clock times are always read in the zone given.
//
// One rule turns a wall-clock time into an instant everywhere (Instant):
//
//   - a time that does not exist because clocks spring forward (02:30 in
//     Europe/Paris on 2027-03-28) moves forward to the end of the gap (03:00);
//     it is never skipped;
//   - a time that happens twice because clocks fall back (02:30 in
//     Europe/Paris on 2027-10-31) is the first of the two, the earlier instant.
package calendar
