// push(...items) passes every item as an argument, and a sheet of 60,000 rows has more findings than a call can
// take ("Maximum call stack size exceeded"): long lists are appended one by one.

/** Appends `items` to `target` in place and returns `target`. */
export function append<T>(target: T[], items: readonly T[]): T[] {
  for (const x of items) target.push(x);
  return target;
}
