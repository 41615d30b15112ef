// The parts of an .xlsx zip, inflated one at a time and only when asked (fflate), under limits that hold while
// inflating: fflate inflates each entry into a buffer of the size its header declares and never grows it, so a
// part that declares a small size cannot expand past it, and one that declares a large size is refused before a
// byte is inflated. A zip bomb (6 MB that expands to 6 GB) is therefore refused by its declared sizes.
import { strFromU8, unzipSync, type UnzipFileInfo } from "fflate";

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

/** A part refused by a limit: which part, how large it says it is, and the limit. */
export class ZipLimitError extends Error {
  constructor(
    readonly part: string,
    readonly size: number,
    readonly limit: number,
    readonly kind: "part" | "total" | "ratio",
  ) {
    super(`${part}: ${size} bytes over the ${kind} limit of ${limit}`);
    this.name = "ZipLimitError";
  }
}

export class ZipParts {
  private inflated = 0;
  private readonly names: Set<string>;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  ) {
    const names = new Set<string>();
    // A pass over the central directory only: the filter sees each entry and inflates none.
    unzipSync(bytes, {
      filter: (f) => {
        names.add(f.name);
        return false;
      },
    });
    this.names = names;
  }

  has(name: string): boolean {
    return this.names.has(name);
  }

  /** A part's text (UTF-8), or undefined when the zip has no such part. Throws ZipLimitError past a limit. */
  text(name: string): string | undefined {
    const bytes = this.part(name);
    // fflate's decoder: TextDecoder where the host has one, its own where not (jsdom).
    return bytes === undefined ? undefined : strFromU8(bytes);
  }

  private part(name: string): Uint8Array | undefined {
    if (!this.names.has(name)) return undefined;
    const files = unzipSync(this.bytes, { filter: (f) => f.name === name && this.admit(f) });
    return files[name];
  }

  private admit(f: UnzipFileInfo): boolean {
    const { part, total, ratio, ratioFrom } = this.limits;
    if (f.originalSize > part) throw new ZipLimitError(f.name, f.originalSize, part, "part");
    if (this.inflated + f.originalSize > total) throw new ZipLimitError(f.name, this.inflated + f.originalSize, total, "total");
    if (f.originalSize > ratioFrom && f.originalSize > ratio * Math.max(1, f.size)) throw new ZipLimitError(f.name, f.originalSize, ratio * Math.max(1, f.size), "ratio");
    this.inflated += f.originalSize;
    return true;
  }
}
