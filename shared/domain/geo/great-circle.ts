/** Mean Earth radius (IUGG), km: the sphere every distance in Tessera is measured on. */
export const EARTH_RADIUS_KM = 6371.0088;

/**
 * Great-circle distance in km between two points given in degrees (haversine formula).
 * @example greatCircleKm(40.7128, -74.006, 34.0522, -118.2437) // ≈ 3936
 */
export function greatCircleKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const toRad = Math.PI / 180;
  const dLat = (lat2 - lat1) * toRad;
  const dLon = (lon2 - lon1) * toRad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * toRad) * Math.cos(lat2 * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}
