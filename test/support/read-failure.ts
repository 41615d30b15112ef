// The XlsxReadError a read throws, for tests that look at its reason; anything else thrown fails the test.
import { XlsxReadError } from "../../src/cli/xlsx-grid";

export function readFailure(f: () => unknown): XlsxReadError {
  try {
    f();
  } catch (e) {
    if (e instanceof XlsxReadError) return e;
    throw e;
  }
  throw new Error("expected an XlsxReadError");
}
