// The 템플릿 tab's calls into the workbook: one at a time, the tab marked busy meanwhile, and each outcome shown
// in the tab (Excel's error in the user's language, a refusal of the tab's own, or what was done). The same
// pattern as port-action.tsx, with the failure's title given per call: the tab has more kinds of work
// (loading a catalog, inserting, previewing and writing a fill) than the pane-wide action knows.
import { useCallback, useMemo, useRef, useState } from "react";
import type { Lang } from "../core/findings";
import type { Text } from "../core/sheet-plan";
import { errorText } from "./format";
import type { Status } from "./port-action";

/** A refusal decided by the tab itself (e.g. the selection is not empty): its text is shown as is. */
export class TabRefusal extends Error {
  constructor(readonly text: Text) {
    super(text.en);
    this.name = "TabRefusal";
  }
}

export type TabWork = "catalog" | "insert" | "file" | "sheets" | "preview" | "write";

/** An outcome, with the work it came from: each part of the tab shows its own work's outcome next to it. */
export type TabStatus = Status & { work: TabWork };

export interface TabAction {
  busy: TabWork | undefined;
  status: TabStatus | undefined;
  dismiss(): void;
  /** Runs `call` unless another call is under way; a failure shows `failTitle` and the error; `done` words success. */
  run<T>(work: TabWork, failTitle: string, call: () => Promise<T>, done?: (value: T) => string | undefined): Promise<T | undefined>;
}

export function useTabAction(lang: Lang): TabAction {
  const [busy, setBusy] = useState<TabWork | undefined>(undefined);
  const [status, setStatus] = useState<TabStatus | undefined>(undefined);
  // State changes only on the next render; the ref stops a double click from starting a second call.
  const running = useRef(false);

  const run = useCallback(
    async <T,>(work: TabWork, failTitle: string, call: () => Promise<T>, done?: (value: T) => string | undefined): Promise<T | undefined> => {
      if (running.current) return undefined;
      running.current = true;
      setBusy(work);
      setStatus(undefined);
      try {
        const value = await call();
        const text = done?.(value);
        if (text !== undefined) setStatus({ intent: "success", text, work });
        return value;
      } catch (e) {
        setStatus({ intent: "error", title: failTitle, text: e instanceof TabRefusal ? e.text[lang] : errorText(e, lang), work });
        return undefined;
      } finally {
        running.current = false;
        setBusy(undefined);
      }
    },
    [lang],
  );

  const dismiss = useCallback(() => setStatus(undefined), []);
  return useMemo(() => ({ busy, status, dismiss, run }), [busy, status, dismiss, run]);
}
