/**
 * Stamps a PNG with its print resolution: a `pHYs` chunk (pixels per metre, unit = metre)
 * right after IHDR, replacing any `pHYs` already present. Pure byte work, so it runs in
 * the renderer and in Node alike (no Buffer).
 */

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

let crcTable: Uint32Array | null = null;

function table(): Uint32Array {
  if (crcTable) return crcTable;
  crcTable = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crcTable[n] = c >>> 0;
  }
  return crcTable;
}

/** CRC-32 (ISO 3309 / PNG) of `bytes[start, end)`. */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  const t = table();
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = t[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function readU32(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
}

function writeU32(bytes: Uint8Array, at: number, value: number): void {
  bytes[at] = (value >>> 24) & 0xff;
  bytes[at + 1] = (value >>> 16) & 0xff;
  bytes[at + 2] = (value >>> 8) & 0xff;
  bytes[at + 3] = value & 0xff;
}

function chunkType(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(bytes[at + 4]!, bytes[at + 5]!, bytes[at + 6]!, bytes[at + 7]!);
}

/** Pixels per metre for a resolution in dots per inch. */
export function dpiToPixelsPerMetre(dpi: number): number {
  return Math.round(dpi / 0.0254);
}

/** The 21-byte `pHYs` chunk (length, type, data, CRC) for `dpi` in both directions. */
export function physChunk(dpi: number): Uint8Array {
  const ppm = dpiToPixelsPerMetre(dpi);
  const chunk = new Uint8Array(21);
  writeU32(chunk, 0, 9);
  chunk.set([0x70, 0x48, 0x59, 0x73], 4); // "pHYs"
  writeU32(chunk, 8, ppm);
  writeU32(chunk, 12, ppm);
  chunk[16] = 1; // unit: metre
  writeU32(chunk, 17, crc32(chunk, 4, 17));
  return chunk;
}

/**
 * A copy of `png` whose `pHYs` chunk says `dpi` (inserted after IHDR, or replacing the
 * existing one). Throws on bytes that are not a PNG.
 */
export function withPngDpi(png: Uint8Array, dpi: number): Uint8Array {
  if (!(dpi > 0) || !Number.isFinite(dpi)) throw new RangeError(`Invalid dpi: ${dpi}`);
  if (png.length < 8 + 25 || SIGNATURE.some((b, i) => png[i] !== b)) throw new Error('Not a PNG file');
  if (chunkType(png, 8) !== 'IHDR') throw new Error('PNG without IHDR as its first chunk');
  const ihdrEnd = 8 + 12 + readU32(png, 8);
  // Chunks to keep: every chunk except pHYs.
  const keep: [number, number][] = [];
  let removed = 0;
  let at = ihdrEnd;
  while (at + 12 <= png.length) {
    const length = readU32(png, at);
    const end = at + 12 + length;
    if (end > png.length) throw new Error('Truncated PNG chunk');
    const type = chunkType(png, at);
    if (type === 'pHYs') removed += end - at;
    else keep.push([at, end]);
    at = end;
    if (type === 'IEND') break;
  }
  const phys = physChunk(dpi);
  const tail = png.length - at; // bytes after IEND (unusual, kept as is)
  const out = new Uint8Array(png.length - removed + phys.length);
  out.set(png.subarray(0, ihdrEnd), 0);
  out.set(phys, ihdrEnd);
  let o = ihdrEnd + phys.length;
  for (const [s, e] of keep) {
    out.set(png.subarray(s, e), o);
    o += e - s;
  }
  if (tail > 0) out.set(png.subarray(at), o);
  return out;
}
