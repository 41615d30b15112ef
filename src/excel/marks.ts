// "Mark on sheet": colours each blamed cell and adds a note; "Clear marks" puts back every cell's original fill
// exactly. The original fills live in the workbook's settings (saved with the file), so clearing works after the
// workbook is closed and reopened, and marking twice never saves our own colour as "original".
import type { Finding, Lang } from "../core/findings/findings";
import { NOTE_MARK } from "./excel-messages";
import { runExcel, sheetAddress, type ExcelApi } from "./run";

const SETTING = "yesan.marks";
const COLORS: Record<Finding["severity"], string> = { error: "#FFC7CE", warning: "#FFEB9C", info: "#DDEBF7" };

interface SavedFill {
  color: string | null;
  pattern: string | null;
}

interface SavedMark {
  sheet: string;
  cell: string;
  fill: SavedFill;
  /** Yesan added a note on this cell (a cell that already had one keeps it untouched). */
  note: boolean;
}

interface SavedMarks {
  version: 1;
  marks: SavedMark[];
}

function parseSaved(value: unknown): SavedMarks {
  const v = typeof value === "string" ? (JSON.parse(value) as unknown) : value;
  if (typeof v === "object" && v !== null && (v as SavedMarks).version === 1 && Array.isArray((v as SavedMarks).marks)) return v as SavedMarks;
  return { version: 1, marks: [] };
}

const keyOf = (sheet: string, cell: string): string => `${sheet}\u0000${cell}`;

/** The cells to mark: one per (sheet, cell), the most severe finding's colour and every message on it. */
function targets(findings: Finding[], lang: Lang): { sheet: string; cell: string; color: string; note: string }[] {
  const order: Finding["severity"][] = ["error", "warning", "info"];
  const by = new Map<string, { sheet: string; cell: string; severity: Finding["severity"]; lines: string[] }>();
  for (const f of findings) {
    const k = keyOf(f.sheet, f.cell);
    const t = by.get(k);
    if (t === undefined) by.set(k, { sheet: f.sheet, cell: f.cell, severity: f.severity, lines: [f.message[lang]] });
    else {
      t.lines.push(f.message[lang]);
      if (order.indexOf(f.severity) < order.indexOf(t.severity)) t.severity = f.severity;
    }
  }
  return [...by.values()].map((t) => ({ sheet: t.sheet, cell: t.cell, color: COLORS[t.severity], note: `${NOTE_MARK} ${t.lines.join("\n")}` }));
}

export async function markFindings(excel: ExcelApi, findings: Finding[], lang: Lang): Promise<number> {
  const todo = targets(findings, lang);
  if (todo.length === 0) return 0;
  return runExcel(excel, { delayForCellEdit: true }, async (b) => {
    const wb = b.context.workbook;
    // 1. What is there now: saved marks, each target's fill, and the notes already in the workbook.
    const setting = wb.settings.getItemOrNullObject(SETTING);
    setting.load("value");
    const ranges = todo.map((t) => {
      const range = wb.worksheets.getItem(t.sheet).getRange(t.cell);
      range.format.fill.load(["color", "pattern"]);
      return range;
    });
    wb.comments.load("items/content");
    await b.sync();
    // 2. Where those notes are (a cell holds one note thread: we never add a second).
    const locations = wb.comments.items.map((c) => {
      const at = c.getLocation();
      at.load("address");
      return at;
    });
    await b.sync();
    const noted = new Set(locations.map((l) => l.address.replace(/\$/g, "")));
    const saved = setting.isNullObject ? { version: 1 as const, marks: [] } : parseSaved(setting.value);
    const known = new Set(saved.marks.map((m) => keyOf(m.sheet, m.cell)));
    // 3. One batch: colours, notes, and the originals saved in the workbook.
    todo.forEach((t, i) => {
      const k = keyOf(t.sheet, t.cell);
      const address = sheetAddress(t.sheet, t.cell);
      const hasNote = noted.has(address) || noted.has(`${t.sheet}!${t.cell}`);
      if (!known.has(k)) {
        saved.marks.push({ sheet: t.sheet, cell: t.cell, fill: { color: ranges[i].format.fill.color, pattern: ranges[i].format.fill.pattern }, note: !hasNote });
        known.add(k);
        if (!hasNote) wb.comments.add(address, t.note);
      }
      ranges[i].format.fill.color = t.color;
    });
    wb.settings.add(SETTING, JSON.stringify(saved));
    await b.sync();
    return todo.length;
  });
}

export async function clearMarks(excel: ExcelApi): Promise<number> {
  return runExcel(excel, { delayForCellEdit: true }, async (b) => {
    const wb = b.context.workbook;
    const setting = wb.settings.getItemOrNullObject(SETTING);
    setting.load("value");
    wb.comments.load("items/content");
    wb.worksheets.load("items/name");
    await b.sync();
    if (setting.isNullObject) return 0;
    const saved = parseSaved(setting.value);
    const sheets = new Set(wb.worksheets.items.map((w) => w.name));
    let restored = 0;
    for (const m of saved.marks) {
      if (!sheets.has(m.sheet)) continue; // the sheet was deleted since: nothing to restore
      const fill = wb.worksheets.getItem(m.sheet).getRange(m.cell).format.fill;
      // No fill reads back as white with no pattern; clearing restores exactly that, a white fill is set again.
      if (m.fill.pattern === null || m.fill.pattern === "None") fill.clear();
      else {
        if (m.fill.color !== null) fill.color = m.fill.color;
        fill.pattern = m.fill.pattern as Excel.FillPattern;
      }
      restored++;
    }
    for (const c of wb.comments.items) if (c.content.startsWith(NOTE_MARK)) c.delete();
    setting.delete();
    await b.sync();
    return restored;
  });
}
