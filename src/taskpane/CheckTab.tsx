// 검증: run the check on the workbook or the selection, see the findings by sheet and table, jump to a cell,
// mark the cells on the sheet, clear the marks, or write the 검증결과 report sheet.
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  CounterBadge,
  Field,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
  type BadgeProps,
} from "@fluentui/react-components";
import type { CheckResult, TableSummary } from "../core/check-workbook";
import type { Finding, Lang, Severity } from "../core/findings/findings";
import type { WorkbookPort } from "../excel/port";
import { CellButton } from "./CellButton";
import { expectedActualLine, localDate } from "./format";
import { kindLabel, ruleLabel, severityLabel, t, unitLabel } from "./i18n";
import type { PortAction } from "./port-action";
import { countBySeverity, type CheckRun, type CheckScope, type Progress } from "./run-check";
import { reportMeta } from "./template-record";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  // Buttons sit side by side when they fit and stack in the narrow pane.
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  summary: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  sheetHeader: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, minWidth: 0, overflowWrap: "anywhere" },
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, marginLeft: 0, marginRight: 0 },
  tableGroup: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  tableHeading: { margin: 0, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  tableTitle: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  findingHead: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  values: { fontFamily: tokens.fontFamilyNumeric, color: tokens.colorNeutralForeground2 },
  message: { color: tokens.colorNeutralForeground1 },
  // Read by screen readers in place of the badge's bare number.
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
});

export const BADGE_COLOR: Record<Severity, BadgeProps["color"]> = { error: "danger", warning: "warning", info: "informative" };

export interface CheckTabProps {
  port: WorkbookPort;
  lang: Lang;
  run: CheckRun | undefined;
  action: PortAction;
  /** Starts a check (App owns it, so it goes on while another tab is shown). */
  onCheck: (scope: CheckScope) => void;
  /** While a check runs: how far it is, and what it checks. */
  progress: Progress | undefined;
  scope: CheckScope;
  /** Bumped by every finished check: the findings' sections re-open (the Accordion reads its open items on mount). */
  generation: number;
  /** The finding last taken to ("sheet!cell"), shown as current. */
  current: string | undefined;
  onSelect: (f: Finding) => void;
}

export function CheckTab({ port, lang, run, action, onCheck, progress, scope, generation, current, onSelect }: CheckTabProps) {
  const styles = useStyles();
  const busy = action.busy !== undefined;

  return (
    <div className={styles.root}>
      <div className={styles.buttons}>
        <Button appearance="primary" disabledFocusable={busy} onClick={() => onCheck("workbook")}>
          {t(lang, "check.workbook")}
        </Button>
        <Button disabledFocusable={busy} onClick={() => onCheck("selection")}>
          {t(lang, "check.selection")}
        </Button>
      </div>

      {progress !== undefined && (
        <Field
          label={
            progress.total === undefined
              ? t(lang, scope === "selection" ? "check.readingSelection" : "check.reading")
              : t(lang, "check.progress", { done: progress.done, total: progress.total })
          }
        >
          <ProgressBar value={progress.total === undefined || progress.total === 0 ? undefined : progress.done / progress.total} />
        </Field>
      )}

      {run === undefined ? <Text className={styles.muted}>{t(lang, "check.intro")}</Text> : <Summary run={run} lang={lang} />}

      {/* 표시 지우기 needs no check first: marks from an earlier session (saved in the workbook) can be cleared at once. */}
      <div className={styles.buttons} role="group" aria-label={t(lang, "actionsLabel")}>
        <Button
          disabled={run === undefined || run.result.findings.length === 0}
          disabledFocusable={busy}
          onClick={() => {
            if (run !== undefined) void action.run("mark", () => port.markFindings(run.result.findings, lang), (n) => t(lang, "done.mark", { count: n }));
          }}
        >
          {t(lang, "action.mark")}
        </Button>
        <Button disabledFocusable={busy} onClick={() => void action.run("clear", () => port.clearMarks(), (n) => t(lang, "done.clear", { count: n }))}>
          {t(lang, "action.clear")}
        </Button>
        <Button
          disabled={run === undefined}
          disabledFocusable={busy}
          onClick={() => {
            if (run !== undefined) void action.run("report", () => port.writeReport(run.result, reportMeta(run.result, localDate()), lang), () => t(lang, "done.report"));
          }}
        >
          {t(lang, "action.report")}
        </Button>
      </div>

      {run !== undefined && run.result.findings.length > 0 && (
        <Findings key={generation} result={run.result} lang={lang} busy={busy} current={current} onSelect={onSelect} />
      )}
    </div>
  );
}

/** The first few regions not checked, by sheet and range; the count says how many there are in all. */
function notCheckedList(run: CheckRun): string {
  const shown = run.result.notChecked.slice(0, 3).map((n) => `${n.sheet} ${n.range}`);
  return run.result.notChecked.length > shown.length ? `${shown.join(", ")} …` : shown.join(", ");
}

function Summary({ run, lang }: { run: CheckRun; lang: Lang }) {
  const styles = useStyles();
  const counts = countBySeverity(run.result);
  const seconds = (run.ms / 1000).toFixed(1);
  return (
    // The figures as data too: the end-to-end tests and `npm run bench` read them off the page.
    <div className={styles.summary} role="status" data-testid="check-summary" data-ms={run.ms.toFixed(0)} data-syncs={run.syncs} data-tables={run.result.tables.length}>
      <Text weight="semibold">{t(lang, "check.summaryCounts", counts)}</Text>
      <Text>{t(lang, "check.summaryTables", { tables: run.result.tables.length, seconds })}</Text>
      <Text className={styles.muted}>{t(lang, run.scope === "selection" ? "check.summarySelection" : "check.summaryWorkbook")}</Text>
      {run.result.book !== undefined && (
        <Text data-testid="check-book">
          {t(lang, "check.book", { pages: run.result.book.pages.length, programs: run.result.book.programs.length, relations: run.result.book.relations })}
        </Text>
      )}
      {run.result.book !== undefined && run.result.book.missingRows.length > 0 && (
        <Text className={styles.muted}>{t(lang, "check.bookMissing", { count: run.result.book.missingRows.length })}</Text>
      )}
      {run.result.findings.length === 0 && (
        <Text>{run.result.tables.length === 0 && (run.result.book?.relations ?? 0) === 0 ? t(lang, "check.noTables") : t(lang, "check.noFindings")}</Text>
      )}
      {run.result.notChecked.length > 0 && (
        <Text className={styles.muted} data-testid="check-not-checked">
          {t(lang, "check.notChecked", { count: run.result.notChecked.length, list: notCheckedList(run) })}
        </Text>
      )}
    </div>
  );
}

interface TableGroup {
  range: string;
  table: TableSummary | undefined;
  /** A budget book's 세부사업 (its path from the 부서), for the book's findings. */
  program?: string[];
  findings: Finding[];
}

interface SheetGroup {
  sheet: string;
  count: number;
  tables: TableGroup[];
}

/** Findings by sheet (in workbook order) then by table (in the engine's order), as the command line prints them. */
export function groupFindings(result: CheckResult): SheetGroup[] {
  const sheets = new Map<string, Map<string, Finding[]>>();
  for (const f of result.findings) {
    let byTable = sheets.get(f.sheet);
    if (byTable === undefined) {
      byTable = new Map();
      sheets.set(f.sheet, byTable);
    }
    // The budget book's findings are grouped by their 세부사업, the seed tables' by table.
    const key = f.path !== undefined ? `\u0000${f.path.slice(0, 4).join(" › ")}` : (f.table ?? "");
    const list = byTable.get(key);
    if (list === undefined) byTable.set(key, [f]);
    else list.push(f);
  }
  return [...sheets].map(([sheet, byTable]) => ({
    sheet,
    count: [...byTable.values()].reduce((n, fs) => n + fs.length, 0),
    tables: [...byTable].map(([range, findings]) => {
      const group: TableGroup = { range, table: result.tables.find((x) => x.sheet === sheet && x.range === range), findings };
      if (range.startsWith("\u0000")) group.program = findings[0].path?.slice(0, 4);
      return group;
    }),
  }));
}

interface FindingsProps {
  result: CheckResult;
  lang: Lang;
  busy: boolean;
  current: string | undefined;
  onSelect: (f: Finding) => void;
}

function Findings({ result, lang, busy, current, onSelect }: FindingsProps) {
  const styles = useStyles();
  const groups = groupFindings(result);
  return (
    <section aria-label={t(lang, "check.findingsLabel")}>
      <Accordion multiple collapsible defaultOpenItems={groups.map((g) => g.sheet)}>
        {groups.map((g) => (
          <AccordionItem key={g.sheet} value={g.sheet}>
            <AccordionHeader as="h3" size="small">
              <span className={styles.sheetHeader}>
                <span>{g.sheet}</span>
                <CounterBadge count={g.count} size="small" color="informative" aria-hidden="true" />
                <span className={styles.visuallyHidden}>{t(lang, "check.sheetCount", { count: g.count })}</span>
              </span>
            </AccordionHeader>
            <AccordionPanel className={styles.panel}>
              {g.tables.map((tg) => (
                <div key={tg.range} className={styles.tableGroup}>
                  <h4 className={styles.tableHeading}>{tableHeading(tg, lang)}</h4>
                  {tg.table?.title !== undefined && <span className={styles.tableTitle}>{tg.table.title}</span>}
                  <ul className={styles.list}>
                    {tg.findings.map((f, i) => (
                      <li key={`${f.cell}-${f.rule}-${i}`}>
                        <FindingButton finding={f} lang={lang} busy={busy} current={current === `${f.sheet}!${f.cell}`} onSelect={onSelect} />
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </section>
  );
}

function tableHeading(tg: TableGroup, lang: Lang): string {
  if (tg.program !== undefined) return t(lang, "check.program", { name: tg.program.join(" › ") });
  if (tg.range === "") return t(lang, "check.textLines");
  const parts = [t(lang, "check.table", { range: tg.range })];
  if (tg.table !== undefined) parts.push(kindLabel(tg.table.kind, lang));
  if (tg.table?.unit !== undefined) parts.push(unitLabel(tg.table.unit, lang));
  return parts.join(" · ");
}

interface FindingButtonProps {
  finding: Finding;
  lang: Lang;
  busy: boolean;
  current: boolean;
  onSelect: (f: Finding) => void;
}

function FindingButton({ finding: f, lang, busy, current, onSelect }: FindingButtonProps) {
  const styles = useStyles();
  const values = expectedActualLine(f, lang);
  return (
    <CellButton busy={busy} current={current} target={`${f.sheet}!${f.cell}`} onActivate={() => onSelect(f)}>
      <span className={styles.findingHead}>
        <Badge appearance="filled" size="small" color={BADGE_COLOR[f.severity]}>
          {severityLabel(f.severity, lang)}
        </Badge>
        <span className={styles.cell}>{f.cell}</span>
        <span>{ruleLabel(f.rule, lang)}</span>
      </span>
      {values !== undefined && <span className={styles.values}>{values}</span>}
      <span className={styles.message}>{f.message[lang]}</span>
    </CellButton>
  );
}
