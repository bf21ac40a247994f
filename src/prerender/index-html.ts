import { ELSEWHERE_CLASS, FRAME_END, FRAME_START, PLAIN_FRAME_ID, PRERENDERED_STATE_ID, ROOT_ID, type ViewChooserData } from './markers.ts';

/** Hides whichever of the two the inline script did not choose, from the first paint. */
export const VIEW_CHOOSER_STYLE = `.${ELSEWHERE_CLASS} #${ROOT_ID},html:not(.${ELSEWHERE_CLASS}) #${PLAIN_FRAME_ID}{display:none}`;

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
const kebab = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * index.html with the rendered overview in #root and the state it was drawn from beside it, the plain
 * frame moved apart (shown on every other URL), and in <head> the inline script (its text, e.g. from
 * viewChooserScript(), told `chooser` through data attributes) and style that choose between the two.
 */
export function withPrerenderedOverview(
  html: string,
  rendered: { html: string; state: unknown },
  chooser: { script: string; data: ViewChooserData },
): string {
  const frame = new RegExp(`<div id="${ROOT_ID}">\\s*${escapeRegExp(FRAME_START)}([\\s\\S]*?)${escapeRegExp(FRAME_END)}\\s*</div>`);
  const found = frame.exec(html);
  if (found === null) throw new Error(`index.html: no ${FRAME_START} block in #${ROOT_ID} to prerender into`);
  if (!html.includes('</head>')) throw new Error('index.html: no </head> to put the view chooser before');
  const attributes = Object.entries(chooser.data)
    .map(([name, value]) => ` data-${kebab(name)}="${escapeAttribute(value)}"`)
    .join('');
  // JSON inside <script> ends at the first "</script": no "<" may appear raw.
  const state = JSON.stringify(rendered.state).replace(/</g, '\\u003c');
  // Replacer functions, so that a "$" in the markup or state is not read as a replacement pattern.
  return html
    .replace('</head>', () => `  <script${attributes}>${chooser.script}</script>\n    <style>${VIEW_CHOOSER_STYLE}</style>\n  </head>`)
    .replace(
      found[0],
      () =>
        `<div id="${PLAIN_FRAME_ID}">${found[1] ?? ''}</div>\n    <div id="${ROOT_ID}">${rendered.html}</div>\n    <script type="application/json" id="${PRERENDERED_STATE_ID}">${state}</script>`,
    );
}
