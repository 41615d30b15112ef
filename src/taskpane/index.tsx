// The task pane's entry in Excel: wait for Office, pick the language Office shows, and render the pane over the
// Office.js adapter.
import { createRoot } from "react-dom/client";
import { createExcelPort } from "../excel/adapter";
import { App } from "./App";
import { langFromOffice } from "./i18n";

Office.onReady(() => {
  const lang = langFromOffice(Office.context.displayLanguage);
  const root = document.getElementById("root");
  // taskpane.html always has #root; failing loudly beats rendering nowhere.
  if (root === null) throw new Error("taskpane.html has no #root element");
  createRoot(root).render(<App port={createExcelPort()} lang={lang} />);
});
