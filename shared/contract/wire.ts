/**
 * Binary framing for contract messages over HTTP and WebSocket. Plain data goes as
 * JSON; typed arrays (bulk per-cell data) go as raw bytes after it, so 10^5–10^6 values
 * cost no JSON parsing. Layout (little-endian):
 *
 *   u32 jsonByteLength | JSON (UTF-8) | zero padding to 8 | binary section
 *
 * In the JSON a typed array is replaced by `{"$typed": kind, "offset": o, "length": n}`
 * where `offset` is a byte offset into the binary section (a multiple of 8).
 */
const KINDS = {
  Int8Array,
  Uint8Array,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
} as const;

type Kind = keyof typeof KINDS;
type AnyTypedArray = InstanceType<(typeof KINDS)[Kind]>;

const MARK = '$typed';

function kindOf(value: unknown): Kind | null {
  if (!ArrayBuffer.isView(value) || value instanceof DataView) return null;
  const name = value.constructor.name;
  return name in KINDS ? (name as Kind) : null;
}

const pad8 = (n: number) => (n + 7) & ~7;

/** Encodes a value (plain data plus typed arrays) into one byte buffer. */
export function encodeWire(value: unknown): Uint8Array {
  const arrays: AnyTypedArray[] = [];
  let binaryLength = 0;
  const json = JSON.stringify(value === undefined ? null : value, function (this: unknown, _key, v: unknown) {
    const kind = kindOf(v);
    if (!kind) return v;
    const array = v as AnyTypedArray;
    const offset = binaryLength;
    arrays.push(array);
    binaryLength = pad8(binaryLength + array.byteLength);
    return { [MARK]: kind, offset, length: array.length };
  });
  const jsonBytes = new TextEncoder().encode(json);
  const binaryStart = pad8(4 + jsonBytes.byteLength);
  const out = new Uint8Array(binaryStart + binaryLength);
  new DataView(out.buffer).setUint32(0, jsonBytes.byteLength, true);
  out.set(jsonBytes, 4);
  let offset = binaryStart;
  for (const array of arrays) {
    out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), offset);
    offset = binaryStart + pad8(offset - binaryStart + array.byteLength);
  }
  return out;
}

/**
 * Decodes `encodeWire` output. Typed arrays come back as views on an 8-byte-aligned copy.
 * @throws Error when the bytes are not a well-formed message.
 */
export function decodeWire(input: Uint8Array): unknown {
  const bytes = input.byteOffset % 8 === 0 ? input : input.slice();
  if (bytes.byteLength < 4) throw new Error('Malformed message: shorter than its header.');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const jsonLength = view.getUint32(0, true);
  if (4 + jsonLength > bytes.byteLength) throw new Error('Malformed message: JSON length exceeds the message.');
  const json = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(4, 4 + jsonLength));
  const binaryStart = pad8(4 + jsonLength);
  return JSON.parse(json, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || !(MARK in v)) return v;
    const { [MARK]: kind, offset, length } = v as { [MARK]: string; offset: number; length: number };
    if (!(kind in KINDS)) throw new Error(`Malformed message: unknown typed array kind ${kind}.`);
    const Ctor = KINDS[kind as Kind];
    const start = bytes.byteOffset + binaryStart + offset;
    if (!Number.isInteger(offset) || offset % 8 !== 0 || !Number.isInteger(length) || length < 0) {
      throw new Error('Malformed message: bad typed array reference.');
    }
    if (binaryStart + offset + length * Ctor.BYTES_PER_ELEMENT > bytes.byteLength) {
      throw new Error('Malformed message: typed array runs past the end.');
    }
    return new Ctor(bytes.buffer as ArrayBuffer, start, length);
  });
}
