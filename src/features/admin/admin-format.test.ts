import { changeLines, formatInstant } from './admin-format';

const names = { domain: (id: string) => ({ 'air-pollution': '大气污染防治', greening: '生态绿化建设' })[id] ?? id };

describe('the audit log in words', () => {
  it('shows instants in Beijing time whatever the zone they were written in', () => {
    expect(formatInstant('2017-07-03T04:00:05Z')).toBe('2017-07-03 12:00:05');
    expect(formatInstant('2017-07-03T12:00:05+08:00')).toBe('2017-07-03 12:00:05');
  });

  it('lists only what changed, with roles, states and domains named', () => {
    const before = { id: 'u1', username: 'li', role: 'viewer', domainIds: [], active: true };
    const after = { id: 'u1', username: 'li', role: 'updater', domainIds: ['air-pollution', 'greening'], active: false };
    expect(changeLines(before, after, names)).toEqual([
      { field: '角色', before: '查看者', after: '填报员' },
      { field: '负责领域', before: '无', after: '大气污染防治、生态绿化建设' },
      { field: '状态', before: '启用', after: '停用' },
    ]);
  });

  it('shows a creation as what it was created with, and nothing for an empty record', () => {
    expect(changeLines(null, { label: '三楼会议室大屏' }, names)).toEqual([{ field: '名称', before: null, after: '三楼会议室大屏' }]);
    expect(changeLines(null, null, names)).toEqual([]);
  });

  it('shows a value that is not a record whole, as text', () => {
    expect(changeLines('<b>x</b>', null, names)).toEqual([{ field: '内容', before: '"<b>x</b>"', after: null }]);
  });
});
