// What a Chinese input method and a pasted Excel cell put in a field, folded to the ASCII the readers
// parse: full-width digits and punctuation (６６, １，２３４．５, ％), the ideographic space, the minus
// sign, and the no-break and thin spaces that spreadsheets use for digit grouping.

const FULL_WIDTH_START = 0xff01;
const FULL_WIDTH_END = 0xff5e;
const FULL_WIDTH_OFFSET = 0xfee0;
const SPACES = /[\u00a0\u2007\u2009\u202f\u3000]/g;
const MINUS = /[\u2212\u2012\u2013\ufe63]/g;

export function toHalfWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    out += code >= FULL_WIDTH_START && code <= FULL_WIDTH_END ? String.fromCodePoint(code - FULL_WIDTH_OFFSET) : ch;
  }
  return out.replace(SPACES, ' ').replace(MINUS, '-').trim();
}
