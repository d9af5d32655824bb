import { describe, expect, it } from 'vitest';
import { decodeText, sniffEncoding } from './decode-text';

async function decodeAll(bytes: Uint8Array, chunkSize = bytes.length, encoding?: string): Promise<{ encoding: string; text: string }> {
  async function* source(): AsyncGenerator<Uint8Array> {
    for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
  }
  const decoded = await decodeText(source(), encoding);
  let text = '';
  for await (const chunk of decoded.chunks) text += chunk;
  return { encoding: decoded.encoding, text };
}

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const le = Buffer.from('\ufeff' + text, 'utf16le');
  return bigEndian ? Buffer.from(le).swap16() : le;
}

describe('sniffEncoding', () => {
  it('recognises byte-order marks', () => {
    expect(sniffEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), true)).toEqual({ encoding: 'utf-8', bom: true });
    expect(sniffEncoding(new Uint8Array([0xff, 0xfe, 0x61, 0]), true)).toEqual({ encoding: 'utf-16le', bom: true });
    expect(sniffEncoding(new Uint8Array([0xfe, 0xff, 0, 0x61]), true)).toEqual({ encoding: 'utf-16be', bom: true });
  });

  it('takes valid UTF-8 as UTF-8, even with a character cut at the sample end', () => {
    const bytes = Buffer.from('a'.repeat(65535) + 'ü' + 'b');
    expect(sniffEncoding(bytes, false).encoding).toBe('utf-8');
    // ...but a cut character at the end of the whole file is invalid.
    expect(sniffEncoding(Buffer.from([0x61, 0xc3]), true).encoding).toBe('windows-1252');
  });

  it('falls back to windows-1252 for bytes that are not UTF-8', () => {
    expect(sniffEncoding(Buffer.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]), true).encoding).toBe('windows-1252');
  });
});

describe('decodeText', () => {
  it('decodes UTF-8 with and without a BOM, characters split across chunks', async () => {
    const text = 'id,name\n1,Müller — 東京 😀\n';
    const plain = Buffer.from(text);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), plain]);
    for (const size of [1, 2, 3, 5, 1000]) {
      expect(await decodeAll(plain, size)).toEqual({ encoding: 'utf-8', text });
      expect(await decodeAll(bom, size)).toEqual({ encoding: 'utf-8', text });
    }
  });

  it('decodes large chunks whose characters straddle internal piece boundaries', async () => {
    const text = 'x' + 'ü€😀'.repeat(70_000);
    expect(await decodeAll(Buffer.from(text))).toEqual({ encoding: 'utf-8', text });
    expect(await decodeAll(Buffer.from('\ufeff' + text, 'utf16le'), 333_333)).toEqual({ encoding: 'utf-16le', text });
  });

  it('decodes UTF-16 LE and BE with a BOM', async () => {
    const text = 'id;name\r\n1;Zoë 😀\r\n';
    for (const size of [1, 3, 1000]) {
      expect(await decodeAll(utf16(text, false), size)).toEqual({ encoding: 'utf-16le', text });
      expect(await decodeAll(utf16(text, true), size)).toEqual({ encoding: 'utf-16be', text });
    }
  });

  it('decodes windows-1252 bytes', async () => {
    const bytes = Buffer.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x3b, 0x80, 0x0a]); // Müller;€
    expect(await decodeAll(bytes, 2)).toEqual({ encoding: 'windows-1252', text: 'Müller;€\n' });
  });

  it('uses a given encoding and rejects an unknown one', async () => {
    expect((await decodeAll(Buffer.from('abc'), 3, 'latin1')).encoding).toBe('windows-1252');
    await expect(decodeAll(Buffer.from('abc'), 3, 'klingon')).rejects.toThrow(/Unknown text encoding/);
  });

  it('decodes an empty stream to nothing', async () => {
    expect(await decodeAll(new Uint8Array(0), 1)).toEqual({ encoding: 'utf-8', text: '' });
  });
});
