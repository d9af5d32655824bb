import { greatCircleKm } from '../geo/great-circle';
import type { Rng } from '../random/create-rng';
import type { Place } from './sample-accounts';

/** A demand point for placing reps: an account's location and its workload. */
export interface DemandPoint {
  lat: number;
  lon: number;
  weight: number;
}

/**
 * Places `count` reps where the work is, as a sales organisation would: a balanced
 * weighted k-means of the accounts (seeded k-means++ start, then Lloyd iterations with
 * per-centre additive weights that even out the workload, on a local flat projection),
 * each centre then moved to the most populous place within `snapKm` that
 * no other rep has taken (or the nearest free place). Dense regions get more reps than
 * spacing large cities evenly would give them, so territories can be balanced without
 * stretching across the country.
 * @throws RangeError when there are fewer places than `count`, or no demand
 */
export function placeRepsByDemand(places: readonly Place[], demand: readonly DemandPoint[], count: number, rng: Rng, snapKm = 60): Place[] {
  if (places.length < count) throw new RangeError(`Only ${places.length} places for ${count} reps.`);
  if (demand.length === 0) throw new RangeError('Reps are placed where the accounts are; there are none.');
  const midLat = demand.reduce((a, d) => a + d.lat, 0) / demand.length;
  const kx = Math.cos((midLat * Math.PI) / 180);
  const x = Float64Array.from(demand, (d) => d.lon * kx);
  const y = Float64Array.from(demand, (d) => d.lat);
  const w = Float64Array.from(demand, (d) => Math.max(0, d.weight) + 1e-9);
  const m = demand.length;
  const cx = new Float64Array(count);
  const cy = new Float64Array(count);
  // k-means++ start.
  const nearest = new Float64Array(m).fill(Infinity);
  for (let c = 0; c < count; c++) {
    let pick = 0;
    if (c === 0) {
      pick = rng.int(m);
    } else {
      let total = 0;
      for (let i = 0; i < m; i++) total += w[i]! * nearest[i]!;
      let r = rng.next() * total;
      for (let i = 0; i < m; i++) {
        r -= w[i]! * nearest[i]!;
        if (r <= 0) {
          pick = i;
          break;
        }
      }
    }
    cx[c] = x[pick]!;
    cy[c] = y[pick]!;
    for (let i = 0; i < m; i++) nearest[i] = Math.min(nearest[i]!, (x[i]! - cx[c]!) ** 2 + (y[i]! - cy[c]!) ** 2);
  }
  // Lloyd iterations with an additive weight per centre (a power diagram), nudged each
  // round so every centre serves about the same workload: reps end up where the work is,
  // in proportion to it.
  const sx = new Float64Array(count);
  const sy = new Float64Array(count);
  const sw = new Float64Array(count);
  const alpha = new Float64Array(count);
  let totalWeight = 0;
  for (let i = 0; i < m; i++) totalWeight += w[i]!;
  const fair = totalWeight / count;
  let meanD2 = 0;
  for (let i = 0; i < m; i++) meanD2 += nearest[i]!;
  let step = (meanD2 / m) * 0.5;
  for (let iter = 0; iter < 40; iter++) {
    sx.fill(0);
    sy.fill(0);
    sw.fill(0);
    for (let i = 0; i < m; i++) {
      let best = 0;
      let bestD = Infinity;
      for (let c = 0; c < count; c++) {
        const d = (x[i]! - cx[c]!) ** 2 + (y[i]! - cy[c]!) ** 2 - alpha[c]!;
        if (d < bestD) {
          bestD = d;
          best = c;
        }
      }
      sx[best]! += w[i]! * x[i]!;
      sy[best]! += w[i]! * y[i]!;
      sw[best]! += w[i]!;
    }
    for (let c = 0; c < count; c++) {
      if (sw[c]! > 0) {
        cx[c] = sx[c]! / sw[c]!;
        cy[c] = sy[c]! / sw[c]!;
      }
      alpha[c]! += step * (1 - sw[c]! / fair);
    }
    step *= 0.93;
  }
  // Snap each centre (heaviest cluster first) to a free, populous place nearby.
  const order = Array.from({ length: count }, (_, c) => c).sort((a, b) => sw[b]! - sw[a]! || a - b);
  const taken = new Set<number>();
  const picked = new Array<Place>(count);
  for (const c of order) {
    const lat = cy[c]!;
    const lon = cx[c]! / kx;
    let best = -1;
    let nearestFree = -1;
    let nearestD = Infinity;
    places.forEach((p, j) => {
      if (taken.has(j)) return;
      const d = greatCircleKm(lat, lon, p.lat, p.lon);
      if (d < nearestD) {
        nearestD = d;
        nearestFree = j;
      }
      if (d <= snapKm && (best < 0 || p.population > places[best]!.population)) best = j;
    });
    const j = best >= 0 ? best : nearestFree;
    taken.add(j);
    picked[c] = places[j]!;
  }
  // Largest places first, so rep ids follow the size of their home town.
  return picked.sort((a, b) => b.population - a.population || a.name.localeCompare(b.name));
}

const FIRST = ['Ava', 'Ben', 'Carmen', 'Dmitri', 'Elena', 'Farid', 'Grace', 'Hiro', 'Imani', 'Jonas', 'Kira', 'Luis', 'Maya', 'Noor', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sami', 'Tara', 'Uma', 'Victor', 'Wen', 'Ximena', 'Yusuf', 'Zoe'];
const LAST = ['Abbott', 'Baker', 'Castillo', 'Dorsey', 'Ellison', 'Fischer', 'Garza', 'Haddad', 'Ivanova', 'Jensen', 'Kowalski', 'Lindqvist', 'Mendoza', 'Nakamura', 'Okafor', 'Petrov', 'Quintero', 'Rahman', 'Sullivan', 'Tan', 'Ueda', 'Vargas', 'Whitaker', 'Yilmaz', 'Zhou'];

/** A made-up but stable rep name for position `i`. */
export function repName(i: number): string {
  return `${FIRST[i % FIRST.length]} ${LAST[(i * 7 + Math.floor(i / FIRST.length)) % LAST.length]}`;
}
