import { analyseDomain } from '../../progress';
import { domain, goodAirDays, metric, pm25 } from '../../progress/test-fixtures';
import { hasActiveFilters, matchDomain, parseFilters, textMatches, withFilter, withoutFilters } from './filters';

const sections = [{ id: 'results' }, { id: 'levers' }];
const parse = (search: string) => parseFilters(new URLSearchParams(search), sections);

describe('parseFilters', () => {
  it('reads a status, a section and the search text', () => {
    expect(parse('?status=behind&section=levers&q=%20安置%20')).toEqual({
      status: 'behind',
      section: 'levers',
      q: '安置',
      ignored: {},
    });
  });

  it('ignores an unknown status and section and says which', () => {
    const filters = parse('?status=late&section=nowhere');
    expect(filters.status).toBeUndefined();
    expect(filters.section).toBeUndefined();
    expect(filters.ignored).toEqual({ status: 'late', section: 'nowhere' });
    expect(hasActiveFilters(filters)).toBe(false);
  });

  it('does not call a section unknown before the report has loaded', () => {
    expect(parseFilters(new URLSearchParams('?section=nowhere'), undefined)).toMatchObject({ section: 'nowhere', ignored: {} });
  });

  it('treats empty and blank values as no filter', () => {
    const filters = parse('?status=&section=%20&q=%20%20');
    expect(filters).toEqual({ status: undefined, section: undefined, q: '', ignored: {} });
    expect(hasActiveFilters(filters)).toBe(false);
  });

  it('does not take a status name that only looks like one (case, prototype keys)', () => {
    expect(parse('?status=BEHIND').ignored.status).toBe('BEHIND');
    expect(parse('?status=constructor').ignored.status).toBe('constructor');
  });
});

describe('URL helpers', () => {
  it('sets and removes one filter, keeping the others', () => {
    const params = new URLSearchParams('q=PM2.5&status=behind');
    expect(withFilter(params, 'section', 'levers').toString()).toBe('q=PM2.5&status=behind&section=levers');
    expect(withFilter(params, 'status', undefined).toString()).toBe('q=PM2.5');
    expect(withFilter(params, 'q', '  ').toString()).toBe('status=behind');
    expect(params.toString()).toBe('q=PM2.5&status=behind');
  });

  it('clears every filter and nothing else', () => {
    expect(withoutFilters(new URLSearchParams('q=x&status=behind&section=levers&lang=zh')).toString()).toBe('lang=zh');
  });

  it('round-trips Chinese text through the URL', () => {
    const params = withFilter(new URLSearchParams(), 'q', '安置房');
    expect(parse(`?${params.toString()}`).q).toBe('安置房');
  });
});

describe('textMatches', () => {
  it('finds partial Chinese words and ignores case and character width', () => {
    expect(textMatches('安置房建设', '安置')).toBe(true);
    expect(textMatches('PM2.5累积浓度', 'pm2.5')).toBe(true);
    expect(textMatches('PM2.5累积浓度', 'ＰＭ２.５')).toBe(true);
    expect(textMatches('优良天数', '安置')).toBe(false);
    expect(textMatches('任何', '')).toBe(true);
  });
});

describe('matchDomain', () => {
  const sites = metric({ id: 'sites', label: '施工工地', value: 278, unit: '个', direction: 'neutral' });
  const air = analyseDomain({ ...domain('air-pollution', [goodAirDays, pm25, sites]), name: '大气污染防治' });

  it('shows the headline when nothing narrows the metrics', () => {
    const match = matchDomain(air, { status: undefined, q: '' });
    expect(match).toMatchObject({ visible: true, narrowed: false });
    expect(match.visible && match.metrics.map((p) => p.metric.id)).toEqual(['pm25', 'good-air-days', 'sites']);
  });

  it('narrows to the metrics in the asked status, and hides a domain with none', () => {
    const behind = matchDomain(air, { status: 'behind', q: '' });
    expect(behind.visible && behind.metrics.map((p) => p.metric.id)).toEqual(['good-air-days']);
    expect(behind.visible && behind.matched).toBe(1);
    expect(matchDomain(air, { status: 'complete', q: '' })).toEqual({ visible: false });
  });

  it('matches metric labels, and the domain name for all of its metrics', () => {
    const byLabel = matchDomain(air, { status: undefined, q: 'pm2.5' });
    expect(byLabel.visible && byLabel.metrics.map((p) => p.metric.id)).toEqual(['pm25']);
    expect(matchDomain(air, { status: undefined, q: '大气' })).toMatchObject({ visible: true, narrowed: false });
    const nameAndStatus = matchDomain(air, { status: 'no-target', q: '大气' });
    expect(nameAndStatus.visible && nameAndStatus.metrics.map((p) => p.metric.id)).toEqual(['sites']);
    expect(matchDomain(air, { status: undefined, q: '安置' })).toEqual({ visible: false });
  });

  it('finds a domain without figures by its name, but never by a status', () => {
    const safety = analyseDomain({ ...domain('work-safety', []), name: '安全生产' });
    expect(matchDomain(safety, { status: undefined, q: '安全' })).toMatchObject({ visible: true });
    expect(matchDomain(safety, { status: 'no-target', q: '' })).toEqual({ visible: false });
  });
});
