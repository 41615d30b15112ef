// A scanner for the XML of a workbook's parts. Hand-written on purpose: a sheet part is millions of tags of five
// kinds (<row>, <c>, <f>, <v>, <mergeCell>), and a general SAX parser (saxes, through exceljs) spent most of the read
// building attribute objects and events nobody looks at (BENCHMARKS.md, 2026-12-03 second session). The scanner
// hands over each tag's local name (prefixes such as <x:c> dropped) and its raw attribute text; attributes are read
// only where asked, and text only between tags that want it. It never expands entities beyond XML's five and
// character references, so a DOCTYPE cannot make it grow a document (no "billion laughs").

/** What a part's reader does with its tags. `attrs` is the raw text between the name and ">". */
export interface XmlHandler {
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Raw text between two tags (entities not yet decoded: see decodeText). Called only while `wantsText()`. */
  text(raw: string): void;
  wantsText(): boolean;
}

export class XmlSyntaxError extends Error {
  constructor(what: string, at: number) {
    super(`${what} at character ${at}`);
    this.name = "XmlSyntaxError";
  }
}

const LT = 60; // <
const GT = 62; // >
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const COLON = 58;

/** The name's local part: "x:c" → "c". */
function localName(xml: string, from: number, to: number): string {
  for (let i = to - 1; i >= from; i--) if (xml.charCodeAt(i) === COLON) return xml.slice(i + 1, to);
  return xml.slice(from, to);
}

const isNameEnd = (code: number): boolean => code === 32 || code === 9 || code === 10 || code === 13 || code === SLASH || code === GT;

/** Scans a whole part, calling the handler for each tag; throws XmlSyntaxError on a tag that never ends. */
export function scanXml(xml: string, h: XmlHandler): void {
  const n = xml.length;
  let i = xml.indexOf("<");
  if (i < 0) return;
  while (i >= 0 && i < n) {
    const next = xml.charCodeAt(i + 1);
    if (next === QUESTION) {
      i = skipPast(xml, "?>", i);
    } else if (next === BANG) {
      if (xml.startsWith("<!--", i)) {
        i = skipPast(xml, "-->", i);
      } else if (xml.startsWith("<![CDATA[", i)) {
        const end = xml.indexOf("]]>", i + 9);
        if (end < 0) throw new XmlSyntaxError("unterminated CDATA", i);
        if (h.wantsText()) h.text(escapeCdata(xml.slice(i + 9, end)));
        i = end + 3;
      } else {
        // <!DOCTYPE …> with or without an internal subset: skipped whole, its entities never used.
        i = skipDoctype(xml, i);
      }
    } else if (next === SLASH) {
      const end = xml.indexOf(">", i + 2);
      if (end < 0) throw new XmlSyntaxError("unterminated end tag", i);
      let nameEnd = end;
      while (nameEnd > i + 2 && xml.charCodeAt(nameEnd - 1) <= 32) nameEnd--;
      h.close(localName(xml, i + 2, nameEnd));
      i = end + 1;
    } else {
      let j = i + 1;
      while (j < n && !isNameEnd(xml.charCodeAt(j))) j++;
      const name = localName(xml, i + 1, j);
      const end = tagEnd(xml, j);
      if (end < 0) throw new XmlSyntaxError("unterminated tag", i);
      const selfClosing = xml.charCodeAt(end - 1) === SLASH;
      h.open(name, xml.slice(j, selfClosing ? end - 1 : end), selfClosing);
      if (selfClosing) h.close(name);
      i = end + 1;
    }
    if (i >= n) break;
    // Text up to the next tag.
    const lt = xml.indexOf("<", i);
    const stop = lt < 0 ? n : lt;
    if (stop > i && h.wantsText()) h.text(xml.slice(i, stop));
    i = lt;
  }
}

/** The ">" ending a start tag, skipping quoted attribute values (which may hold ">"). */
function tagEnd(xml: string, from: number): number {
  const n = xml.length;
  for (let k = from; k < n; k++) {
    const code = xml.charCodeAt(k);
    if (code === GT) return k;
    if (code === 34 || code === 39) {
      const close = xml.indexOf(code === 34 ? '"' : "'", k + 1);
      if (close < 0) return -1;
      k = close;
    } else if (code === LT) {
      return -1;
    }
  }
  return -1;
}

function skipPast(xml: string, end: string, from: number): number {
  const k = xml.indexOf(end, from + 2);
  if (k < 0) throw new XmlSyntaxError(`missing ${end}`, from);
  return k + end.length;
}

function skipDoctype(xml: string, from: number): number {
  let depth = 0;
  for (let k = from + 2; k < xml.length; k++) {
    const code = xml.charCodeAt(k);
    if (code === 91) depth++;
    else if (code === 93) depth--;
    else if (code === GT && depth <= 0) return k + 1;
  }
  throw new XmlSyntaxError("unterminated declaration", from);
}

/** CDATA is text as it stands; escaped so that decodeText leaves it as it is. */
const escapeCdata = (s: string): string => (s.includes("&") ? s.replace(/&/g, "&amp;") : s);

/**
 * One attribute's value, decoded, or undefined. `name` is matched on its local part ("id" finds "r:id"), as the
 * parts' namespaces are fixed and prefixes vary by writer.
 */
export function attr(attrs: string, name: string): string | undefined {
  const n = attrs.length;
  let k = 0;
  while (k < n) {
    while (k < n && attrs.charCodeAt(k) <= 32) k++;
    const nameStart = k;
    while (k < n && attrs.charCodeAt(k) !== 61 && attrs.charCodeAt(k) > 32) k++;
    const nameEnd = k;
    while (k < n && attrs.charCodeAt(k) <= 32) k++;
    if (k >= n || attrs.charCodeAt(k) !== 61) return undefined;
    k++;
    while (k < n && attrs.charCodeAt(k) <= 32) k++;
    const quote = attrs.charCodeAt(k);
    if (quote !== 34 && quote !== 39) return undefined;
    const close = attrs.indexOf(quote === 34 ? '"' : "'", k + 1);
    if (close < 0) return undefined;
    const len = name.length;
    const full = nameEnd - nameStart;
    if (
      (full === len && attrs.startsWith(name, nameStart)) ||
      (full > len && attrs.charCodeAt(nameEnd - len - 1) === COLON && attrs.startsWith(name, nameEnd - len))
    ) {
      return decodeText(attrs.slice(k + 1, close));
    }
    k = close + 1;
  }
  return undefined;
}

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/**
 * XML's five named entities and character references; anything else is left as written. A line break written as
 * CR LF (or a lone CR) reads as LF, as XML's end-of-line rule says; a CR written as &#13; stays.
 */
export function decodeText(raw: string): string {
  const text = raw.includes("\r") ? raw.replace(/\r\n?/g, "\n") : raw;
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body.charCodeAt(0) === 35) {
      const code = body.charCodeAt(1) === 120 ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body] ?? whole;
  });
}
