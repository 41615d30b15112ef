// The task pane: four tabs over one WorkbookPort. The port is the only way to the workbook, so the same App runs in
// Excel, in the browser preview over the in-memory workbook, and in the tests.
import { useCallback, useId, useMemo, useState } from "react";
import {
  FluentProvider,
  Tab,
  TabList,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
  type Theme,
} from "@fluentui/react-components";
import type { Finding, Lang } from "../core/findings/findings";
import type { WorkbookPort } from "../excel/port";
import { CheckTab } from "./CheckTab";
import { ScenarioTab } from "./ScenarioTab";
import { ShortfallTab } from "./ShortfallTab";
import { TemplateTab } from "./TemplateTab";
import { isDarkColor, officeBodyBackground } from "./format";
import { t, type UiKey } from "./i18n";
import { StatusMessage, usePortAction } from "./port-action";
import { runCheck, type CheckRun, type CheckScope, type Progress } from "./run-check";

const useStyles = makeStyles({
  provider: { minHeight: "100%", backgroundColor: tokens.colorNeutralBackground1 },
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    boxSizing: "border-box",
    // Never wider than the pane: long words wrap instead of scrolling sideways.
    maxWidth: "100%",
    minWidth: 0,
    overflowWrap: "anywhere",
  },
  // Four tabs fit in 320 px in Korean; English ones wrap to a second line rather than overflow.
  tabs: { flexWrap: "wrap" },
  panel: { minWidth: 0 },
});

const TABS = ["check", "shortfalls", "templates", "scenarios"] as const;
type TabId = (typeof TABS)[number];
const isTabId = (v: unknown): v is TabId => (TABS as readonly unknown[]).includes(v);

export interface AppProps {
  port: WorkbookPort;
  lang: Lang;
}

/** Office's dark themes (Black, Dark Gray) get Fluent's dark theme; everything else, and no Office, the light one. */
function themeFromOffice(): Theme {
  return isDarkColor(officeBodyBackground()) ? webDarkTheme : webLightTheme;
}

export function App({ port, lang }: AppProps) {
  const styles = useStyles();
  const theme = useMemo(themeFromOffice, []);
  const id = useId();
  const [tab, setTab] = useState<TabId>("check");
  const [run, setRun] = useState<CheckRun | undefined>(undefined);
  const [current, setCurrent] = useState<string | undefined>(undefined);
  // One call into the workbook at a time, whichever tab starts it; its outcome shows above the tabs' content.
  const action = usePortAction(lang);

  const select = useCallback(
    (f: Finding) => {
      setCurrent(`${f.sheet}!${f.cell}`);
      void action.run("select", () => port.selectCell(f.sheet, f.cell));
    },
    [action, port],
  );

  // The check lives here, not in its tab, so that it runs on (and its progress stays) while another tab is shown.
  const [progress, setProgress] = useState<Progress | undefined>(undefined);
  const [scope, setScope] = useState<CheckScope>("workbook");
  const [generation, setGeneration] = useState(0);
  const check = useCallback(
    async (s: CheckScope): Promise<void> => {
      setScope(s);
      const r = await action.run("check", () => runCheck(port, s, setProgress));
      setProgress(undefined);
      if (r !== undefined) {
        setRun(r);
        setCurrent(undefined);
        setGeneration((g) => g + 1);
      }
    },
    [action, port],
  );

  const tabId = (v: TabId): string => `${id}-tab-${v}`;
  const panelId = (v: TabId): string => `${id}-panel-${v}`;
  const labels: Record<TabId, UiKey> = {
    check: "tab.check",
    shortfalls: "tab.shortfalls",
    templates: "tab.templates",
    scenarios: "tab.scenarios",
  };

  // Only the selected tab's content is rendered (the others' panels stay, empty and hidden, for aria-controls):
  // text in a hidden panel would still be found by page searches and end-to-end tests.
  return (
    <FluentProvider theme={theme} lang={lang} className={styles.provider}>
      <div className={styles.root}>
        <TabList
          className={styles.tabs}
          size="small"
          selectedValue={tab}
          onTabSelect={(_, data) => {
            if (isTabId(data.value)) setTab(data.value);
          }}
          aria-label={t(lang, "tabsLabel")}
        >
          {TABS.map((v) => (
            <Tab key={v} id={tabId(v)} value={v} aria-controls={panelId(v)}>
              {t(lang, labels[v])}
            </Tab>
          ))}
        </TabList>

        <StatusMessage status={action.status} lang={lang} onDismiss={action.dismiss} />

        <div role="tabpanel" id={panelId("check")} aria-labelledby={tabId("check")} hidden={tab !== "check"} className={styles.panel}>
          {tab === "check" && (
            <CheckTab
              port={port}
              lang={lang}
              run={run}
              action={action}
              onCheck={(s) => void check(s)}
              progress={progress}
              scope={scope}
              generation={generation}
              current={current}
              onSelect={select}
            />
          )}
        </div>
        <div role="tabpanel" id={panelId("shortfalls")} aria-labelledby={tabId("shortfalls")} hidden={tab !== "shortfalls"} className={styles.panel}>
          {tab === "shortfalls" && <ShortfallTab port={port} lang={lang} run={run} action={action} current={current} onSelect={select} />}
        </div>
        <div role="tabpanel" id={panelId("templates")} aria-labelledby={tabId("templates")} hidden={tab !== "templates"} className={styles.panel}>
          {tab === "templates" && <TemplateTab port={port} lang={lang} action={action} />}
        </div>
        <div role="tabpanel" id={panelId("scenarios")} aria-labelledby={tabId("scenarios")} hidden={tab !== "scenarios"} className={styles.panel}>
          {tab === "scenarios" && <ScenarioTab port={port} lang={lang} action={action} />}
        </div>
      </div>
    </FluentProvider>
  );
}
