// The parts of an .xlsx zip, inflated one at a time and only when asked, under limits that hold while inflating:
// a part that declares a large size is refused before a byte is inflated, and one that declares a small size is
// stopped as soon as it yields more (zip-directory.ts). A zip bomb (6 MB that expands to 6 GB) is refused either way.
import { strFromU8 } from "fflate";
import { inflateEntry, readDirectory, type ZipEntry } from "./zip-directory";
import { FileFault, READ_REASON } from "./read-messages";

export interface ZipLimits {
  /** Largest inflated size of one part, in bytes. */
  part: number;
  /** Largest inflated size of all the parts read from one file. */
  total: number;
  /** Largest inflated/compressed ratio of a part larger than `ratioFrom` bytes. */
  ratio: number;
  ratioFrom: number;
}

// A department's workbook of 10,000 programs has 14 MB of XML, its largest sheet 1 MB; Excel's own limit (1,048,576
// rows) makes sheets of a few hundred MB possible. Sheet XML compresses 5-20× (its cell addresses all differ); a
// ratio of hundreds is one row repeated, and deflate's limit, about 1,000×, one repeated byte.
export const DEFAULT_ZIP_LIMITS: ZipLimits = { part: 256 * 1024 * 1024, total: 1024 * 1024 * 1024, ratio: 200, ratioFrom: 16 * 1024 * 1024 };

export class ZipParts {
  private inflated = 0;
  private readonly entries: Map<string, ZipEntry>;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  ) {
    // One pass over the central directory; no entry is inflated until it is asked for.
    this.entries = readDirectory(bytes);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** A part's text (UTF-8, or UTF-16 by its byte order mark), or undefined when the zip has no such part. */
  text(name: string): string | undefined {
    const bytes = this.part(name);
    return bytes === undefined ? undefined : decodeXmlBytes(bytes);
  }

  private part(name: string): Uint8Array | undefined {
    const e = this.entries.get(name);
    if (e === undefined) return undefined;
    this.admit(e);
    return inflateEntry(this.bytes, e);
  }

  private admit(f: ZipEntry): void {
    const { part, total, ratio, ratioFrom } = this.limits;
    const refuse = (size: number, limit: number): FileFault => new FileFault(READ_REASON.tooLarge(f.name, size, limit));
    if (f.size > part) throw refuse(f.size, part);
    if (this.inflated + f.size > total) throw refuse(this.inflated + f.size, total);
    if (f.size > ratioFrom && f.size > ratio * Math.max(1, f.compressedSize)) throw refuse(f.size, ratio * Math.max(1, f.compressedSize));
    this.inflated += f.size;
  }
}

/**
 * XML bytes as text: UTF-8 (with or without its mark), or UTF-16 when the part starts with that mark, which XML
 * parsers must read and Excel does. fflate's decoder for UTF-8 (TextDecoder where the host has one, its own in jsdom).
 */
export function decodeXmlBytes(bytes: Uint8Array): string {
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes[0] === 0xfe && bytes[1] === 0xff;
  if (!le && !be) return strFromU8(bytes);
  const parts: string[] = [];
  const units: number[] = [];
  for (let i = 2; i + 1 < bytes.length; i += 2) {
    units.push(le ? bytes[i] | (bytes[i + 1] << 8) : (bytes[i] << 8) | bytes[i + 1]);
    // fromCharCode over a bounded run: spreading a whole part would overflow the stack.
    if (units.length === 8192) parts.push(String.fromCharCode(...units.splice(0)));
  }
  parts.push(String.fromCharCode(...units));
  return parts.join("");
}
