// Reads .xlsx files into the engine's grid for the command line; the work is in xlsx-grid.ts, shared with the
// browser preview.
import { readFile } from "node:fs/promises";
import type { WorkbookGrid } from "../core/cells/grid";
import { READ_REASON, readXlsxGrid, XlsxReadError } from "./xlsx-grid";

export { XlsxReadError };

/** Reads a workbook from a path or from its bytes; `fileLabel` names it in errors. */
export async function readWorkbookGrid(input: string | Buffer, fileLabel?: string): Promise<WorkbookGrid> {
  const label = fileLabel ?? (typeof input === "string" ? input : "(xlsx)");
  let bytes: Buffer;
  if (typeof input === "string") {
    try {
      bytes = await readFile(input);
    } catch (cause) {
      const code = typeof cause === "object" && cause !== null && "code" in cause ? ` (${String(cause.code)})` : "";
      throw new XlsxReadError(label, READ_REASON.cannotOpen(code), { cause });
    }
  } else {
    bytes = input;
  }
  return readXlsxGrid(bytes, label);
}
