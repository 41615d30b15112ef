// The zip's central directory, read once, and one entry inflated on request. fflate reads zips whole or walks the
// whole directory for every entry asked (unzipSync with a filter), which made a workbook of 10,000 sheets take
// 26 s for 10,000 passes over 10,000 names; it has no API to inflate one entry found by name. So the directory is
// read here (APPNOTE 6.3.10 §4.3: the end record, zip64 when a field is saturated) and fflate's streaming Inflate
// does the inflating, which lets the read stop the moment an entry yields more than its header declares.
import { Inflate } from "fflate";
import { FileFault, READ_REASON, ZIP_WHAT } from "./read-messages";

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's local header. */
  offset: number;
}

/** The zip is damaged, or the entry `part`. */
const damaged = (what: { ko: string; en: string }, part?: string): FileFault => new FileFault(READ_REASON.badZip(what, part));

const u16 = (b: Uint8Array, i: number): number => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number): number => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)) + b[i + 3] * 0x1000000;
const u64 = (b: Uint8Array, i: number): number => u32(b, i) + u32(b, i + 4) * 0x100000000;

function need(bytes: Uint8Array, at: number, length: number): void {
  if (at < 0 || at + length > bytes.length) throw damaged(ZIP_WHAT.damaged);
}

/** The end of central directory record: searched backwards past a comment of up to 65,535 bytes. */
function endRecord(bytes: Uint8Array): { entries: number; at: number } {
  for (let i = bytes.length - 22; i >= 0 && i >= bytes.length - 22 - 0xffff; i--) {
    if (u32(bytes, i) !== 0x06054b50) continue;
    let entries = u16(bytes, i + 10);
    let at = u32(bytes, i + 16);
    if (entries === 0xffff || at === 0xffffffff) {
      // A zip64 locator sits right before the end record and points at the zip64 end record.
      const loc = i - 20;
      need(bytes, loc, 20);
      if (u32(bytes, loc) !== 0x07064b50) throw damaged(ZIP_WHAT.damaged);
      const z = u64(bytes, loc + 8);
      need(bytes, z, 56);
      if (u32(bytes, z) !== 0x06064b50) throw damaged(ZIP_WHAT.damaged);
      entries = u64(bytes, z + 32);
      at = u64(bytes, z + 48);
    }
    return { entries, at };
  }
  throw damaged(ZIP_WHAT.damaged);
}

const utf8 = typeof TextDecoder === "undefined" ? undefined : new TextDecoder("utf-8");
function entryName(bytes: Uint8Array, utf: boolean): string {
  // Names without the UTF-8 flag are CP437 by the spec; xlsx part names are ASCII, and fflate reads them as Latin-1.
  if (utf && utf8 !== undefined) return utf8.decode(bytes);
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

/** Every entry of the central directory, by name (a later entry of the same name wins, as in fflate). */
export function readDirectory(bytes: Uint8Array): Map<string, ZipEntry> {
  const { entries, at } = endRecord(bytes);
  const out = new Map<string, ZipEntry>();
  let p = at;
  for (let n = 0; n < entries; n++) {
    need(bytes, p, 46);
    if (u32(bytes, p) !== 0x02014b50) throw damaged(ZIP_WHAT.damaged);
    const flags = u16(bytes, p + 8);
    const nameLength = u16(bytes, p + 28);
    const extraLength = u16(bytes, p + 30);
    const commentLength = u16(bytes, p + 32);
    need(bytes, p + 46, nameLength + extraLength + commentLength);
    let compressedSize = u32(bytes, p + 20);
    let size = u32(bytes, p + 24);
    let offset = u32(bytes, p + 42);
    // The zip64 extra field holds, in this order, the fields saturated in the fixed part.
    for (let e = p + 46 + nameLength, end = e + extraLength; e + 4 <= end; ) {
      const id = u16(bytes, e);
      const length = u16(bytes, e + 2);
      if (id === 1) {
        let q = e + 4;
        const take = (): number => {
          need(bytes, q, 8);
          const v = u64(bytes, q);
          q += 8;
          return v;
        };
        if (size === 0xffffffff) size = take();
        if (compressedSize === 0xffffffff) compressedSize = take();
        if (offset === 0xffffffff) offset = take();
      }
      e += 4 + length;
    }
    const name = entryName(bytes.subarray(p + 46, p + 46 + nameLength), (flags & 0x800) !== 0);
    out.set(name, { name, method: u16(bytes, p + 10), flags, compressedSize, size, offset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}

/** Compressed bytes handed to the inflater at a time: each push yields at most about 1,000 times as much. */
const CHUNK = 64 * 1024;

/** The entry's content, exactly as many bytes as it declares; an entry that holds more or less is damaged. */
export function inflateEntry(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  if ((e.flags & 1) !== 0) throw damaged(ZIP_WHAT.encrypted, e.name);
  need(bytes, e.offset, 30);
  if (u32(bytes, e.offset) !== 0x04034b50) throw damaged(ZIP_WHAT.damaged, e.name);
  const start = e.offset + 30 + u16(bytes, e.offset + 26) + u16(bytes, e.offset + 28);
  need(bytes, start, e.compressedSize);
  const data = bytes.subarray(start, start + e.compressedSize);
  if (e.method === 0) {
    if (e.compressedSize !== e.size) throw damaged(ZIP_WHAT.damaged, e.name);
    return data;
  }
  if (e.method !== 8) throw damaged(ZIP_WHAT.method(e.method), e.name);
  const out = new Uint8Array(e.size);
  let n = 0;
  const lies = damaged(ZIP_WHAT.longer(e.size), e.name);
  const inflater = new Inflate((chunk) => {
    if (n + chunk.length > e.size) throw lies;
    out.set(chunk, n);
    n += chunk.length;
  });
  try {
    for (let i = 0; i < data.length; i += CHUNK) inflater.push(data.subarray(i, i + CHUNK), i + CHUNK >= data.length);
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (cause) {
    if (cause instanceof FileFault) throw cause;
    throw damaged(ZIP_WHAT.corrupt, e.name);
  }
  if (n !== e.size) throw damaged(ZIP_WHAT.shorter(n, e.size), e.name);
  return out;
}
