import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { crc32, dpiToPixelsPerMetre, physChunk, withPngDpi } from './png-dpi';

function samplePng(width = 3, height = 2): Uint8Array {
  const png = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) png.data.set([i * 40, 255 - i * 30, 7, 255], i * 4);
  const buffer = PNG.sync.write(png);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

function chunks(bytes: Uint8Array): { type: string; data: Uint8Array; crc: number }[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: { type: string; data: Uint8Array; crc: number }[] = [];
  for (let at = 8; at < bytes.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    out.push({ type, data: bytes.slice(at + 8, at + 8 + length), crc: view.getUint32(at + 8 + length) });
    at += 12 + length;
  }
  return out;
}

describe('crc32', () => {
  it('matches the reference check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    // The CRC of a bare IEND chunk type, as found in every PNG.
    expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082);
  });
});

describe('withPngDpi', () => {
  it('inserts a pHYs chunk after IHDR that decoders accept', () => {
    const original = samplePng();
    const stamped = withPngDpi(original, 300);
    expect(stamped.length).toBe(original.length + 21);
    const list = chunks(stamped);
    expect(list.map((c) => c.type).slice(0, 2)).toEqual(['IHDR', 'pHYs']);
    const phys = list[1]!;
    expect(Array.from(phys.data)).toEqual([0, 0, 0x2e, 0x23, 0, 0, 0x2e, 0x23, 1]); // 11811 px/m twice, unit metre
    expect(dpiToPixelsPerMetre(300)).toBe(11811);
    for (const c of list) {
      const typed = new Uint8Array(4 + c.data.length);
      typed.set(new TextEncoder().encode(c.type));
      typed.set(c.data, 4);
      expect(c.crc).toBe(crc32(typed));
    }
    const decoded = PNG.sync.read(Buffer.from(stamped));
    const plain = PNG.sync.read(Buffer.from(original));
    expect(decoded.width).toBe(3);
    expect(decoded.height).toBe(2);
    expect(Buffer.compare(decoded.data, plain.data)).toBe(0);
  });

  it('replaces an existing pHYs chunk wherever it sits', () => {
    const once = withPngDpi(samplePng(), 72);
    const twice = withPngDpi(once, 150);
    expect(twice.length).toBe(once.length);
    const list = chunks(twice);
    expect(list.filter((c) => c.type === 'pHYs')).toHaveLength(1);
    expect(list[1]!.type).toBe('pHYs');
    expect(new DataView(list[1]!.data.buffer).getUint32(0)).toBe(Math.round(150 / 0.0254));

    // A pHYs placed later (after another ancillary chunk) is removed too.
    const original = samplePng();
    const ihdrEnd = 8 + 25;
    const text = new Uint8Array([0, 0, 0, 0, 0x74, 0x45, 0x58, 0x74, 0, 0, 0, 0]);
    new DataView(text.buffer).setUint32(8, crc32(text, 4, 8));
    const late = new Uint8Array(original.length + text.length + 21);
    late.set(original.subarray(0, ihdrEnd));
    late.set(text, ihdrEnd);
    late.set(physChunk(96), ihdrEnd + text.length);
    late.set(original.subarray(ihdrEnd), ihdrEnd + text.length + 21);
    const fixed = withPngDpi(late, 600);
    expect(chunks(fixed).map((c) => c.type)).toEqual(['IHDR', 'pHYs', 'tEXt', ...chunks(original).slice(1).map((c) => c.type)]);
    expect(new DataView(chunks(fixed)[1]!.data.buffer).getUint32(4)).toBe(23622);
    expect(PNG.sync.read(Buffer.from(fixed)).width).toBe(3);
  });

  it('rejects bytes that are not a PNG', () => {
    expect(() => withPngDpi(new Uint8Array(40), 300)).toThrow();
    expect(() => withPngDpi(samplePng(), 0)).toThrow();
  });
});
