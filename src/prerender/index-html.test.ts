import { withPrerenderedOverview } from './index-html';
import { ELSEWHERE_CLASS, FRAME_END, FRAME_START, PLAIN_FRAME_ID, PRERENDERED_STATE_ID } from './markers';

const template = `<!doctype html>
<html>
  <head>
    <title>进度</title>
  </head>
  <body>
    <div id="root">
      ${FRAME_START}
      <p class="app-shell-note">正在载入…</p>
      ${FRAME_END}
    </div>
    <script type="module" src="/assets/index.js"></script>
  </body>
</html>`;

const chooser = {
  script: 'chooseView(document.currentScript)',
  data: { prerenderedPath: '/jindu/', overview: '/jindu/assets/overview-route.js', mockApi: '/jindu/assets/browser.js' },
};

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('withPrerenderedOverview', () => {
  it('puts the markup in #root, the plain frame apart, and the state beside them', () => {
    const page = parse(withPrerenderedOverview(template, { html: '<h1>总览</h1>', state: { path: '/jindu/' } }, chooser));
    expect(page.getElementById('root')?.innerHTML).toBe('<h1>总览</h1>');
    expect(page.getElementById(PLAIN_FRAME_ID)?.textContent?.trim()).toBe('正在载入…');
    expect(JSON.parse(page.getElementById(PRERENDERED_STATE_ID)?.textContent ?? '')).toEqual({ path: '/jindu/' });
    expect(page.querySelector('script[type=module]')?.getAttribute('src')).toBe('/assets/index.js');
  });

  it('puts the inline script in <head>, told what it needs by data attributes, and the style that hides the other view', () => {
    const page = parse(withPrerenderedOverview(template, { html: '', state: {} }, chooser));
    const script = page.head.querySelector('script');
    expect(script?.textContent).toBe(chooser.script);
    expect({ ...script?.dataset }).toEqual(chooser.data);
    expect(page.head.querySelector('style')?.textContent).toContain(`.${ELSEWHERE_CLASS} #root`);
  });

  it('keeps the state JSON from ending its <script> early, and "$" from being read as a pattern', () => {
    const state = { quote: '</script><script>alert(1)</script>', dollars: "$& $' $1" };
    const html = withPrerenderedOverview(template, { html: '<p>$&</p>', state }, chooser);
    const page = parse(html);
    expect(page.querySelectorAll('script')).toHaveLength(3);
    expect(JSON.parse(page.getElementById(PRERENDERED_STATE_ID)?.textContent ?? '')).toEqual(state);
    expect(page.getElementById('root')?.innerHTML).toBe('<p>$&amp;</p>');
  });

  it('escapes the data attributes', () => {
    const html = withPrerenderedOverview(template, { html: '', state: {} }, { ...chooser, data: { ...chooser.data, overview: '/a"b&c.js' } });
    expect(parse(html).head.querySelector('script')?.dataset.overview).toBe('/a"b&c.js');
  });

  it('refuses an index.html without the frame markers', () => {
    expect(() => withPrerenderedOverview('<html><head></head><body><div id="root"></div></body></html>', { html: '', state: {} }, chooser)).toThrow(
      /no <!-- frame --> block/,
    );
  });
});
