import { loginHref, safeNext } from './safe-next';

describe('safeNext', () => {
  it('keeps a path inside the app with its query and fragment', () => {
    expect(safeNext('/domains/air-pollution?x=1#metric-pm25')).toBe('/domains/air-pollution?x=1#metric-pm25');
    expect(safeNext('/admin')).toBe('/admin');
  });

  it.each([
    ['absent', null],
    ['empty', ''],
    ['absolute', 'https://evil.example/admin'],
    ['protocol-relative', '//evil.example/admin'],
    ['backslash', '/\\evil.example'],
    ['tab inside', '/\t/evil.example'],
    ['javascript', 'javascript:alert(1)'],
    ['relative', 'admin'],
    ['the form itself', '/login?next=/admin'],
  ])('falls back to / for %s', (_what, next) => {
    expect(safeNext(next)).toBe('/');
  });

  it('builds the sign-in link that comes back here', () => {
    expect(loginHref('/source?q=1')).toBe('/login?next=%2Fsource%3Fq%3D1');
    expect(loginHref('/')).toBe('/login');
  });
});
