// One way into Excel for the whole adapter: Excel.run with a sync counter, and Excel's errors turned into
// ExcelPortError with a message in both languages (the original error kept as `cause`). Nothing is swallowed.
import { ExcelPortError, type PortErrorCode } from "./port";
import { PORT_ERRORS } from "./excel-messages";

export type ExcelApi = typeof Excel;

export interface Batch {
  context: Excel.RequestContext;
  /** context.sync(), counted. */
  sync(): Promise<void>;
  readonly syncs: number;
}

const CODES: Record<string, PortErrorCode> = {
  InvalidOperationInCellEditMode: "cell-edit-mode",
  RequestPayloadSizeLimitExceeded: "payload-too-large",
  PayloadTooLarge: "payload-too-large",
  ResponsePayloadSizeLimitExceeded: "payload-too-large",
  AccessDenied: "protected",
  ItemNotFound: "not-found",
  ApiNotFound: "unsupported",
  UnsupportedOperation: "unsupported",
};

function excelCodeOf(e: unknown): string | undefined {
  if (typeof e !== "object" || e === null || !("code" in e)) return undefined;
  const code = (e as { code: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

export function toPortError(e: unknown): ExcelPortError {
  if (e instanceof ExcelPortError) return e;
  const excelCode = excelCodeOf(e);
  const code = excelCode === undefined ? "other" : (CODES[excelCode] ?? "other");
  const text = { ...PORT_ERRORS[code] };
  if (code === "other" && e instanceof Error && e.message !== "") {
    // Excel's own words help more than a generic line when we do not know the code.
    text.ko = `${text.ko} (${e.message})`;
    text.en = `${text.en} (${e.message})`;
  }
  return new ExcelPortError(code, text, excelCode, { cause: e });
}

export async function runExcel<T>(excel: ExcelApi, options: { delayForCellEdit?: boolean }, body: (b: Batch) => Promise<T>): Promise<T> {
  try {
    return await excel.run({ delayForCellEdit: options.delayForCellEdit === true }, async (context) => {
      let syncs = 0;
      const batch: Batch = {
        context,
        async sync() {
          syncs++;
          await context.sync();
        },
        get syncs() {
          return syncs;
        },
      };
      return body(batch);
    });
  } catch (e) {
    throw toPortError(e);
  }
}

/** "'06 국내·외 교류'!B7": always quoted (Excel accepts quotes on any name), quotes inside doubled. */
export function sheetAddress(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}
