// The preview's entry: the task pane in a plain browser, over an in-memory workbook run by the real adapter.
// Language: ?lang=en or ?lang=ko, else the browser's.
import { createRoot } from "react-dom/client";
import type { Lang } from "../core/findings/findings";
import { langFromOffice } from "../taskpane/i18n";
import { Preview } from "./Preview";

function pageLang(): Lang {
  const asked = new URLSearchParams(window.location.search).get("lang");
  if (asked === "en" || asked === "ko") return asked;
  return langFromOffice(navigator.language);
}

function render(): void {
  const root = document.getElementById("root");
  // preview.html always has #root; failing loudly beats rendering nowhere.
  if (root === null) throw new Error("preview.html has no #root element");
  const lang = pageLang();
  document.documentElement.lang = lang;
  createRoot(root).render(<Preview lang={lang} />);
}

// Outside Office, Office.onReady resolves with host null; waiting for it keeps office.js's own start-up out of the
// way. If office.js did not load at all, the preview still works: it needs nothing from Office itself.
if (typeof Office === "undefined") render();
else void Office.onReady().then(render);
