// Every call into the workbook goes through `usePortAction`: one call at a time, the pane marked busy meanwhile,
// and the outcome shown in a MessageBar: Excel's error in the user's language, or what was done. Nothing swallowed.
import { useCallback, useMemo, useRef, useState } from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { Lang } from "../core/findings/findings";
import { t } from "./i18n";
import { errorText } from "./format";

export type ActionKind = "check" | "select" | "mark" | "clear" | "report" | "chart" | "scenarioRead" | "scenarioWrite";

export interface Status {
  intent: "error" | "success";
  title?: string;
  text: string;
}

export interface PortAction {
  busy: ActionKind | undefined;
  status: Status | undefined;
  dismiss(): void;
  /** Runs `call` unless another call is under way; `done` words the success (none: no message). */
  run<T>(kind: ActionKind, call: () => Promise<T>, done?: (value: T) => string | undefined): Promise<T | undefined>;
}

/** A status with the kind of work it came from, so each part of a tab can show its own work's outcome. */
export type KindStatus<K extends string> = Status & { kind: K };

export interface SerialAction<K extends string> {
  busy: K | undefined;
  status: KindStatus<K> | undefined;
  dismiss(): void;
  /** Runs `call` unless another call is under way; a failure shows `failTitle` and the error; `done` words success. */
  run<T>(kind: K, failTitle: string, call: () => Promise<T>, done?: (value: T) => string | undefined): Promise<T | undefined>;
}

/** One call at a time, the caller marked busy meanwhile, the outcome kept as a status. Nothing is swallowed. */
export function useSerialAction<K extends string>(lang: Lang): SerialAction<K> {
  const [busy, setBusy] = useState<K | undefined>(undefined);
  const [status, setStatus] = useState<KindStatus<K> | undefined>(undefined);
  // The state above only changes on the next render; the ref stops a double click from starting a second call.
  const running = useRef(false);

  const run = useCallback(
    async <T,>(kind: K, failTitle: string, call: () => Promise<T>, done?: (value: T) => string | undefined): Promise<T | undefined> => {
      if (running.current) return undefined;
      running.current = true;
      setBusy(kind);
      setStatus(undefined);
      try {
        const value = await call();
        const text = done?.(value);
        if (text !== undefined) setStatus({ intent: "success", text, kind });
        return value;
      } catch (e) {
        setStatus({ intent: "error", title: failTitle, text: errorText(e, lang), kind });
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

/** The pane-wide action: each kind's failure has its own title from the message table. */
export function usePortAction(lang: Lang): PortAction {
  const serial = useSerialAction<ActionKind>(lang);
  const { run: runSerial } = serial;
  const run = useCallback(
    <T,>(kind: ActionKind, call: () => Promise<T>, done?: (value: T) => string | undefined): Promise<T | undefined> => runSerial(kind, t(lang, `fail.${kind}`), call, done),
    [lang, runSerial],
  );
  return useMemo(() => ({ busy: serial.busy, status: serial.status, dismiss: serial.dismiss, run }), [serial.busy, serial.status, serial.dismiss, run]);
}

export function StatusMessage({ status, lang, onDismiss }: { status: Status | undefined; lang: Lang; onDismiss: () => void }) {
  if (status === undefined) return null;
  return (
    <MessageBar intent={status.intent} layout="multiline">
      <MessageBarBody>
        {status.title !== undefined && <MessageBarTitle>{status.title}</MessageBarTitle>}
        {status.text}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" appearance="transparent" onClick={onDismiss}>
          {t(lang, "action.dismiss")}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
