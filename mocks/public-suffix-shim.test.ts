import { getDomain } from './public-suffix-shim';

describe('the public suffix shim MSW gets in the demo build', () => {
  it.each([
    ['www.example.com', 'example.com'],
    ['dashboard.erqi.gov.cn', 'gov.cn'],
    ['Example.COM.', 'example.com'],
    ['localhost', null],
    ['127.0.0.1', null],
    ['a..b', null],
  ])('%s → %s', (hostname, domain) => {
    expect(getDomain(hostname)).toBe(domain);
  });
});
