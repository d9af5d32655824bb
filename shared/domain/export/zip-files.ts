/** Several export files in one ZIP archive. */
import { zipSync } from 'fflate';

/**
 * A ZIP archive (deflate) holding `files` under their names, in the given order, stamped
 * with the current time.
 * @example zipFiles(boundariesShapefile(features, { baseName: 'territories' }).files)
 */
export function zipFiles(files: Record<string, Uint8Array>): Uint8Array {
  return zipSync(files, { level: 6 });
}
