// The column headers of a table as a tree, read from its header rows and their merges: the candidate readings
// of multi-level headers (the years over 확보액 and 집행액, a 합계 column over its group) walk it.
import type { SheetView } from "../cells/sheet-view";
import { classifyTableLabel, type LabelClass } from "./labels";

/** The column headers as a tree: "연차별 소요자원" over the years, "2019년" over 확보액 and 집행액 … */
export interface HeaderNode {
  text: string;
  cls: LabelClass | undefined;
  /** Set on leaves: the value column. */
  col?: number;
  children: HeaderNode[];
}


/**
 * Builds the header tree level by level: at each header row, consecutive value columns that show the same
 * header cell (one merge, or one cell) form a node. A cell merged down from the row above adds no level.
 */
export function buildHeaderTree(view: SheetView, headerRows: number[], valueCols: number[]): HeaderNode {
  const root: HeaderNode = { text: "", cls: undefined, children: [] };
  const build = (parent: HeaderNode, cols: number[], level: number, parentId: string): void => {
    if (level >= headerRows.length) {
      if (cols.length === 1) parent.col = cols[0];
      else for (const c of cols) parent.children.push({ text: "", cls: undefined, col: c, children: [] });
      return;
    }
    const h = headerRows[level];
    const runs: { id: string; text: string; cols: number[] }[] = [];
    for (const c of cols) {
      const m = view.mergeAt(h, c);
      const text = view.shownText(h, c).trim();
      const id = text === "" ? parentId : m === undefined ? `${h}:${c}` : `${m.r0}:${m.c0}`;
      const last = runs[runs.length - 1];
      if (last !== undefined && last.id === id) last.cols.push(c);
      else runs.push({ id, text, cols: [c] });
    }
    if (runs.length === 1 && (runs[0].id === parentId || runs[0].text === "")) {
      build(parent, cols, level + 1, parentId);
      return;
    }
    for (const run of runs) {
      if (run.id === parentId) {
        // Columns with an empty header cell at this level: their header, if any, is further down ("% of" over
        // "Total" below an "ASSETS" that covers only the column beside them); without one they are unnamed leaves.
        if (level + 1 < headerRows.length) build(parent, run.cols, level + 1, parentId);
        else for (const c of run.cols) parent.children.push({ text: "", cls: undefined, col: c, children: [] });
        continue;
      }
      const node: HeaderNode = { text: run.text, cls: classifyTableLabel(run.text), children: [] };
      parent.children.push(node);
      build(node, run.cols, level + 1, run.id);
    }
  };
  build(root, valueCols, 0, "root");
  if (headerRows.length === 0) {
    root.children = valueCols.map((c) => ({ text: "", cls: undefined, col: c, children: [] }));
  }
  // A root with a single column becomes that column's leaf.
  if (root.children.length === 0 && root.col !== undefined) {
    root.children = [{ text: "", cls: undefined, col: root.col, children: [] }];
    root.col = undefined;
  }
  return root;
}
