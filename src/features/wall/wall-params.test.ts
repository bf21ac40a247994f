import { describe, expect, it } from 'vitest';
import { DEFAULT_INTERVAL_SECONDS, parseInterval, parseWallParams, selectDomains } from './wall-params';

const REPORT = ['economy', 'air-pollution', 'work-safety', 'land'];

describe('parseInterval', () => {
  it.each([
    [null, DEFAULT_INTERVAL_SECONDS],
    ['30', 30],
    [' 45 ', 45],
    ['7.5', 7.5],
    ['5', 5],
    ['600', 600],
  ])('reads %j as %d seconds', (raw, seconds) => {
    expect(parseInterval(raw)).toBe(seconds);
  });

  it.each([
    ['1', 5],
    ['0', 5],
    ['601', 600],
    ['86400', 600],
  ])('clamps %j to %d seconds', (raw, seconds) => {
    expect(parseInterval(raw)).toBe(seconds);
  });

  it.each(['abc', '', '20s', '-5', '1e3', 'Infinity', 'NaN', '0x10', '12,5'])('falls back to the default for %j', (raw) => {
    expect(parseInterval(raw)).toBe(DEFAULT_INTERVAL_SECONDS);
  });
});

describe('parseWallParams', () => {
  it('has calm defaults', () => {
    expect(parseWallParams(new URLSearchParams(''))).toEqual({
      intervalSeconds: 20,
      requestedDomainIds: undefined,
      theme: 'dark',
      pinnedOnly: false,
    });
  });

  it('reads every parameter', () => {
    const params = parseWallParams(new URLSearchParams('interval=30&domains=economy, land,,economy&theme=light&pinned=1'));
    expect(params).toEqual({ intervalSeconds: 30, requestedDomainIds: ['economy', 'land'], theme: 'light', pinnedOnly: true });
  });

  it('treats an unknown theme as dark and an empty domain list as none', () => {
    const params = parseWallParams(new URLSearchParams('theme=purple&domains=,&pinned=yes'));
    expect(params.theme).toBe('dark');
    expect(params.requestedDomainIds).toBeUndefined();
    expect(params.pinnedOnly).toBe(false);
  });
});

describe('selectDomains', () => {
  const none = { requestedDomainIds: undefined, pinnedOnly: false };

  it('shows every domain by default', () => {
    expect(selectDomains(REPORT, none, [])).toEqual({ domainIds: REPORT, ignoredIds: [], note: undefined });
  });

  it('keeps report order for a subset and names the ids it ignored', () => {
    const selection = selectDomains(REPORT, { ...none, requestedDomainIds: ['land', 'bogus', 'economy'] }, []);
    expect(selection.domainIds).toEqual(['economy', 'land']);
    expect(selection.ignoredIds).toEqual(['bogus']);
    expect(selection.note).toBe('已忽略未知领域:bogus');
  });

  it('falls back to every domain when none of the requested ids exists', () => {
    const selection = selectDomains(REPORT, { ...none, requestedDomainIds: ['x', 'y'] }, []);
    expect(selection.domainIds).toEqual(REPORT);
    expect(selection.note).toBe('已忽略未知领域:x、y;显示全部领域');
  });

  it('shows only the pinned domains with ?pinned=1, ignoring stale pins', () => {
    const selection = selectDomains(REPORT, { ...none, pinnedOnly: true }, ['land', 'gone', 'air-pollution']);
    expect(selection).toEqual({ domainIds: ['air-pollution', 'land'], ignoredIds: [], note: undefined });
  });

  it('shows everything, with a note, when ?pinned=1 finds no pins', () => {
    const selection = selectDomains(REPORT, { ...none, pinnedOnly: true }, []);
    expect(selection.domainIds).toEqual(REPORT);
    expect(selection.note).toMatch(/尚未设置“我的领域”/);
  });

  it('lets an explicit list win over pins', () => {
    const selection = selectDomains(REPORT, { requestedDomainIds: ['economy'], pinnedOnly: true }, ['land']);
    expect(selection.domainIds).toEqual(['economy']);
  });
});
