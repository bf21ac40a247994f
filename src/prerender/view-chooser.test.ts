import { ELSEWHERE_CLASS } from './markers';
import { chooseView } from './view-chooser';

function inlineScript(prerenderedPath: string): HTMLScriptElement {
  const script = document.createElement('script');
  Object.assign(script.dataset, { prerenderedPath, overview: '/assets/overview-route.js', mockApi: '/assets/browser.js' });
  return script;
}

const preloaded = () => [...document.head.querySelectorAll<HTMLLinkElement>('link[rel=modulepreload]')].map((link) => link.getAttribute('href'));

afterEach(() => {
  document.head.replaceChildren();
  document.documentElement.classList.remove(ELSEWHERE_CLASS);
  window.history.replaceState({}, '', '/');
});

describe("index.html's inline script", () => {
  it.each(['/jindu/', '/jindu'])('on the prerendered URL (%s) keeps the overview and preloads its code', (url) => {
    window.history.replaceState({}, '', url);
    chooseView(inlineScript('/jindu/'));
    expect(document.documentElement.classList.contains(ELSEWHERE_CLASS)).toBe(false);
    expect(preloaded()).toEqual(['/assets/overview-route.js']);
  });

  it.each(['/jindu/wall', '/jindu/?status=behind'])('elsewhere (%s) shows the plain frame and preloads the mocked API', (url) => {
    window.history.replaceState({}, '', url);
    chooseView(inlineScript('/jindu/'));
    expect(document.documentElement.classList.contains(ELSEWHERE_CLASS)).toBe(true);
    expect(preloaded()).toEqual(['/assets/browser.js']);
  });

  it('preloads nothing elsewhere in a build with a real API (no mocked API to name)', () => {
    window.history.replaceState({}, '', '/wall');
    const script = inlineScript('/');
    script.dataset.mockApi = '';
    chooseView(script);
    expect(document.documentElement.classList.contains('jindu-elsewhere')).toBe(true);
    expect(preloaded()).toEqual([]);
  });
  it('does nothing without its script element', () => {
    chooseView(null);
    expect(preloaded()).toEqual([]);
  });
});
