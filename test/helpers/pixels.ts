import { PNG } from 'pngjs';

/**
 * Share of pixels in a PNG that are clearly coloured (max−min channel spread above
 * `spread`): territory fills are saturated, while land, water, borders and text are not.
 */
export function saturatedShare(png: Buffer, spread = 60): number {
  const image = PNG.sync.read(png);
  let count = 0;
  const n = image.width * image.height;
  for (let i = 0; i < n; i++) {
    const r = image.data[4 * i]!;
    const g = image.data[4 * i + 1]!;
    const b = image.data[4 * i + 2]!;
    if (Math.max(r, g, b) - Math.min(r, g, b) > spread) count++;
  }
  return count / n;
}
