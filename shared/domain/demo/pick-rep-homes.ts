import type { Place } from './sample-accounts';

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in km between two points given in degrees. */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const toRad = Math.PI / 180;
  const dLat = (lat2 - lat1) * toRad;
  const dLon = (lon2 - lon1) * toRad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * toRad) * Math.cos(lat2 * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * Picks `count` rep home places: the largest places first, skipping any place closer
 * than `minSpacingKm` to one already picked (so reps spread over the country). If
 * too few places qualify, the spacing is halved until `count` are found.
 * @throws RangeError when there are fewer places than `count`
 */
export function pickRepHomes(places: readonly Place[], count: number, minSpacingKm: number): Place[] {
  if (places.length < count) throw new RangeError(`Only ${places.length} places for ${count} reps.`);
  const sorted = [...places].sort((a, b) => b.population - a.population || a.name.localeCompare(b.name));
  for (let spacing = minSpacingKm; ; spacing /= 2) {
    const picked: Place[] = [];
    for (const p of sorted) {
      if (picked.every((q) => haversineKm(p.lat, p.lon, q.lat, q.lon) >= spacing)) picked.push(p);
      if (picked.length === count) return picked;
    }
    if (spacing < 1) return sorted.slice(0, count);
  }
}

const FIRST = ['Ava', 'Ben', 'Carmen', 'Dmitri', 'Elena', 'Farid', 'Grace', 'Hiro', 'Imani', 'Jonas', 'Kira', 'Luis', 'Maya', 'Noor', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sami', 'Tara', 'Uma', 'Victor', 'Wen', 'Ximena', 'Yusuf', 'Zoe'];
const LAST = ['Abbott', 'Baker', 'Castillo', 'Dorsey', 'Ellison', 'Fischer', 'Garza', 'Haddad', 'Ivanova', 'Jensen', 'Kowalski', 'Lindqvist', 'Mendoza', 'Nakamura', 'Okafor', 'Petrov', 'Quintero', 'Rahman', 'Sullivan', 'Tan', 'Ueda', 'Vargas', 'Whitaker', 'Yilmaz', 'Zhou'];

/** A made-up but stable rep name for position `i`. */
export function repName(i: number): string {
  return `${FIRST[i % FIRST.length]} ${LAST[(i * 7 + Math.floor(i / FIRST.length)) % LAST.length]}`;
}
