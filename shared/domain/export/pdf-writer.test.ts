import { zlibSync } from 'fflate';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { pdfDate, pdfTextString, writePdf, type PdfImage, type PdfPage } from './pdf-writer';

const A4_LANDSCAPE = { widthPt: 841.89, heightPt: 595.28 };
const TITLE = 'Territoires — Nord 北部 (v2) 🗺';
const CREATED = new Date(Date.UTC(2024, 4, 1, 12, 30, 5));

/** A small RGB gradient, deflated as PDF FlateDecode wants it. */
function rgbImage(width: number, height: number): PdfImage {
  const samples = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      samples[i] = (x * 255) / (width - 1);
      samples[i + 1] = (y * 255) / (height - 1);
      samples[i + 2] = 128;
    }
  }
  return { width, height, data: zlibSync(samples), filter: 'FlateDecode' };
}

/**
 * An 8×8 mid-grey baseline JPEG, built by hand: three components without subsampling,
 * one quantisation table, and Huffman tables of a single one-bit code each (DC size 0,
 * AC end-of-block), so each block's scan data is two zero bits.
 */
function tinyJpeg(): PdfImage {
  const segment = (marker: number, body: number[]): number[] => [0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body];
  const huffman = (tableClass: number): number[] => [(tableClass << 4) | 0, 1, ...new Array<number>(15).fill(0), 0];
  const bytes = [
    0xff,
    0xd8,
    ...segment(0xdb, [0, ...new Array<number>(64).fill(1)]),
    ...segment(0xc0, [8, 0, 8, 0, 8, 3, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0]),
    ...segment(0xc4, huffman(0)),
    ...segment(0xc4, huffman(1)),
    ...segment(0xda, [3, 1, 0x00, 2, 0x00, 3, 0x00, 0, 63, 0]),
    0b00000011,
    0xff,
    0xd9,
  ];
  return { width: 8, height: 8, data: new Uint8Array(bytes), filter: 'DCTDecode' };
}

function latin1(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return text;
}

async function open(bytes: Uint8Array) {
  // pdf.js may transfer (detach) the buffer it is given: hand it a copy.
  return getDocument({ data: bytes.slice(), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
}

function twoPages(): PdfPage[] {
  return [
    { ...A4_LANDSCAPE, image: rgbImage(64, 45) },
    { ...A4_LANDSCAPE, image: tinyJpeg() },
  ];
}

describe('writePdf', () => {
  it('opens in pdf.js with its pages, sizes, metadata and images', async () => {
    const bytes = writePdf(twoPages(), { title: TITLE, author: 'Tessera (test) \\ 1', subject: 'Plan', creator: 'Tessera', created: CREATED });
    const doc = await open(bytes);
    try {
      expect(doc.numPages).toBe(2);
      for (const [n, size] of [[1, [64, 45]], [2, [8, 8]]] as const) {
        const page = await doc.getPage(n);
        expect(page.view).toEqual([0, 0, 841.89, 595.28]);
        const ops = await page.getOperatorList();
        const paint = ops.fnArray.indexOf(OPS.paintImageXObject);
        expect(paint, `page ${n}`).toBeGreaterThanOrEqual(0);
        // Arguments: object id, width, height.
        expect((ops.argsArray[paint] as unknown[]).slice(1, 3)).toEqual(size);
        expect(ops.fnArray).toContain(OPS.transform);
      }
      const info = (await doc.getMetadata()).info as Record<string, unknown>;
      expect(info.Title).toBe(TITLE);
      expect(info.Author).toBe('Tessera (test) \\ 1');
      expect(info.Subject).toBe('Plan');
      expect(info.Creator).toBe('Tessera');
      expect(info.CreationDate).toBe("D:20240501123005+00'00'");
      expect(info.PDFFormatVersion).toBe('1.4');
    } finally {
      await doc.destroy();
    }
  });

  it('writes a binary header comment and an exact cross-reference table', () => {
    const bytes = writePdf(twoPages(), { title: 'Plain', created: CREATED });
    const text = latin1(bytes);
    expect(text.startsWith('%PDF-1.4\n%')).toBe(true);
    expect([...bytes.subarray(10, 14)].every((b) => b > 127)).toBe(true);
    const tail = /startxref\n(\d+)\n%%EOF\n$/.exec(text);
    expect(tail).not.toBeNull();
    const xref = Number(tail?.[1]);
    const table = /^xref\n0 (\d+)\n/.exec(text.slice(xref));
    expect(table).not.toBeNull();
    const size = Number(table?.[1]);
    expect(size).toBe(1 + 3 + 2 * 3);
    const start = xref + (table?.[0].length ?? 0);
    expect(text.slice(start, start + 20)).toBe('0000000000 65535 f\r\n');
    for (let n = 1; n < size; n++) {
      const entry = text.slice(start + n * 20, start + (n + 1) * 20);
      expect(entry).toMatch(/^\d{10} 00000 n\r\n$/);
      const offset = Number(entry.slice(0, 10));
      expect(text.startsWith(`${n} 0 obj\n`, offset), `object ${n} at ${offset}`).toBe(true);
    }
    expect(text.slice(start + size * 20)).toMatch(/^trailer\n<< \/Size 10 \/Root 1 0 R \/Info 3 0 R \/ID \[<([0-9A-F]{32})> <\1>\] >>\n/);
  });

  it('is deterministic, and the id follows the content', () => {
    const info = { title: 'Same', created: CREATED };
    const id = (bytes: Uint8Array): string => /\/ID \[<([0-9A-F]+)>/.exec(latin1(bytes))?.[1] ?? '';
    const a = writePdf(twoPages(), info);
    expect(writePdf(twoPages(), info)).toEqual(a);
    expect(id(writePdf(twoPages(), { ...info, title: 'Other' }))).not.toBe(id(a));
  });

  it('rejects bad input', () => {
    const info = { title: 'x', created: CREATED };
    const image = rgbImage(4, 4);
    expect(() => writePdf([], info)).toThrow(/at least one page/);
    expect(() => writePdf([{ widthPt: 0, heightPt: 10, image }], info)).toThrow(/page width/);
    expect(() => writePdf([{ ...A4_LANDSCAPE, image: { ...image, width: 4.5 } }], info)).toThrow(/whole number/);
    expect(() => writePdf([{ ...A4_LANDSCAPE, image: { ...image, data: image.data.subarray(2) } }], info)).toThrow(/zlib/);
    expect(() => writePdf([{ ...A4_LANDSCAPE, image: { ...tinyJpeg(), width: 9 } }], info)).toThrow(/8×8, not 9×8/);
    expect(() => writePdf([{ ...A4_LANDSCAPE, image: { width: 8, height: 8, data: new Uint8Array([1, 2, 3]), filter: 'DCTDecode' } }], info)).toThrow(/not a readable JPEG/);
    expect(() => writePdf([{ ...A4_LANDSCAPE, image }], { title: 'x', created: new Date(Number.NaN) })).toThrow(/date/);
  });
});

describe('pdfTextString', () => {
  it('escapes ASCII literals and writes other text as UTF-16BE hex with a BOM', () => {
    expect(pdfTextString('a(b)\\c')).toBe('(a\\(b\\)\\\\c)');
    expect(pdfTextString('é')).toBe('<FEFF00E9>');
    expect(pdfTextString('🗺')).toBe('<FEFFD83DDDFA>');
    expect(pdfTextString('a\nb')).toBe('<FEFF0061000A0062>');
    expect(pdfTextString('\ud800')).toBe('<FEFFFFFD>');
  });
});

describe('pdfDate', () => {
  it('writes UTC', () => {
    expect(pdfDate(new Date(Date.UTC(2024, 0, 2, 3, 4, 5)))).toBe("D:20240102030405+00'00'");
  });
});
