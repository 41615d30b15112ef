// Excel's error values as they reach us: the cached value of a formula that failed (t="e" in a file, the text of
// range.values in Excel). They are not text someone typed: each says a figure cannot be known.
const ERROR_VALUE = /^\s*(#NULL!|#DIV\/0!|#VALUE!|#REF!|#NAME\?|#NUM!|#N\/A|#SPILL!|#CALC!|#GETTING_DATA|#FIELD!|#BLOCKED!|#CONNECT!|#BUSY!|#UNKNOWN!|#PYTHON!|#EXTERNAL!)\s*$/i;

/** The error code when the text is one of Excel's error values ("#REF!"), else undefined. */
export function errorValue(text: string): string | undefined {
  const m = ERROR_VALUE.exec(text);
  return m === null ? undefined : m[1].toUpperCase();
}
