import { describe, expect, it } from 'vitest';
import { decodeWire, encodeWire } from './wire';

describe('encodeWire / decodeWire', () => {
  it('round-trips plain data and typed arrays of every kind, aligned', () => {
    const value = {
      name: 'Zürich — 東京',
      nested: [{ a: 1, b: null, c: [true, false] }],
      i32: Int32Array.from([-1, 0, 2147483647]),
      u8: Uint8Array.from([1, 2, 3]),
      f32: Float32Array.from([0.5, -2.25]),
      f64: Float64Array.from([Math.PI, -0, 1e300]),
      u32: Uint32Array.from([4294967295]),
      empty: new Float64Array(0),
      sub: new Int16Array(Int16Array.from([9, 8, 7, 6]).buffer, 2, 2),
    };
    const decoded = decodeWire(encodeWire(value)) as typeof value;
    expect(decoded).toEqual(value);
    expect(decoded.f64).toBeInstanceOf(Float64Array);
    expect(Array.from(decoded.sub)).toEqual([8, 7]);
  });

  it('decodes from an unaligned view of the bytes', () => {
    const bytes = encodeWire({ x: Float64Array.from([1, 2, 3]) });
    const shifted = new Uint8Array(bytes.byteLength + 3);
    shifted.set(bytes, 3);
    expect(decodeWire(shifted.subarray(3))).toEqual({ x: Float64Array.from([1, 2, 3]) });
  });

  it('rejects malformed messages', () => {
    expect(() => decodeWire(new Uint8Array(2))).toThrow(/header/);
    const bytes = encodeWire({ x: Int32Array.from([1, 2]) });
    expect(() => decodeWire(bytes.subarray(0, bytes.byteLength - 4))).toThrow(/past the end/);
    const lying = new Uint8Array(8);
    new DataView(lying.buffer).setUint32(0, 100, true);
    expect(() => decodeWire(lying)).toThrow(/exceeds/);
  });
});
