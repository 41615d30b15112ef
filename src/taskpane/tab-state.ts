// A tab's entries outlive the tab: the pane renders only the selected tab, so without this an officer who looks at
// the 검증 tab and comes back would lose what they typed (the pasted table, the chosen template, the scenario's
// inputs) and the loaded catalog. Kept per workbook port (one per pane session; a fresh pane starts fresh), in
// memory only. Keys are prefixed by their tab ("templates.", "fill.", "scenario.").
import { useCallback, useState, type Dispatch, type SetStateAction } from "react";

const kept = new WeakMap<object, Map<string, unknown>>();

/** useState whose value is remembered under `key` for `owner` across unmounts. */
export function useTabState<T>(owner: object, key: string, initial: T | (() => T)): [T, Dispatch<SetStateAction<T>>] {
  let store = kept.get(owner);
  if (store === undefined) {
    store = new Map();
    kept.set(owner, store);
  }
  const map = store;
  // Only this hook writes `key`, always with a T: the cast restores the type the map erased.
  const [value, setValue] = useState<T>(() => (map.has(key) ? (map.get(key) as T) : typeof initial === "function" ? (initial as () => T)() : initial));
  const set: Dispatch<SetStateAction<T>> = useCallback(
    (next) =>
      setValue((prev) => {
        const v = typeof next === "function" ? (next as (p: T) => T)(prev) : next;
        map.set(key, v);
        return v;
      }),
    [map, key],
  );
  return [value, set];
}
