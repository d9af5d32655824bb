import type { Rng } from '../random/create-rng';

/** A populated place (from GeoNames). */
export interface Place {
  name: string;
  /** State / province code, e.g. `CO`. */
  region: string;
  lat: number;
  lon: number;
  population: number;
}

export interface SampledAccount {
  id: string;
  name: string;
  lat: number;
  lon: number;
  revenuePotential: number;
  workload: number;
  segment: string;
  industry: string;
  city: string;
}

const INDUSTRIES = ['Medical', 'Dental', 'Hardware', 'Foods', 'Logistics', 'Auto', 'Pharmacy', 'Builders', 'Electric', 'Office', 'Farm', 'Labs'];
const SUFFIXES = ['Co.', 'Inc.', 'LLC', 'Group', 'Partners', 'Supply', 'Services', 'Distributors'];

/**
 * Samples accounts from places in proportion to population, jittered around each place
 * (σ grows with the place's size, ≈1–7 km). Revenue potential is lognormal (median
 * ≈ 40k USD) with 1 % key accounts at ×20; workload (visits a year) is Poisson with a
 * mean that grows with potential. Deterministic for a given `rng` state.
 *
 * @param accept returns false for a location that must not be used (e.g. in the sea);
 *   the sampler retries the jitter a few times and falls back to the place itself
 * @throws RangeError when no place has a positive population
 */
export function sampleAccounts(places: readonly Place[], count: number, rng: Rng, accept: (lat: number, lon: number) => boolean): SampledAccount[] {
  const cumulative = new Float64Array(places.length);
  let total = 0;
  places.forEach((p, i) => {
    total += Math.max(0, p.population);
    cumulative[i] = total;
  });
  if (!(total > 0)) throw new RangeError('No place has a positive population to sample from.');
  const out: SampledAccount[] = [];
  const width = String(count).length + 1;
  for (let i = 0; i < count; i++) {
    const place = places[lowerBound(cumulative, rng.next() * total)]!;
    const sigmaKm = 0.7 + 1.5 * Math.log10(Math.max(1000, place.population) / 1000);
    let lat = place.lat;
    let lon = place.lon;
    for (let attempt = 0; attempt < 6; attempt++) {
      const la = place.lat + (rng.normal() * sigmaKm) / 111.2;
      const lo = place.lon + (rng.normal() * sigmaKm) / (111.2 * Math.cos((place.lat * Math.PI) / 180));
      if (accept(la, lo)) {
        lat = la;
        lon = lo;
        break;
      }
    }
    let revenue = Math.exp(Math.log(40_000) + 1.0 * rng.normal());
    if (rng.next() < 0.01) revenue *= 20;
    const industry = INDUSTRIES[rng.int(INDUSTRIES.length)]!;
    const suffix = SUFFIXES[rng.int(SUFFIXES.length)]!;
    out.push({
      id: `A${String(i + 1).padStart(width, '0')}`,
      name: `${place.name} ${industry} ${suffix}`,
      lat: round6(lat),
      lon: round6(lon),
      revenuePotential: Math.round(revenue),
      workload: 1 + rng.poisson(Math.min(40, 4 + 6 * Math.sqrt(revenue / 40_000))),
      segment: revenue >= 250_000 ? 'Enterprise' : revenue >= 60_000 ? 'Mid-market' : 'Small business',
      industry,
      city: `${place.name}, ${place.region}`,
    });
  }
  return out;
}

function lowerBound(cumulative: Float64Array, value: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! > value) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
