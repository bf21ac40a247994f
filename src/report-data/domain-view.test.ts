import { domainName, sectionTitlesByDomain } from './domain-view';

describe('domainName', () => {
  it('takes the name from the domain’s own figures first', () => {
    expect(domainName('air-pollution', { name: '大气污染' }, { name: '大气污染防治' })).toBe('大气污染防治');
  });

  it('falls back to the report’s list of domains while the figures load or after they failed', () => {
    expect(domainName('air-pollution', { name: '大气污染防治' }, undefined)).toBe('大气污染防治');
  });

  it('falls back to the id when the report does not list the domain', () => {
    expect(domainName('air-pollution', undefined, undefined)).toBe('air-pollution');
  });
});

describe('sectionTitlesByDomain', () => {
  const sections = [
    { title: '读数据 看成绩', domainIds: ['economy'] },
    { title: '靠抓手 见成效', domainIds: ['air-pollution', 'work-safety'] },
  ];

  it('gives every listed domain the title of the section that lists it', () => {
    const titles = sectionTitlesByDomain(sections);
    expect(titles.get('economy')).toBe('读数据 看成绩');
    expect(titles.get('air-pollution')).toBe('靠抓手 见成效');
    expect(titles.get('work-safety')).toBe('靠抓手 见成效');
  });

  it('has no title for a domain no section lists', () => {
    expect(sectionTitlesByDomain(sections).get('land')).toBeUndefined();
  });
});
