// WCAG contrast of text against what is behind it, computed in the page (it needs computed styles).

/**
 * Runs in the page (installContrast puts it there): the contrast ratio of an element's text colour
 * against the first background behind it that is not fully transparent (the page's, else white).
 */
function contrastOf(element) {
  const parse = (colour) => {
    const m = colour.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return { r, g, b, a };
  };
  const luminance = ({ r, g, b }) => {
    const channel = (v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0) return c;
    }
    return parse(getComputedStyle(document.documentElement).backgroundColor) ?? { r: 255, g: 255, b: 255 };
  };
  const [l1, l2] = [luminance(parse(getComputedStyle(element).color)), luminance(background(element))].sort((a, b) => b - a);
  return { ratio: Math.round(((l1 + 0.05) / (l2 + 0.05)) * 100) / 100, background: background(element) };
}

/** Makes `window.contrastOf(element)` available to page.evaluate in this page. */
export async function installContrast(page) {
  await page.evaluate(`window.contrastOf = ${contrastOf.toString()}`);
}
