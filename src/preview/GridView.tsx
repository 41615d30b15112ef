// The in-memory workbook as a sheet: sheet tabs, column letters and row numbers, merged cells, fills, notes,
// the selection outlined. It re-renders whenever the workbook changes (after every sync of the adapter), so a
// demo shows exactly what the add-in did to the document. Cells carry data-cell="B7" for end-to-end tests.
import { useEffect, useRef, useState } from "react";
import { Tab, TabList, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { a1, columnName, parseA1 } from "../core/cells/grid";
import type { Lang } from "../core/findings/findings";
import { format as formatWith, isValidFormat } from "numfmt";
import { formatAmount } from "../core/numbers/numbers";
import { t } from "../taskpane/i18n";
import { columnOfKey, rowOfKey, type FakeCell, type FakeSheet, type FakeWorkbookModel } from "./fake-excel/model";

/** More than this is slow to render as a DOM table and more than a demo needs. */
const MAX_ROWS_SHOWN = 1000;
const MAX_COLUMNS_SHOWN = 60;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minHeight: 0, minWidth: 0, flexGrow: 1 },
  tabs: { flexWrap: "wrap", borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  scroller: { overflow: "auto", flexGrow: 1, minHeight: 0, backgroundColor: tokens.colorNeutralBackground1 },
  table: {
    borderCollapse: "collapse",
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    // The sheet is drawn as Excel draws it, black on white whatever the page's theme: fills must read true.
    color: "#000000",
  },
  corner: { position: "sticky", top: 0, left: 0, zIndex: 2, backgroundColor: tokens.colorNeutralBackground3 },
  colHead: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    minWidth: "64px",
    padding: `0 ${tokens.spacingHorizontalXS}`,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  rowHead: {
    position: "sticky",
    left: 0,
    zIndex: 1,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    textAlign: "end",
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  cell: {
    position: "relative",
    height: "20px",
    maxWidth: "480px",
    padding: `0 ${tokens.spacingHorizontalXS}`,
    border: "1px solid #E1E1E1",
    backgroundColor: "#FFFFFF",
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
    cursor: "cell",
  },
  number: { textAlign: "end", fontVariantNumeric: "tabular-nums" },
  bold: { fontWeight: tokens.fontWeightBold },
  formula: { color: tokens.colorNeutralForeground3, fontStyle: "italic" },
  link: { color: "#0563C1", textDecorationLine: "underline" },
  selected: { outline: "2px solid #217346", outlineOffset: "-2px" },
  inRange: { boxShadow: "inset 0 0 0 9999px rgba(33, 115, 70, 0.12)" },
  // Excel's red corner for a cell with a note.
  note: {
    "::after": {
      content: '""',
      position: "absolute",
      top: 0,
      right: 0,
      borderTop: "6px solid #C00000",
      borderLeft: "6px solid transparent",
    },
  },
  footer: { padding: tokens.spacingHorizontalS, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground3 },
});

interface Bounds {
  rows: number;
  cols: number;
}

function boundsOf(sheet: FakeSheet): Bounds {
  let rows = 0;
  let cols = 0;
  for (const key of sheet.cells.keys()) {
    rows = Math.max(rows, rowOfKey(key) + 1);
    cols = Math.max(cols, columnOfKey(key) + 1);
  }
  for (const m of sheet.merges) {
    rows = Math.max(rows, m.r1 + 1);
    cols = Math.max(cols, m.c1 + 1);
  }
  return { rows, cols };
}

/** "'06 국내·외 교류'!B7" → { sheet, cell }: the address form Excel gives notes (comments). */
export function splitSheetAddress(address: string): { sheet: string; cell: string } | undefined {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return undefined;
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, cell: address.slice(bang + 1).replace(/\$/g, "").toUpperCase() };
}

function selectionBox(address: string): { r0: number; c0: number; r1: number; c1: number; active: { r: number; c: number } } | undefined {
  const [start, end = start] = address.split(":");
  const a = parseA1(start);
  const b = parseA1(end);
  if (a === undefined || b === undefined) return undefined;
  return { r0: Math.min(a.r, b.r), c0: Math.min(a.c, b.c), r1: Math.max(a.r, b.r), c1: Math.max(a.c, b.c), active: a };
}

/**
 * A number as Excel shows it in its cell's number format (numfmt implements Excel's format language: "#,##0",
 * "0.000000", "0.00%", General's 11 significant digits…), so the preview reads like the workbook in Excel. A number
 * without a format, or one numfmt cannot read, keeps the engine's grouping: budget sheets are read in 천원.
 */
function formatNumber(v: number, format: string | undefined): string {
  if (format === undefined || format === "General" || !isValidFormat(format)) return formatAmount(v);
  return formatWith(format, v);
}

function display(cell: FakeCell): { text: string; numeric: boolean; formula: boolean } {
  const v = cell.value;
  if (v === null || v === "") {
    // A formula Excel never calculated: show the formula rather than a blank that reads as 0.
    return cell.formula !== undefined ? { text: `=${cell.formula}`, numeric: false, formula: true } : { text: "", numeric: false, formula: false };
  }
  if (typeof v === "number") return { text: formatNumber(v, cell.numberFormat), numeric: true, formula: false };
  if (typeof v === "boolean") return { text: v ? "TRUE" : "FALSE", numeric: false, formula: false };
  return { text: v, numeric: false, formula: false };
}

/** Re-renders on every change of the model (the adapter's syncs, a selection made here). */
function useModelVersion(model: FakeWorkbookModel): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const off = model.onChange(() => setVersion((v) => v + 1));
    return () => {
      off();
    };
  }, [model]);
  return version;
}

export function GridView({ model, lang }: { model: FakeWorkbookModel; lang: Lang }) {
  const styles = useStyles();
  useModelVersion(model);
  // Where a shift-click range starts: the last plainly clicked cell, as in Excel.
  const anchor = useRef<{ r: number; c: number } | undefined>(undefined);
  const scroller = useRef<HTMLDivElement>(null);
  const { sheet: selSheet, address: selAddress } = model.selection;

  // When the pane takes the user to a cell, bring it into view as Excel does.
  useEffect(() => {
    const active = selAddress.split(":")[0].replace(/\$/g, "").toUpperCase();
    const td = scroller.current?.querySelector<HTMLElement>(`td[data-cell="${active}"]`);
    // jsdom (the tests) has no scrollIntoView.
    if (td !== null && td !== undefined && typeof td.scrollIntoView === "function") td.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [selSheet, selAddress]);

  const visible = model.sheets.filter((s) => s.visibility === "Visible");
  const sheet = model.sheet(model.activeSheet) ?? visible[0];
  if (sheet === undefined) return <Text>{t(lang, "preview.noWorkbook")}</Text>;

  // The user's own actions on the workbook, as in Excel: switching sheets and selecting cells change the document's
  // state, which the add-in then reads (선택 영역 검사 checks what is selected here).
  const activate = (name: string): void => {
    model.activeSheet = name;
    // Excel would restore the sheet's last selection; the model keeps one selection, so start at A1.
    model.selection = { sheet: name, address: "A1" };
    anchor.current = { r: 0, c: 0 };
    model.emitChange();
  };
  const select = (r: number, c: number, extend: boolean): void => {
    const from = extend && anchor.current !== undefined ? anchor.current : { r, c };
    if (!extend) anchor.current = { r, c };
    const start = a1(from.r, from.c);
    const end = a1(r, c);
    model.selection = { sheet: sheet.name, address: start === end ? start : `${start}:${end}` };
    model.emitChange();
  };

  const bounds = boundsOf(sheet);
  const rows = Math.min(bounds.rows, MAX_ROWS_SHOWN);
  const cols = Math.min(bounds.cols, MAX_COLUMNS_SHOWN);
  const box = model.selection.sheet === sheet.name ? selectionBox(model.selection.address) : undefined;

  // Merged areas: the top-left cell spans, the others are not drawn.
  const spans = new Map<number, { rowSpan: number; colSpan: number }>();
  const covered = new Set<number>();
  for (const m of sheet.merges) {
    spans.set(model.key(m.r0, m.c0), { rowSpan: m.r1 - m.r0 + 1, colSpan: m.c1 - m.c0 + 1 });
    for (let r = m.r0; r <= m.r1; r++) for (let c = m.c0; c <= m.c1; c++) if (r !== m.r0 || c !== m.c0) covered.add(model.key(r, c));
  }
  const notes = new Map<string, string>();
  for (const comment of model.comments.values()) {
    const at = splitSheetAddress(comment.address);
    if (at !== undefined && at.sheet.toLowerCase() === sheet.name.toLowerCase()) notes.set(at.cell, comment.content);
  }

  const body = [];
  for (let r = 0; r < rows; r++) {
    const tds = [];
    for (let c = 0; c < cols; c++) {
      const key = model.key(r, c);
      if (covered.has(key)) continue;
      const cell = sheet.cell(r, c);
      const shown = cell === undefined ? undefined : display(cell);
      const ref = a1(r, c);
      const note = notes.get(ref);
      const span = spans.get(key);
      const active = box !== undefined && box.active.r === r && box.active.c === c;
      const inside = box !== undefined && r >= box.r0 && r <= box.r1 && c >= box.c0 && c <= box.c1 && !(box.r0 === box.r1 && box.c0 === box.c1);
      const fill = cell?.fill?.color !== undefined && cell.fill.pattern !== "None" ? cell.fill.color : undefined;
      tds.push(
        <td
          key={c}
          data-cell={ref}
          data-fill={fill}
          rowSpan={span?.rowSpan}
          colSpan={span?.colSpan}
          aria-selected={active || undefined}
          title={note ?? (shown !== undefined && shown.text.length > 40 ? shown.text : undefined)}
          className={mergeClasses(
            styles.cell,
            shown?.numeric === true && styles.number,
            cell?.bold === true && styles.bold,
            shown?.formula === true && styles.formula,
            cell?.hyperlink !== undefined && styles.link,
            inside && styles.inRange,
            active && styles.selected,
            note !== undefined && styles.note,
          )}
          // The fill is the workbook's own data, one colour per cell: no static class can hold it.
          style={fill === undefined ? undefined : { backgroundColor: fill }}
          onClick={(e) => select(r, c, e.shiftKey)}
        >
          {shown?.text}
        </td>,
      );
    }
    body.push(
      <tr key={r}>
        <th scope="row" className={styles.rowHead}>
          {r + 1}
        </th>
        {tds}
      </tr>,
    );
  }

  return (
    <div className={styles.root}>
      <TabList
        className={styles.tabs}
        size="small"
        selectedValue={sheet.name}
        onTabSelect={(_, d) => {
          if (typeof d.value === "string") activate(d.value);
        }}
        aria-label={t(lang, "preview.sheetsLabel")}
      >
        {visible.map((s) => (
          <Tab key={s.id} value={s.name} data-sheet={s.name}>
            {s.name}
          </Tab>
        ))}
      </TabList>
      <div className={styles.scroller} ref={scroller}>
        {rows === 0 ? (
          <Text className={styles.muted}>{t(lang, "preview.empty")}</Text>
        ) : (
          <table className={styles.table} aria-label={t(lang, "preview.gridLabel", { sheet: sheet.name })} data-sheet={sheet.name}>
            <thead>
              <tr>
                <th className={styles.corner} aria-hidden="true" />
                {Array.from({ length: cols }, (_, c) => (
                  <th key={c} scope="col" className={styles.colHead}>
                    {columnName(c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>{body}</tbody>
          </table>
        )}
        {(rows < bounds.rows || cols < bounds.cols) && (
          <Text className={styles.muted}>{t(lang, "preview.truncated", { rows, cols: columnName(cols - 1) })}</Text>
        )}
      </div>
      {sheet.charts.length > 0 && (
        <div className={styles.footer}>
          {sheet.charts.map((ch) => (
            <Text key={ch.name} data-chart={ch.name}>
              {t(lang, "preview.chart", { title: ch.title ?? ch.name, type: ch.type, source: ch.source })}
            </Text>
          ))}
        </div>
      )}
    </div>
  );
}
