// fold lower-cases, removes accents and treats "_", "/" and "-" as spaces so
// "new york", "New_York" and "america/new" all find America/New_York.
function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[_/\-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

// filterTimeZones keeps the zones that contain every word of the query, in
// their original order. keep (the selected zone) is always kept, first when
// it does not match, so a <select> never loses its value.
export function filterTimeZones(zones: readonly string[], query: string, keep?: string): string[] {
  const words = fold(query).split(' ').filter((w) => w !== '')
  const matches = words.length === 0 ? [...zones] : zones.filter((z) => {
    const f = fold(z)
    return words.every((w) => f.includes(w))
  })
  if (keep && !matches.includes(keep)) {
    return [keep, ...matches]
  }
  return matches
}

// zoneAfterFilter is the zone a filterable select should hold once the user
// typed query: the current one while it still matches (or nothing does),
// else the first match.
export function zoneAfterFilter(zones: readonly string[], query: string, current: string): string {
  const matches = filterTimeZones(zones, query)
  if (matches.length === 0 || matches.includes(current)) return current
  return matches[0]
}

// zoneLabel shows an IANA name the way people read it: "America/New_York"
// becomes "America / New York".
export function zoneLabel(zone: string): string {
  return zone.replace(/_/g, ' ').replace(/\//g, ' / ')
}
