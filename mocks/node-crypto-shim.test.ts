import { createHash as nodeCreateHash } from 'node:crypto';
import { isIPv4 as nodeIsIPv4, isIPv6 as nodeIsIPv6 } from 'node:net';
import { createHash, randomBytes, sha256 } from './node-crypto-shim';
import { isIPv4, isIPv6 } from './node-net-shim';

describe('the browser stand-ins for node:crypto and node:net', () => {
  it('hashes as Node does: the FIPS vectors, a session id, and lengths around the block edges', () => {
    expect(createHash('sha256').update('abc', 'utf8').digest('hex')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(createHash('sha256').update('', 'utf8').digest('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    for (const length of [1, 43, 55, 56, 63, 64, 65, 119, 120, 1000]) {
      const text = '進'.repeat(length);
      expect(createHash('sha256').update(text, 'utf8').digest('hex')).toBe(nodeCreateHash('sha256').update(text, 'utf8').digest('hex'));
    }
    expect(sha256(new Uint8Array(0))).toHaveLength(32);
  });

  it('makes 43-character base64url secrets from 32 random bytes', () => {
    const secret = randomBytes(32).toString('base64url');
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomBytes(32).toString('base64url')).not.toBe(secret);
  });

  it('tells IPv4 from IPv6 as Node does', () => {
    for (const address of ['192.0.2.1', '256.1.1.1', '::1', '::ffff:192.0.2.1', '2001:db8::8:800:200c:417a', '2001:db8:0:0:0:0:0:1', 'fe80::1%eth0', '1:2:3:4:5:6:7:8:9', 'abc', '', '1::2::3']) {
      expect([address, isIPv4(address), isIPv6(address)]).toEqual([address, nodeIsIPv4(address), nodeIsIPv6(address)]);
    }
  });
});
