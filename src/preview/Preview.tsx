// The preview page: the real task pane (App over the real Office.js adapter) in a pane-wide column on the left, and
// on the right the in-memory workbook it works on, with a toolbar to open an .xlsx file or reload the sample.
import { useCallback, useEffect, useRef, useState, type ChangeEvent } from "react";
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import type { Lang } from "../core/findings/findings";
import { createExcelPort } from "../excel/adapter";
import type { WorkbookPort } from "../excel/port";
import { App } from "../taskpane/App";
import { t } from "../taskpane/i18n";
import { createFakeExcel } from "./fake-excel/excel";
import { FakeWorkbookModel } from "./fake-excel/model";
import { GridView } from "./GridView";
import { XlsxReadError, readXlsxBytes } from "./read-xlsx-browser";

export const SAMPLE_FILE = "2021-경제환경국-지역경제과.xlsx";

const useStyles = makeStyles({
  root: {
    display: "flex",
    height: "100vh",
    minHeight: 0,
    backgroundColor: tokens.colorNeutralBackground2,
    // On a phone-sized window the pane takes the full width above the sheet: how the pane reads at ~320 px.
    "@media (max-width: 720px)": { flexDirection: "column", height: "auto" },
  },
  // The task pane's width in Excel on a laptop screen.
  pane: {
    width: "340px",
    flexShrink: 0,
    overflowY: "auto",
    overflowX: "hidden",
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    "@media (max-width: 720px)": { width: "100%", borderRight: "none", overflowY: "visible" },
  },
  main: {
    display: "flex",
    flexDirection: "column",
    flexGrow: 1,
    minWidth: 0,
    minHeight: 0,
    gap: tokens.spacingVerticalS,
    "@media (max-width: 720px)": { height: "80vh" },
  },
  toolbar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  fileName: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  hiddenInput: { display: "none" },
  // The grid below takes the rest of the height; the message keeps all of its lines.
  message: { flexShrink: 0, marginLeft: tokens.spacingHorizontalM, marginRight: tokens.spacingHorizontalM },
  centered: { padding: tokens.spacingHorizontalL },
});

interface Loaded {
  id: number;
  name: string;
  model: FakeWorkbookModel;
  port: WorkbookPort;
}

interface OpenFailure {
  file: string;
  reason: Record<Lang, string>;
}

/** The sample workbook, from samples/ beside the page (webpack copies the repository's samples/ there). */
export async function fetchSample(): Promise<Uint8Array> {
  const url = new URL(`samples/${encodeURIComponent(SAMPLE_FILE)}`, document.baseURI);
  const res = await fetch(url);
  if (!res.ok) {
    throw new XlsxReadError(SAMPLE_FILE, { ko: t("ko", "preview.fetchFailed", { status: res.status }), en: t("en", "preview.fetchFailed", { status: res.status }) });
  }
  return new Uint8Array(await res.arrayBuffer());
}

/** A File's bytes; FileReader where Blob.arrayBuffer is missing (older engines, jsdom). */
function fileBytes(file: File): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === "function") return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error("FileReader failed"));
    reader.readAsArrayBuffer(file);
  });
}

function failureOf(file: string, e: unknown): OpenFailure {
  if (e instanceof XlsxReadError) return { file: e.file, reason: e.reason };
  const text = e instanceof Error ? e.message : String(e);
  return { file, reason: { ko: text, en: text } };
}

export interface PreviewProps {
  lang: Lang;
  /** The sample's bytes: fetched beside the page unless given (tests read the file from disk). */
  loadSample?: () => Promise<Uint8Array>;
}

export function Preview({ lang, loadSample = fetchSample }: PreviewProps) {
  const styles = useStyles();
  const [loaded, setLoaded] = useState<Loaded | undefined>(undefined);
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<OpenFailure | undefined>(undefined);
  const nextId = useRef(1);
  const input = useRef<HTMLInputElement>(null);

  // A workbook that fails to open leaves the current one (and the pane's results on it) untouched.
  const open = useCallback(async (name: string, bytes: () => Promise<Uint8Array>): Promise<void> => {
    setLoading(true);
    try {
      const grid = await readXlsxBytes(await bytes(), name);
      const model = FakeWorkbookModel.fromGrid(grid);
      // The adapter is typed against Office's Excel namespace; the fake implements the part it uses.
      const port = createExcelPort(createFakeExcel(model).Excel as unknown as typeof Excel);
      setLoaded({ id: nextId.current++, name, model, port });
      setFailure(undefined);
    } catch (e) {
      setFailure(failureOf(name, e));
    } finally {
      setLoading(false);
    }
  }, []);

  const openSample = useCallback(() => open(SAMPLE_FILE, loadSample), [open, loadSample]);

  useEffect(() => {
    void openSample();
  }, [openSample]);

  const onFile = (e: ChangeEvent<HTMLInputElement>): void => {
    const file = e.target.files?.[0];
    // Cleared so that choosing the same file again (after fixing it) fires another change.
    e.target.value = "";
    if (file !== undefined) void open(file.name, () => fileBytes(file));
  };

  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      <div className={styles.root}>
        <aside className={styles.pane} aria-label={t(lang, "preview.paneLabel")}>
          {loaded !== undefined && <App key={loaded.id} port={loaded.port} lang={lang} />}
        </aside>
        <main className={styles.main} aria-label={t(lang, "preview.sheetLabel")}>
          <div className={styles.toolbar}>
            <Button appearance="primary" disabled={loading} onClick={() => input.current?.click()}>
              {t(lang, "preview.open")}
            </Button>
            <input
              ref={input}
              className={styles.hiddenInput}
              type="file"
              accept=".xlsx"
              aria-label={t(lang, "preview.fileLabel")}
              data-testid="open-file"
              onChange={onFile}
            />
            <Button disabled={loading} onClick={() => void openSample()}>
              {t(lang, "preview.sample")}
            </Button>
            {loading && <Spinner size="tiny" label={t(lang, "preview.loading")} />}
            {loaded !== undefined && <Text className={styles.fileName}>{loaded.name}</Text>}
          </div>
          {failure !== undefined && (
            <MessageBar intent="error" layout="multiline" className={styles.message}>
              <MessageBarBody>
                <MessageBarTitle>{t(lang, "preview.openFailed", { file: failure.file })}</MessageBarTitle>
                {/* The reason in both languages: a file is often passed on to someone who reads the other one. */}
                <div lang="ko">{failure.reason.ko}</div>
                <div lang="en">{failure.reason.en}</div>
                {loaded !== undefined && <div>{t(lang, "preview.kept")}</div>}
              </MessageBarBody>
            </MessageBar>
          )}
          {loaded !== undefined ? (
            <GridView key={loaded.id} model={loaded.model} lang={lang} />
          ) : (
            !loading && <Text className={styles.centered}>{t(lang, "preview.noWorkbook")}</Text>
          )}
        </main>
      </div>
    </FluentProvider>
  );
}
