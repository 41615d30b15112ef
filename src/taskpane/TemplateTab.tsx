// 템플릿: pick a program template from the office's catalog (or the bundled one), insert it for a year as a new
// sheet or at the selected cell, and fill a funding table from pasted text, a CSV/JSON file or last year's sheet.
import { useCallback, useEffect, useId, useMemo } from "react";
import { Button, Checkbox, Divider, Field, Input, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../core/findings/findings";
import { BUNDLED_CATALOG } from "../core/templates/bundled";
import { loadCatalog, type CatalogLoad, type FetchLike } from "../core/templates/catalog-source";
import type { WorkbookPort } from "../excel/port";
import { FillSection } from "./fill-panel";
import { t } from "./i18n";
import type { PortAction } from "./port-action";
import { StatusMessage } from "./port-action";
import { useTabAction, type TabWork } from "./template-action";
import { CatalogSection } from "./template-catalog";
import { insertTemplate, insertsAtSelection, rebasedYears, yearProblem, type InsertWhere } from "./template-insert";
import { CATALOG_URL_SETTING, recordLabel } from "./template-record";
import { useTabState } from "./tab-state";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
  small: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  chosen: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  yearField: { maxWidth: "10rem" },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

const BUNDLED_LOAD: CatalogLoad = { source: "bundled", catalogVersion: BUNDLED_CATALOG.catalogVersion, templates: BUNDLED_CATALOG.templates, invalid: [] };

// The browser's fetch (Office's webview in Excel); looked up at call time so tests can put their own in place.
const globalFetch: FetchLike = (url, init) => fetch(url, init);

export interface TemplateTabProps {
  port: WorkbookPort;
  lang: Lang;
  /** The pane-wide action: while it runs (a check), this tab starts nothing. */
  action: PortAction;
  /** Where remote catalogs are fetched from; default the global fetch. */
  fetchFn?: FetchLike;
}

export function TemplateTab({ port, lang, action, fetchFn = globalFetch }: TemplateTabProps) {
  const styles = useStyles();
  const tab = useTabAction(lang);
  const id = useId();
  const busy = tab.busy !== undefined || action.busy !== undefined;

  const [load, setLoad] = useTabState<CatalogLoad>(port, "templates.catalog", BUNDLED_LOAD);
  const [url, setUrl] = useTabState(port, "templates.catalogUrl", "");
  const [selected, setSelected] = useTabState<string | undefined>(port, "templates.selected", BUNDLED_LOAD.templates[0]?.id);
  // The year typed for a template; another template starts at its own fiscal year.
  const [yearFor, setYearFor] = useTabState<{ id: string; text: string } | undefined>(port, "templates.year", undefined);
  const [withAmounts, setWithAmounts] = useTabState(port, "templates.withAmounts", true);

  const template = useMemo(() => load.templates.find((x) => x.id === selected) ?? load.templates[0], [load, selected]);
  const year = template === undefined ? "" : yearFor?.id === template.id ? yearFor.text : String(template.fiscalYear);
  const yearError = template === undefined ? undefined : yearProblem(template, year);

  const applyLoad = useCallback(
    (next: CatalogLoad) => {
      setLoad(next);
      // Keep the chosen template when the new catalog still has it.
      setSelected((cur) => (next.templates.some((x) => x.id === cur) ? cur : next.templates[0]?.id));
    },
    [setLoad, setSelected],
  );

  // On the first opening in this pane: the address saved in the workbook, and its catalog.
  const [loaded, setLoaded] = useTabState(port, "templates.catalogLoaded", false);
  useEffect(() => {
    if (loaded) return;
    setLoaded(true);
    void tab.run("catalog", t(lang, "templates.loadFailed"), async () => {
      const saved = (await port.getSetting(CATALOG_URL_SETTING)) ?? "";
      setUrl(saved);
      applyLoad(await loadCatalog(saved === "" ? undefined : saved, fetchFn, BUNDLED_CATALOG));
    });
    // Only on mount: later loads come from the 불러오기 button.
  }, []);

  const loadFrom = useCallback(
    (address: string) => {
      void tab.run("catalog", t(lang, "templates.loadFailed"), async () => {
        await port.setSetting(CATALOG_URL_SETTING, address);
        applyLoad(await loadCatalog(address === "" ? undefined : address, fetchFn, BUNDLED_CATALOG));
      });
    },
    [applyLoad, fetchFn, lang, port, tab],
  );

  const insert = (where: InsertWhere): void => {
    if (template === undefined || yearError !== undefined) return;
    void tab.run(
      "insert",
      t(lang, "templates.insertFailed"),
      () => insertTemplate(port, { template, year: Number(year), where, amounts: withAmounts ? "defaults" : "empty" }),
      (r) => t(lang, "templates.inserted", { sheet: r.sheet, template: recordLabel(r.record), year: r.record.year, range: r.range }),
    );
  };

  const statusFor = (...works: TabWork[]) =>
    tab.status !== undefined && works.includes(tab.status.kind) ? <StatusMessage status={tab.status} lang={lang} onDismiss={tab.dismiss} /> : null;

  const span = template === undefined || yearError !== undefined ? undefined : rebasedYears(template, Number(year));
  const atSelection = template === undefined || insertsAtSelection(template);

  return (
    <div className={styles.root}>
      <Text className={styles.muted}>{t(lang, "templates.intro")}</Text>

      <section className={styles.section} aria-labelledby={`${id}-catalog`}>
        <h3 id={`${id}-catalog`} className={styles.heading}>
          {t(lang, "templates.catalog")}
        </h3>
        {statusFor("catalog")}
        <CatalogSection
          lang={lang}
          load={load}
          loading={tab.busy === "catalog"}
          busy={busy}
          url={url}
          onUrl={setUrl}
          onLoad={loadFrom}
          selected={template?.id}
          onSelect={setSelected}
        />
      </section>

      <Divider />

      <section className={styles.section} aria-labelledby={`${id}-insert`}>
        <h3 id={`${id}-insert`} className={styles.heading}>
          {t(lang, "templates.insert")}
        </h3>
        {template !== undefined && (
          <>
            <Text className={styles.chosen}>
              {template.program} ({recordLabel(template)})
            </Text>
            <Field
              className={styles.yearField}
              label={t(lang, "templates.year")}
              validationState={yearError === undefined ? "none" : "error"}
              validationMessage={yearError?.[lang]}
              hint={span === undefined ? undefined : t(lang, atSelection ? "templates.yearHint" : "templates.bookYearHint", { first: span.first, last: span.last })}
            >
              <Input inputMode="numeric" value={year} onChange={(_, d) => setYearFor({ id: template.id, text: d.value })} />
            </Field>
            <Checkbox checked={withAmounts} onChange={(_, d) => setWithAmounts(d.checked === true)} label={t(lang, "templates.withAmounts")} />
            <div className={styles.buttons}>
              <Button appearance="primary" disabledFocusable={busy || yearError !== undefined} onClick={() => insert("new-sheet")}>
                {t(lang, "templates.insertNew")}
              </Button>
              {atSelection && (
                <Button disabledFocusable={busy || yearError !== undefined} onClick={() => insert("selection")}>
                  {t(lang, "templates.insertHere")}
                </Button>
              )}
            </div>
            <Text className={styles.small}>{t(lang, atSelection ? "templates.insertHereHint" : "templates.bookNewSheetHint")}</Text>
          </>
        )}
        {statusFor("insert")}
      </section>

      <Divider />

      <FillSection port={port} lang={lang} tab={tab} busy={busy} statusFor={statusFor} />
    </div>
  );
}
