// Zips built byte by byte, for the inputs no zip library writes: a deflate stream that expands a thousandfold, sizes
// in the headers that lie, an entry marked encrypted or compressed by a method .xlsx never uses.
import { crc32 } from "node:zlib";

export interface RawEntry {
  name: string;
  /** The bytes as stored: raw deflate when method is 8, the content itself when 0. */
  stored: Uint8Array;
  method?: number;
  /** The inflated size and CRC the headers declare; by default those of `stored` (right for method 0). */
  size?: number;
  crc?: number;
  /** General-purpose flags (bit 0: encrypted). */
  flags?: number;
}

/** A zip of the entries as given, with local headers, a central directory and its end record. */
export function rawZip(entries: RawEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const method = e.method ?? 0;
    const size = e.size ?? e.stored.length;
    const crc = e.crc ?? crc32(e.stored);
    const flags = (e.flags ?? 0) | 0x800; // UTF-8 names
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(e.stored.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(flags, 8);
    dir.writeUInt16LE(method, 10);
    dir.writeUInt32LE(crc >>> 0, 16);
    dir.writeUInt32LE(e.stored.length, 20);
    dir.writeUInt32LE(size >>> 0, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    parts.push(local, name, e.stored);
    central.push(dir, name);
    offset += local.length + name.length + e.stored.length;
  }
  const dirSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, end]);
}

/** Bits written least significant first, as deflate packs them. */
class Bits {
  private readonly out: number[] = [];
  private acc = 0;
  private n = 0;
  put(value: number, count: number): void {
    for (let i = 0; i < count; i++) {
      this.acc |= ((value >>> i) & 1) << this.n;
      if (++this.n === 8) {
        this.out.push(this.acc);
        this.acc = 0;
        this.n = 0;
      }
    }
  }
  /** A Huffman code, written from its most significant bit. */
  code(value: number, count: number): void {
    for (let i = count - 1; i >= 0; i--) this.put((value >>> i) & 1, 1);
  }
  bytes(): Uint8Array {
    return Uint8Array.from(this.n > 0 ? [...this.out, this.acc] : this.out);
  }
}

function literal(b: Bits, byte: number): void {
  // The fixed Huffman codes of RFC 1951 §3.2.6.
  if (byte < 144) b.code(0x30 + byte, 8);
  else b.code(0x190 + byte - 144, 9);
}

/**
 * Raw deflate of `head`, then its last byte repeated `repeat` times, then `tail`: one fixed-Huffman block whose
 * repeats are matches of length 258 at distance 1, 13 bits for 258 bytes, so a gigabyte fits in about 6 MB.
 */
export function deflateBomb(head: string, repeat: number, tail: string): { stored: Uint8Array; size: number } {
  const b = new Bits();
  b.put(1, 1); // the last block
  b.put(1, 2); // fixed Huffman codes
  const h = Buffer.from(head, "utf8");
  const t = Buffer.from(tail, "utf8");
  for (const byte of h) literal(b, byte);
  let left = repeat;
  while (left >= 258 + 3 || left === 258) {
    b.code(0xc5, 8); // length 258 (code 285)
    b.code(0, 5); // distance 1
    left -= 258;
  }
  for (; left > 0; left--) literal(b, h[h.length - 1]);
  for (const byte of t) literal(b, byte);
  b.code(0, 7); // end of block (256)
  return { stored: b.bytes(), size: h.length + repeat + t.length };
}

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/**
 * A workbook of one sheet "예산" whose part is `sheetEntry` as given (any method, any declared size), with the
 * workbook's relationships `sheetRels` (by default r1 → worksheets/sheet1.xml) and any further entries.
 */
export function rawWorkbook(sheetEntry: Omit<RawEntry, "name">, options: { sheetRels?: string; extra?: RawEntry[] } = {}): Uint8Array {
  const text = (name: string, s: string): RawEntry => ({ name, stored: Buffer.from(s, "utf8") });
  const rels = options.sheetRels ?? `<Relationship Id="r1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>`;
  return rawZip([
    text("_rels/.rels", `<Relationships xmlns="${PKG}"><Relationship Id="r1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    text("xl/_rels/workbook.xml.rels", `<Relationships xmlns="${PKG}">${rels}</Relationships>`),
    text("xl/workbook.xml", `<workbook ${NS}><sheets><sheet name="예산" sheetId="1" r:id="r1"/></sheets></workbook>`),
    { name: "xl/worksheets/sheet1.xml", ...sheetEntry },
    ...(options.extra ?? []),
  ]);
}

export const SHARED_STRINGS_REL = `<Relationship Id="r2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`;
export const SHEET_REL = (target: string, external = false): string => `<Relationship Id="r1" Type="${REL}/worksheet" Target="${target}"${external ? ' TargetMode="External"' : ""}/>`;
