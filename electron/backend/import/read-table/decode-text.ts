/**
 * Turning the bytes of a text file into text: the encoding comes from the byte-order
 * mark, else UTF-8 when the start of the file is valid UTF-8, else windows-1252 (what
 * Excel writes on Windows when a sheet is saved as plain CSV).
 */

/** How much of the file's start is checked for valid UTF-8. */
const SNIFF_BYTES = 64 * 1024;
/**
 * Bytes decoded at a time. Node's streaming TextDecoder returns a two-byte external
 * string for inputs of about 1 MB and more, which makes every field sliced from it
 * twice as large and slower to scan; smaller pieces come back as compact strings.
 */
const PIECE_BYTES = 256 * 1024;

export interface SniffedEncoding {
  /** A WHATWG encoding label TextDecoder understands: 'utf-8', 'utf-16le', 'utf-16be' or 'windows-1252'. */
  encoding: string;
  /** Whether the bytes start with a byte-order mark (which decoding drops). */
  bom: boolean;
}

/**
 * Guesses the encoding of a text file from its first bytes.
 *
 * @param head the first bytes of the file (64 KiB or the whole file, whichever is smaller)
 * @param complete whether `head` is the whole file (so a cut multi-byte character at its
 *   end is an error rather than the sample's edge)
 */
export function sniffEncoding(head: Uint8Array, complete: boolean): SniffedEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: true };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  const sample = head.subarray(0, SNIFF_BYTES);
  try {
    // In stream mode a multi-byte sequence cut at the sample's end is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: !complete || sample.length < head.length });
    return { encoding: 'utf-8', bom: false };
  } catch {
    return { encoding: 'windows-1252', bom: false };
  }
}

/**
 * Makes a TextDecoder for an encoding label, or throws a plain Error naming the label.
 * A byte-order mark of the decoder's own encoding is dropped.
 */
export function makeDecoder(encoding: string): TextDecoder {
  try {
    return new TextDecoder(encoding);
  } catch {
    throw new Error(`Unknown text encoding "${encoding}".`);
  }
}

export interface DecodedText {
  /** The encoding used (TextDecoder's canonical name, e.g. 'utf-8', 'windows-1252'). */
  encoding: string;
  /** The text, chunk by chunk; a character split across byte chunks comes out whole. */
  chunks: AsyncGenerator<string, void, undefined>;
}

/**
 * Decodes a byte stream into text chunks. The first 64 KiB are read before this
 * resolves, to pick the encoding (unless `encoding` is given).
 *
 * @param source the bytes, e.g. a file read stream
 * @param encoding an encoding label to use instead of guessing
 */
export async function decodeText(source: AsyncIterable<Uint8Array>, encoding?: string): Promise<DecodedText> {
  const iterator = source[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let headBytes = 0;
  let done = false;
  while (headBytes < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
    headBytes += next.value.length;
  }
  const first = head.length === 1 ? head[0]! : Buffer.concat(head);
  const decoder = makeDecoder(encoding ?? sniffEncoding(first, done).encoding);
  async function* chunks(): AsyncGenerator<string, void, undefined> {
    yield* decodePieces(decoder, first);
    if (!done) {
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield* decodePieces(decoder, next.value);
    }
    const rest = decoder.decode();
    if (rest.length > 0) yield rest;
  }
  return { encoding: decoder.encoding, chunks: chunks() };
}

/** Decodes `bytes` in pieces of at most PIECE_BYTES, skipping empty results. */
function* decodePieces(decoder: TextDecoder, bytes: Uint8Array): Generator<string, void, undefined> {
  for (let i = 0; i < bytes.length; i += PIECE_BYTES) {
    const text = decoder.decode(bytes.subarray(i, i + PIECE_BYTES), { stream: true });
    if (text.length > 0) yield text;
  }
}
