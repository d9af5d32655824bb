export type Rgba = [number, number, number, number];

/** `#rrggbb` → [r, g, b, alpha]. */
export function hexToRgba(hex: string, alpha = 255): Rgba {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, alpha];
}

export const UNASSIGNED_FILL: Rgba = [200, 200, 200, 90];
