// The ribbon's "빠른 검증" (quick check) button: an ExecuteFunction command (manifest.xml, FunctionName
// checkWorkbookFromRibbon) that runs in the UI-less commands.html page. It checks the whole workbook with the same
// engine as the task pane and the command line, then shows the counts in a small dialog (check-result.html).
import { checkWorkbook } from "../core/check-workbook";
import type { Lang } from "../core/findings/findings";
import { createExcelPort } from "../excel/adapter";
import { ExcelPortError } from "../excel/port";
import {
  countFindings,
  DIALOG_OPTIONS,
  langFromDisplayLanguage,
  resultDialogUrl,
  unexpectedErrorText,
  type DialogContent,
} from "./summary";

/** Reads and checks the workbook; every failure becomes dialog text, so the user always learns what happened. */
async function runCheck(lang: Lang): Promise<DialogContent> {
  try {
    const { grid } = await createExcelPort().readWorkbook();
    return { kind: "counts", counts: countFindings(checkWorkbook(grid).findings) };
  } catch (error) {
    // ExcelPortError carries its own text in both languages (cell edit mode, protection, …); anything else is a bug
    // or an Office failure we did not foresee, shown with its message rather than swallowed.
    console.error("[yesan] quick check failed", error);
    const message = error instanceof ExcelPortError ? error.text[lang] : unexpectedErrorText(error, lang);
    return { kind: "error", message };
  }
}

/**
 * Opens the dialog and resolves once it is closed (or could not be opened). The command waits for the close
 * because the host may unload this function file, and a dialog opened from it, as soon as event.completed() runs.
 */
function showDialog(url: string): Promise<void> {
  return new Promise((resolve) => {
    Office.context.ui.displayDialogAsync(url, { ...DIALOG_OPTIONS }, (result) => {
      if (result.status === Office.AsyncResultStatus.Failed) {
        // e.g. 12007: a dialog from this add-in is still open (the button was clicked twice).
        console.error(`[yesan] result dialog failed: ${result.error.code} ${result.error.message}`);
        resolve();
        return;
      }
      result.value.addEventHandler(Office.EventType.DialogEventReceived, () => resolve());
    });
  });
}

export async function checkWorkbookFromRibbon(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const lang = langFromDisplayLanguage(Office.context.displayLanguage);
    const content = await runCheck(lang);
    // Resolved against this page rather than location.origin, so a deployment under a path prefix works too.
    const page = new URL("check-result.html", location.href).href;
    await showDialog(resultDialogUrl(page, content, lang));
  } catch (error) {
    console.error("[yesan] quick check failed", error);
  } finally {
    // Office keeps the button busy (and eventually reports a timeout) until the command says it is done.
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate("checkWorkbookFromRibbon", checkWorkbookFromRibbon);
});
