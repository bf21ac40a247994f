// What every check in src/tracking answers: refused (impossible: the form blocks it, the server answers
// 422) or questioned (odd but possible: the form asks before sending, the server accepts). Both name the
// field, as a path the server can put in its problem+json and the form can put beside the input.

export interface Refusal {
  /** Where the problem is: "value", "asOf", "observations[2].value". */
  field: string;
  /** Stable, for code and tests. */
  code: string;
  /** For people, in Chinese, naming the field by its label. */
  message: string;
}

/** Odd but possible: shown with the row, confirmed by the person before the update is sent. */
export type Warning = Refusal;

export type Checked<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

/** "优良天数的新值" when the caller gave a label, else a plain "数值"/"截至日期" for the field. */
export function fieldName(label: string | undefined, what: string): string {
  return label === undefined ? what : `${label}的${what}`;
}
