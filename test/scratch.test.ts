import { writeFileSync } from "node:fs";
import { sheet, xlsx } from "./support/hand-xlsx";
const s = (t: string) => `<c r="${t}" t="inlineStr"><is><t>`;
test("gen", () => {
  const table = (ref: (r: number, c: string) => string) => {
    const rows = [["재원", "2021년", "2022년"], ["국비", 100, 200], ["시비", 50, 50], ["계", 150, 250]];
    return rows.map((row, i) => `<row r="${i + 1}">${row.map((v, j) => { const c = "ABC"[j]; const r = ref(i + 1, c); return typeof v === "number" ? `<c r="${r}"><v>${v}</v></c>` : `<c r="${r}" t="inlineStr"><is><t>${v}</t></is></c>`; }).join("")}</row>`).join("");
  };
  writeFileSync("/tmp/h/lower.xlsx", xlsx({ sheets: [{ name: "S", xml: sheet(table((r, c) => c.toLowerCase() + r)) }] }));
  writeFileSync("/tmp/h/digit.xlsx", xlsx({ sheets: [{ name: "S", xml: sheet(table((r) => String(r))) }] }));
  writeFileSync("/tmp/h/overlap.xlsx", xlsx({ sheets: [{ name: "S", xml: sheet(table((r, c) => c + r), `<mergeCells><mergeCell ref="A1:B1"/><mergeCell ref="B1:C1"/></mergeCells>`) }] }));
  writeFileSync("/tmp/h/zzzz.xlsx", xlsx({ sheets: [{ name: "S", xml: sheet(table((r, c) => c + r), `<mergeCells><mergeCell ref="ZZZZ:1"/></mergeCells>`) }] }));
  writeFileSync("/tmp/h/hugemerge.xlsx", xlsx({ sheets: [{ name: "S", xml: sheet(table((r, c) => c + r), `<mergeCells><mergeCell ref="D1:XFD1048576"/></mergeCells>`) }] }));
  void s;
});
