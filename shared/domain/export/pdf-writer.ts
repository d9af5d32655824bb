/**
 * A minimal PDF 1.4 writer for raster pages: each page is one image (already
 * compressed by the caller) drawn over the whole page. Pure: no I/O, no Node-only APIs,
 * so it runs in the browser too.
 */

/** An image already compressed for PDF: deflated 8-bit RGB samples, or a baseline JPEG file. */
export type PdfImage =
  | {
      width: number;
      height: number;
      /** 8-bit RGB samples, row by row, deflated as a zlib (RFC 1950) stream: PDF FlateDecode. */
      data: Uint8Array;
      filter: 'FlateDecode';
    }
  | {
      width: number;
      height: number;
      /** A baseline JPEG file (grey, RGB/YCbCr or CMYK). */
      data: Uint8Array;
      filter: 'DCTDecode';
    };

/** One page, in points (1/72 inch); the image is stretched to fill it. */
export interface PdfPage {
  widthPt: number;
  heightPt: number;
  image: PdfImage;
}

/** The document information dictionary. */
export interface PdfInfo {
  title: string;
  author?: string;
  subject?: string;
  creator?: string;
  created: Date;
}

/** Byte chunks with their running length, so object offsets are known as they are added. */
class PdfSink {
  readonly chunks: Uint8Array[] = [];
  length = 0;
  private readonly encoder = new TextEncoder();

  /** Appends ASCII text. */
  text(text: string): void {
    this.bytes(this.encoder.encode(text));
  }

  bytes(bytes: Uint8Array): void {
    this.chunks.push(bytes);
    this.length += bytes.length;
  }

  join(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }
}

const CATALOG = 1;
const PAGES = 2;
const INFO = 3;
/** Objects per page: the page, its content stream, its image. */
const PER_PAGE = 3;

/**
 * Writes a PDF with one full-page image per page.
 *
 * @param pages at least one
 * @throws Error when there are no pages, a page size is not a positive number, an image
 *   size is not a positive integer, FlateDecode data lacks a zlib header, or a JPEG is
 *   unreadable or its size differs from the one given
 */
export function writePdf(pages: readonly PdfPage[], info: PdfInfo): Uint8Array {
  if (pages.length === 0) throw new Error('writePdf needs at least one page.');
  const size = 1 + INFO + pages.length * PER_PAGE;
  const offsets: number[] = new Array<number>(size).fill(0);
  const out = new PdfSink();
  out.text('%PDF-1.4\n');
  // A comment with bytes above 127 marks the file as binary for transfer tools.
  out.bytes(new Uint8Array([0x25, 0xe2, 0xe3, 0xcf, 0xd3, 0x0a]));

  const object = (n: number, body: string): void => {
    offsets[n] = out.length;
    out.text(`${n} 0 obj\n${body}\nendobj\n`);
  };
  const stream = (n: number, dict: string, data: Uint8Array): void => {
    offsets[n] = out.length;
    out.text(`${n} 0 obj\n<< ${dict === '' ? '' : `${dict} `}/Length ${data.length} >>\nstream\n`);
    out.bytes(data);
    out.text('\nendstream\nendobj\n');
  };

  const kids = pages.map((_, i) => `${pageObject(i)} 0 R`).join(' ');
  object(CATALOG, `<< /Type /Catalog /Pages ${PAGES} 0 R >>`);
  object(PAGES, `<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`);
  object(INFO, infoDictionary(info));
  pages.forEach((page, i) => {
    const w = pdfNumber(page.widthPt, 'page width');
    const h = pdfNumber(page.heightPt, 'page height');
    const n = pageObject(i);
    object(
      n,
      `<< /Type /Page /Parent ${PAGES} 0 R /MediaBox [0 0 ${w} ${h}] ` +
        `/Resources << /XObject << /Im1 ${n + 2} 0 R >> >> /Contents ${n + 1} 0 R >>`,
    );
    stream(n + 1, '', new TextEncoder().encode(`q\n${w} 0 0 ${h} 0 0 cm\n/Im1 Do\nQ\n`));
    stream(n + 2, imageDictionary(page.image, i + 1), page.image.data);
  });

  const id = fileId(out.chunks);
  const xref = out.length;
  const entries = ['0000000000 65535 f\r\n'];
  for (let n = 1; n < size; n++) entries.push(`${String(offsets[n]).padStart(10, '0')} 00000 n\r\n`);
  out.text(`xref\n0 ${size}\n${entries.join('')}`);
  out.text(`trailer\n<< /Size ${size} /Root ${CATALOG} 0 R /Info ${INFO} 0 R /ID [<${id}> <${id}>] >>\nstartxref\n${xref}\n%%EOF\n`);
  return out.join();
}

function pageObject(index: number): number {
  return INFO + 1 + index * PER_PAGE;
}

function infoDictionary(info: PdfInfo): string {
  const created = info.created;
  if (!Number.isFinite(created.getTime())) throw new Error('writePdf: the creation date is not a valid date.');
  const fields: string[] = [`/Title ${pdfTextString(info.title)}`];
  if (info.author !== undefined) fields.push(`/Author ${pdfTextString(info.author)}`);
  if (info.subject !== undefined) fields.push(`/Subject ${pdfTextString(info.subject)}`);
  if (info.creator !== undefined) fields.push(`/Creator ${pdfTextString(info.creator)}`);
  fields.push(`/CreationDate (${pdfDate(created)})`);
  return `<< ${fields.join(' ')} >>`;
}

/**
 * A PDF text string: a literal `(…)` with `\`, `(` and `)` escaped when the text is
 * printable ASCII, otherwise UTF-16BE with a byte order mark in hex (`<FEFF…>`).
 */
export function pdfTextString(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return `(${text.replace(/[\\()]/g, '\\$&')})`;
  const wellFormed = text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  let hex = 'FEFF';
  for (let i = 0; i < wellFormed.length; i++) hex += wellFormed.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return `<${hex}>`;
}

/** A date as a PDF date string in UTC: `D:YYYYMMDDHHmmSS+00'00'`. */
export function pdfDate(date: Date): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  return (
    `D:${String(date.getUTCFullYear()).padStart(4, '0')}${two(date.getUTCMonth() + 1)}${two(date.getUTCDate())}` +
    `${two(date.getUTCHours())}${two(date.getUTCMinutes())}${two(date.getUTCSeconds())}+00'00'`
  );
}

/** A positive size as a PDF real: at most 4 decimals, never an exponent. */
function pdfNumber(value: number, what: string): string {
  if (!Number.isFinite(value) || value <= 0) throw new Error(`writePdf: the ${what} must be a positive number of points, not ${value}.`);
  return value.toFixed(4).replace(/\.?0+$/, '');
}

function imageDictionary(image: PdfImage, page: number): string {
  const { width, height } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new Error(`writePdf: page ${page}'s image size ${width}×${height} is not a positive whole number of pixels.`);
  }
  const head = `/Type /XObject /Subtype /Image /Width ${width} /Height ${height} /BitsPerComponent 8`;
  if (image.filter === 'FlateDecode') {
    const [cmf = 0, flg = 0] = image.data;
    if ((cmf & 0x0f) !== 8 || ((cmf << 8) | flg) % 31 !== 0) {
      throw new Error(`writePdf: page ${page}'s image data is not a zlib stream (FlateDecode needs a zlib header, not raw deflate).`);
    }
    return `${head} /ColorSpace /DeviceRGB /Filter /FlateDecode`;
  }
  const jpeg = jpegFrame(image.data);
  if (jpeg === null) throw new Error(`writePdf: page ${page}'s image is not a readable JPEG file.`);
  if ((jpeg.height !== 0 && jpeg.height !== height) || jpeg.width !== width) {
    throw new Error(`writePdf: page ${page}'s JPEG is ${jpeg.width}×${jpeg.height}, not ${width}×${height}.`);
  }
  switch (jpeg.components) {
    case 1:
      return `${head} /ColorSpace /DeviceGray /Filter /DCTDecode`;
    case 3:
      return `${head} /ColorSpace /DeviceRGB /Filter /DCTDecode`;
    case 4:
      // Adobe's CMYK JPEGs store inverted samples.
      return `${head} /ColorSpace /DeviceCMYK${jpeg.adobe ? ' /Decode [1 0 1 0 1 0 1 0]' : ''} /Filter /DCTDecode`;
    default:
      throw new Error(`writePdf: page ${page}'s JPEG has ${jpeg.components} colour components.`);
  }
}

/** The frame header of a JPEG file (size and colour components), walking its marker segments. */
function jpegFrame(data: Uint8Array): { width: number; height: number; components: number; adobe: boolean } | null {
  if (data[0] !== 0xff || data[1] !== 0xd8) return null;
  let adobe = false;
  let i = 2;
  while (i + 3 < data.length) {
    if (data[i] !== 0xff) return null;
    const marker = data[i + 1] ?? 0;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    const length = ((data[i + 2] ?? 0) << 8) | (data[i + 3] ?? 0);
    if (length < 2) return null;
    if (marker === 0xee && String.fromCharCode(...data.subarray(i + 4, i + 9)) === 'Adobe') adobe = true;
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      if (i + 9 >= data.length) return null;
      const height = ((data[i + 5] ?? 0) << 8) | (data[i + 6] ?? 0);
      const width = ((data[i + 7] ?? 0) << 8) | (data[i + 8] ?? 0);
      return { width, height, components: data[i + 9] ?? 0, adobe };
    }
    if (marker === 0xda || marker === 0xd9) return null; // scan or end before any frame
    i += 2 + length;
  }
  return null;
}

/**
 * The file identifier: a 128-bit hash (four interleaved FNV-1a lanes, finalised with a
 * murmur mix) of everything written before the cross-reference table, as 32 hex digits.
 * Deterministic: the same document gives the same id.
 */
function fileId(chunks: readonly Uint8Array[]): string {
  const prime = 0x01000193;
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  let c = 0x9e3779b9;
  let d = 0x7f4a7c15;
  let total = 0;
  for (const chunk of chunks) {
    const n = chunk.length;
    let i = 0;
    for (; i + 4 <= n; i += 4) {
      a = Math.imul(a ^ (chunk[i] as number), prime);
      b = Math.imul(b ^ (chunk[i + 1] as number), prime);
      c = Math.imul(c ^ (chunk[i + 2] as number), prime);
      d = Math.imul(d ^ (chunk[i + 3] as number), prime);
    }
    for (; i < n; i++) a = Math.imul(a ^ (chunk[i] as number), prime);
    total += n;
  }
  const lanes = [a ^ total, b ^ Math.imul(a, 0x85ebca6b), c ^ Math.imul(b, 0xc2b2ae35), d ^ Math.imul(c, 0x27d4eb2f)];
  return lanes.map((lane) => (mix32(lane) >>> 0).toString(16).toUpperCase().padStart(8, '0')).join('');
}

/** MurmurHash3's 32-bit finaliser. */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
