// The catalog part of the 템플릿 tab: where the templates come from (the office's https catalog, saved in the
// workbook, or the bundled one), what was left out of a remote catalog and why, and the list to pick from.
import { useCallback, useId, useState, type FormEvent } from "react";
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Lang } from "../core/findings/findings";
import type { Template } from "../core/templates";
import { checkUrl, type CatalogLoad, type InvalidTemplate } from "../core/templates/catalog-source";
import { t } from "./i18n";
import { recordLabel } from "./template-record";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  urlRow: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalS, minWidth: 0 },
  urlField: { flexGrow: 1, minWidth: 0 },
  // The error line under the input is about one line high: the button stays level with the input above it.
  besideError: { alignSelf: "center" },
  muted: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  invalid: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  invalidWho: { fontWeight: tokens.fontWeightSemibold },
  path: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  problemList: { margin: 0, paddingLeft: tokens.spacingHorizontalM },
  // The list scrolls within the pane so the insert and fill parts stay near; arrow keys move through it (and
  // scroll it), Tab leaves it.
  list: {
    maxHeight: "22rem",
    overflowY: "auto",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalXS,
  },
  radio: { alignItems: "flex-start" },
  item: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0, overflowWrap: "anywhere" },
  program: { fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  id: { color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
});

export interface CatalogSectionProps {
  lang: Lang;
  load: CatalogLoad;
  loading: boolean;
  busy: boolean;
  url: string;
  onUrl: (url: string) => void;
  /** Saves the address in the workbook and loads the catalog from it (blank: the bundled one). */
  onLoad: (url: string) => void;
  selected: string | undefined;
  onSelect: (id: string) => void;
}

export function CatalogSection({ lang, load, loading, busy, url, onUrl, onLoad, selected, onSelect }: CatalogSectionProps) {
  const styles = useStyles();
  const [urlError, setUrlError] = useState<string | undefined>(undefined);
  const hintId = useId();

  const submit = useCallback(
    (e: FormEvent) => {
      e.preventDefault();
      const trimmed = url.trim();
      const problem = trimmed === "" ? undefined : checkUrl(trimmed);
      setUrlError(problem?.[lang]);
      if (problem === undefined) onLoad(trimmed);
    },
    [lang, onLoad, url],
  );

  const source =
    load.source === "remote"
      ? t(lang, "templates.sourceRemote", { version: load.catalogVersion, count: load.templates.length, url: load.url ?? "" })
      : t(lang, "templates.sourceBundled", { version: load.catalogVersion, count: load.templates.length });

  return (
    <div className={styles.root}>
      <form className={styles.urlRow} onSubmit={submit}>
        <Field className={styles.urlField} label={t(lang, "templates.catalogUrl")} validationMessage={urlError} validationState={urlError === undefined ? "none" : "error"}>
          <Input type="url" inputMode="url" value={url} placeholder="https://" aria-describedby={hintId} onChange={(_, d) => onUrl(d.value)} />
        </Field>
        {/* Beside the input, not beside a hint or an error under it. */}
        <Button className={urlError === undefined ? undefined : styles.besideError} type="submit" disabledFocusable={busy}>
          {t(lang, "templates.load")}
        </Button>
      </form>
      <Text id={hintId} className={styles.muted}>
        {t(lang, "templates.catalogUrlHint")}
      </Text>

      {loading ? (
        <Spinner size="tiny" labelPosition="after" label={t(lang, "templates.loading")} />
      ) : (
        <Text className={styles.muted} data-testid="catalog-source">
          {source}
        </Text>
      )}

      {!loading && load.notice !== undefined && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t(lang, "templates.notice")}</MessageBarTitle>
            {load.notice[lang]}
          </MessageBarBody>
        </MessageBar>
      )}

      {!loading && load.invalid.length > 0 && <InvalidList lang={lang} invalid={load.invalid} />}

      {load.templates.length === 0 ? (
        <Text>{t(lang, "templates.none")}</Text>
      ) : (
        <RadioGroup
          className={styles.list}
          aria-label={t(lang, "templates.listLabel")}
          value={selected ?? ""}
          onChange={(_, d) => onSelect(d.value)}
        >
          {load.templates.map((tpl) => (
            <Radio key={tpl.id} className={styles.radio} value={tpl.id} label={<TemplateLine lang={lang} template={tpl} />} />
          ))}
        </RadioGroup>
      )}
    </div>
  );
}

function InvalidList({ lang, invalid }: { lang: Lang; invalid: InvalidTemplate[] }) {
  const styles = useStyles();
  return (
    <section aria-label={t(lang, "templates.invalidTitle", { count: invalid.length })}>
      <Text weight="semibold">{t(lang, "templates.invalidTitle", { count: invalid.length })}</Text>
      <ul className={styles.invalid}>
        {invalid.map((x) => (
          <li key={x.index}>
            <span className={styles.invalidWho}>{t(lang, "templates.invalidWho", { who: x.id ?? `#${x.index + 1}`, index: x.index + 1 })}</span>
            <ul className={styles.problemList}>
              {x.problems.map((p, i) => (
                <li key={i}>
                  {p.path !== "" && <code className={styles.path}>{p.path}</code>}
                  {p.path !== "" && ": "}
                  {p.message[lang]}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Program; department, team, kind, years, unit; id@version. */
export function templateMeta(tpl: Template, lang: Lang): string {
  const parts = [[tpl.department, tpl.team].filter((x) => x !== undefined).join(" "), t(lang, `templates.kind.${tpl.kind}`)];
  if (tpl.funding === undefined) parts.push(`${t(lang, "templates.book")} ${tpl.fiscalYear}`);
  else parts.push(t(lang, "templates.years", { first: tpl.funding.firstYear, last: tpl.funding.lastYear }));
  return parts.join(" · ");
}

function TemplateLine({ lang, template: tpl }: { lang: Lang; template: Template }) {
  const styles = useStyles();
  return (
    <span className={styles.item}>
      <span className={styles.program}>{tpl.program}</span>
      <span className={styles.meta}>{templateMeta(tpl, lang)}</span>
      <span className={styles.id}>{recordLabel(tpl)}</span>
    </span>
  );
}
