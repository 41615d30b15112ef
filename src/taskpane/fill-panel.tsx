// The fill part of the 템플릿 tab: choose the source (pasted text, a CSV/JSON file, last year's sheet), preview
// what will be written where with every problem and every non-empty cell it would overwrite, and write only on
// confirmation.
import { useRef, type ChangeEvent, type ReactNode } from "react";
import {
  Badge,
  Button,
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { where, type FillProblem, type PreviewLine } from "../core/fill";
import type { Lang } from "../core/findings/findings";
import type { Scalar } from "../core/cells/grid";
import { formatAmount } from "../core/numbers/numbers";
import type { WorkbookPort } from "../excel/port";
import { decodeBytes, prepareFill, resolveFormat, sheetsWithFunding, targetRange, writeFill, type FillSource, type PreparedFill, type TextFormat } from "./fill-run";
import { both, severityLabel, t, unitLabel } from "./i18n";
import { TabRefusal, type TabAction, type TabWork } from "./template-action";
import { useTabState } from "./tab-state";
import { BADGE_COLOR } from "./CheckTab";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
  small: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  radios: { flexWrap: "wrap" },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  // The file input stays in the page (for the button's label and for tests) but out of sight and out of the tab order.
  fileInput: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clipPath: "inset(50%)", whiteSpace: "nowrap" },
  textarea: { minHeight: "8rem", fontFamily: tokens.fontFamilyMonospace },
  preview: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: 0,
  },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  line: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0, overflowWrap: "anywhere" },
  lineHead: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  values: { fontFamily: tokens.fontFamilyNumeric },
  same: { color: tokens.colorNeutralForeground3 },
  problem: { display: "flex", alignItems: "flex-start", gap: tokens.spacingHorizontalS, overflowWrap: "anywhere" },
  badge: { flexShrink: 0 },
});

const FORMATS: TextFormat[] = ["auto", "table", "csv", "json"];
type SourceKind = "text" | "file" | "sheet";
const isSourceKind = (v: string): v is SourceKind => v === "text" || v === "file" || v === "sheet";
const isFormat = (v: string): v is TextFormat => (FORMATS as string[]).includes(v);

interface LoadedFile {
  name: string;
  text: string;
  encoding: "utf-8" | "euc-kr";
}

interface Shown {
  source: FillSource;
  prepared: PreparedFill;
  /** The officer confirmed overwriting this preview's non-empty cells; a new preview asks again. */
  confirmed: boolean;
}

export interface FillSectionProps {
  port: WorkbookPort;
  lang: Lang;
  tab: TabAction;
  busy: boolean;
  statusFor: (...works: TabWork[]) => ReactNode;
}

/** Reads a picked file's bytes (Blob.arrayBuffer where the browser has it, else a FileReader). */
function fileBytes(file: File): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === "function") return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error(file.name));
    reader.readAsArrayBuffer(file);
  });
}

export function FillSection({ port, lang, tab, busy, statusFor }: FillSectionProps) {
  const styles = useStyles();
  const fileInput = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useTabState<SourceKind>(port, "fill.kind", "text");
  const [pasted, setPasted] = useTabState(port, "fill.pasted", "");
  const [format, setFormat] = useTabState<TextFormat>(port, "fill.format", "auto");
  const [file, setFile] = useTabState<LoadedFile | undefined>(port, "fill.file", undefined);
  const [sheets, setSheets] = useTabState<string[] | undefined>(port, "fill.sheets", undefined);
  const [lastSheet, setLastSheet] = useTabState(port, "fill.lastSheet", "");
  const [shown, setShown] = useTabState<Shown | undefined>(port, "fill.shown", undefined);

  const source = ((): FillSource | undefined => {
    if (kind === "text") return pasted.trim() === "" ? undefined : { kind: "text", text: pasted, format };
    if (kind === "file") return file === undefined ? undefined : { kind: "text", text: file.text, format: resolveFormat(file.text, format, file.name) };
    return lastSheet === "" ? undefined : { kind: "sheet", sheet: lastSheet };
  })();

  const readSheets = (): void => {
    void tab.run("sheets", t(lang, "fill.sheetsFailed"), async () => {
      const names = sheetsWithFunding((await port.readWorkbook()).grid);
      setSheets(names);
      setLastSheet((cur) => (names.includes(cur) ? cur : (names[0] ?? "")));
    });
  };

  const chooseKind = (next: SourceKind): void => {
    setKind(next);
    if (next === "sheet" && sheets === undefined && !busy) readSheets();
  };

  const onFile = (e: ChangeEvent<HTMLInputElement>): void => {
    const picked = e.target.files?.[0];
    // The same file picked again must fire change again.
    e.target.value = "";
    if (picked === undefined) return;
    void tab.run("file", picked.name, async () => {
      const { text, encoding } = decodeBytes(await fileBytes(picked));
      setFile({ name: picked.name, text, encoding });
    });
  };

  const preview = (): void => {
    if (source === undefined) return;
    void tab.run("preview", t(lang, "fill.previewFailed"), async () => {
      setShown({ source, prepared: await prepareFill(port, source), confirmed: false });
    });
  };

  const write = (): void => {
    if (shown === undefined) return;
    void tab.run(
      "write",
      t(lang, "fill.writeFailed"),
      async () => {
        const r = await writeFill(port, shown.source, shown.prepared, shown.confirmed);
        if ("changed" in r) {
          setShown({ source: shown.source, prepared: r.changed, confirmed: false });
          throw new TabRefusal(both((l) => t(l, "fill.changed")));
        }
        setShown(undefined);
        return r;
      },
      (r) => {
        const done = t(lang, "fill.written", { sheet: r.written.sheet, count: r.cells, range: r.written.range });
        const lost = shown.prepared.plan.notWritten;
        // What was not written is said after writing too: a success message must not hide a skipped figure.
        return lost.length === 0 ? done : `${done} ${t(lang, "fill.writtenSkipped", { count: lost.length, list: notWrittenList(lost, lang) })}`;
      },
    );
  };

  return (
    <section className={styles.section} aria-label={t(lang, "fill.title")}>
      <h3 className={styles.heading}>{t(lang, "fill.title")}</h3>
      <Text className={styles.muted}>{t(lang, "fill.intro")}</Text>

      <Field label={t(lang, "fill.source")}>
        <RadioGroup className={styles.radios} layout="horizontal" value={kind} onChange={(_, d) => isSourceKind(d.value) && chooseKind(d.value)}>
          <Radio value="text" label={t(lang, "fill.source.text")} />
          <Radio value="file" label={t(lang, "fill.source.file")} />
          <Radio value="sheet" label={t(lang, "fill.source.sheet")} />
        </RadioGroup>
      </Field>

      {kind !== "sheet" && (
        <Field label={t(lang, "fill.format")}>
          <Select value={format} onChange={(_, d) => isFormat(d.value) && setFormat(d.value)}>
            {FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(lang, `fill.format.${f}`)}
              </option>
            ))}
          </Select>
        </Field>
      )}

      {kind === "text" && (
        <Field label={t(lang, "fill.pasteLabel")} hint={t(lang, "fill.pasteHint")}>
          <Textarea className={styles.textarea} resize="vertical" wrap="off" spellCheck={false} value={pasted} onChange={(_, d) => setPasted(d.value)} />
        </Field>
      )}

      {kind === "file" && (
        <div className={styles.section}>
          <input
            ref={fileInput}
            className={styles.fileInput}
            type="file"
            tabIndex={-1}
            aria-label={t(lang, "fill.fileLabel")}
            accept=".csv,.json,.tsv,.txt,text/csv,application/json,text/plain"
            onChange={onFile}
          />
          <div className={styles.buttons}>
            <Button disabledFocusable={busy} onClick={() => fileInput.current?.click()}>
              {t(lang, "fill.chooseFile")}
            </Button>
          </div>
          <Text className={styles.small}>
            {file === undefined
              ? t(lang, "fill.noFile")
              : t(lang, "fill.fileRead", { file: file.name, chars: file.text.length, encoding: file.encoding === "utf-8" ? "UTF-8" : "CP949", format: t(lang, `fill.format.${resolveFormat(file.text, format, file.name)}`) })}
          </Text>
          {statusFor("file")}
        </div>
      )}

      {kind === "sheet" && (
        <div className={styles.section}>
          {sheets !== undefined && sheets.length > 0 && (
            <Field label={t(lang, "fill.sheetLabel")} hint={t(lang, "fill.sheetHint")}>
              <Select value={lastSheet} onChange={(_, d) => setLastSheet(d.value)}>
                {sheets.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          {sheets !== undefined && sheets.length === 0 && <Text>{t(lang, "fill.noSheets")}</Text>}
          <div className={styles.buttons}>
            <Button size="small" disabledFocusable={busy} onClick={readSheets}>
              {t(lang, "fill.readSheets")}
            </Button>
          </div>
          {statusFor("sheets")}
        </div>
      )}

      <div className={styles.buttons}>
        <Button appearance="primary" disabledFocusable={busy} disabled={source === undefined} onClick={preview}>
          {t(lang, "fill.preview")}
        </Button>
      </div>
      {statusFor("preview", "write")}

      {shown !== undefined && (
        <PreviewView
          lang={lang}
          prepared={shown.prepared}
          busy={busy}
          confirmed={shown.confirmed}
          onConfirm={(confirmed) => setShown((s) => (s === undefined ? s : { ...s, confirmed }))}
          onWrite={write}
          onCancel={() => setShown(undefined)}
        />
      )}
    </section>
  );
}

/** The figures not written, by the cell they were meant for or else where the input had them; the first five. */
function notWrittenList(lost: PreparedFill["plan"]["notWritten"], lang: Lang): string {
  const names = lost.map((x) => x.cell ?? (x.origin === undefined ? "?" : where(x.origin)[lang]));
  const shownNames = names.slice(0, 5).join(", ");
  return names.length > 5 ? t(lang, "fill.more", { list: shownNames, count: names.length - 5 }) : shownNames;
}

function showBefore(p: PreviewLine, lang: Lang): string {
  if (p.beforeFormula !== undefined) return `=${p.beforeFormula}`;
  return showScalar(p.before, lang);
}

function showScalar(v: Scalar | undefined, lang: Lang): string {
  if (v === undefined || v === null || v === "") return t(lang, "fill.blank");
  if (typeof v === "number") return formatAmount(v);
  return String(v);
}

interface PreviewViewProps {
  lang: Lang;
  prepared: PreparedFill;
  busy: boolean;
  confirmed: boolean;
  onConfirm: (v: boolean) => void;
  onWrite: () => void;
  onCancel: () => void;
}

function PreviewView({ lang, prepared, busy, confirmed, onConfirm, onWrite, onCancel }: PreviewViewProps) {
  const styles = useStyles();
  const { plan, target, problems } = prepared;
  const writes = plan.preview.filter((p) => p.changed).length;
  const overwrites = plan.overwrites;
  const canWrite = plan.plan.cells.length > 0 && (overwrites.length === 0 || confirmed);
  const unit = (u: typeof plan.tableUnit): string => (u === undefined ? t(lang, "fill.noUnit") : unitLabel(u, lang));
  return (
    <section className={styles.preview} aria-label={t(lang, "fill.previewLabel")} data-testid="fill-preview">
      <Text weight="semibold">{target === undefined ? t(lang, "fill.noTarget") : t(lang, "fill.target", { sheet: target.sheet, range: targetRange(target) })}</Text>
      {target !== undefined && <Text className={styles.small}>{t(lang, "fill.units", { table: unit(plan.tableUnit), input: unit(plan.inputUnit) })}</Text>}

      {plan.preview.length > 0 && (
        <>
          <h4 className={styles.subheading}>{t(lang, "fill.writes", { count: writes })}</h4>
          <ul className={styles.list}>
            {plan.preview.map((p) => (
              <li key={p.cell} className={styles.line} data-cell-preview={p.cell}>
                <span className={styles.lineHead}>
                  <span className={styles.cell}>{p.cell}</span>
                  <span>{p.label[lang]}</span>
                  {typeof p.after === "string" && (
                    <Badge size="small" appearance="tint" color="warning">
                      {t(lang, "fill.asText")}
                    </Badge>
                  )}
                </span>
                <span className={p.changed ? styles.values : `${styles.values} ${styles.same}`}>
                  {showBefore(p, lang)} → {typeof p.after === "number" ? formatAmount(p.after) : p.after}
                  {!p.changed && ` (${t(lang, "fill.unchanged")})`}
                </span>
                <span className={styles.small}>{t(lang, "fill.from", { where: where(p.origin)[lang] })}</span>
              </li>
            ))}
          </ul>
        </>
      )}

      {plan.notWritten.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="fill-not-written">
          <MessageBarBody>{t(lang, "fill.notWritten", { count: plan.notWritten.length, list: notWrittenList(plan.notWritten, lang) })}</MessageBarBody>
        </MessageBar>
      )}
      {problems.length > 0 && <Problems lang={lang} problems={problems} />}

      {overwrites.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t(lang, "fill.overwrites", { count: overwrites.length, cells: overwrites.join(", ") })}</MessageBarBody>
        </MessageBar>
      )}
      {overwrites.length > 0 && <Checkbox checked={confirmed} onChange={(_, d) => onConfirm(d.checked === true)} label={t(lang, "fill.confirmOverwrite")} />}

      <div className={styles.buttons}>
        <Button appearance="primary" disabledFocusable={busy} disabled={!canWrite} onClick={onWrite}>
          {t(lang, "fill.write")}
        </Button>
        <Button disabledFocusable={busy} onClick={onCancel}>
          {t(lang, "fill.cancel")}
        </Button>
      </div>
    </section>
  );
}

function Problems({ lang, problems }: { lang: Lang; problems: FillProblem[] }) {
  const styles = useStyles();
  return (
    <>
      <h4 className={styles.subheading}>{t(lang, "fill.problems", { count: problems.length })}</h4>
      <ul className={styles.list}>
        {problems.map((p, i) => (
          <li key={i} className={styles.problem}>
            <Badge className={styles.badge} size="small" appearance="filled" color={BADGE_COLOR[p.severity]}>
              {severityLabel(p.severity, lang)}
            </Badge>
            <span>{p.message[lang]}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
