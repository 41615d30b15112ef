// The 템플릿 tab's calls into the workbook: one at a time (useSerialAction, as the pane-wide action), each outcome
// shown next to the part of the tab it came from, with the failure's title given per call: the tab has more kinds
// of work (loading a catalog, inserting, previewing and writing a fill) than the pane-wide action knows.
import type { Text } from "../core/cells/sheet-plan";
import { useSerialAction, type KindStatus, type SerialAction } from "./port-action";
import type { Lang } from "../core/findings/findings";

/** A refusal decided by the tab itself (e.g. the selection is not empty): its text is shown as is. */
export class TabRefusal extends Error {
  constructor(readonly text: Text) {
    super(text.en);
    this.name = "TabRefusal";
  }
}

export type TabWork = "catalog" | "insert" | "file" | "sheets" | "preview" | "write";
export type TabStatus = KindStatus<TabWork>;
export type TabAction = SerialAction<TabWork>;

export function useTabAction(lang: Lang): TabAction {
  return useSerialAction<TabWork>(lang);
}
