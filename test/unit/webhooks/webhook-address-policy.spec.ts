import {
  assertPublicWebhookUrl,
  nonPublicReason,
  WebhookAddressRefusedError,
} from '../../../src/webhooks/webhook-address-policy';

describe('webhook address policy (SSRF guard)', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.10.2', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.0.10', 'private'],
    ['169.254.169.254', 'link-local (cloud metadata)'],
    ['169.254.0.1', 'link-local (cloud metadata)'],
    ['100.100.100.200', 'carrier-grade NAT (shared)'],
    ['0.0.0.0', 'unspecified ("this network")'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'reserved (and broadcast)'],
    ['192.0.2.1', 'documentation'],
    ['198.18.0.1', 'benchmarking'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'link-local'],
    ['fd00:ec2::254', 'unique local (private)'],
    ['fc00::1', 'unique local (private)'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'documentation'],
    ['::ffff:127.0.0.1', 'loopback, embedded in IPv6'],
    ['::ffff:7f00:1', 'loopback, embedded in IPv6'],
    ['::ffff:169.254.169.254', 'link-local (cloud metadata), embedded in IPv6'],
    ['64:ff9b::10.0.0.1', 'private, embedded in IPv6'],
    ['2002:c0a8:0101::1', 'private, embedded in IPv6'],
    ['[::1]', 'loopback'],
  ])('refuses %s (%s)', (address, reason) => {
    expect(nonPublicReason(address)).toBe(reason);
  });

  it.each([
    '93.184.215.14',
    '8.8.8.8',
    '172.15.255.255',
    '172.32.0.1',
    '100.63.255.255',
    '169.253.1.1',
    '2606:4700:4700::1111',
    '2a00:1450:4001:81b::200e',
    '::ffff:8.8.8.8',
  ])('accepts the public address %s', (address) => {
    expect(nonPublicReason(address)).toBeNull();
  });

  it('throws on something that is not an IP address', () => {
    expect(() => nonPublicReason('example.org')).toThrow(/Not an IP address/);
  });

  describe('assertPublicWebhookUrl', () => {
    const resolver = (table: Record<string, string[]>) => async (host: string) => {
      const found = table[host];
      if (!found) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
      return found;
    };

    it('accepts a host whose every address is public', async () => {
      await expect(
        assertPublicWebhookUrl(
          new URL('https://hooks.example.org/x'),
          resolver({ 'hooks.example.org': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'] }),
        ),
      ).resolves.toBeUndefined();
    });

    it('refuses a host when any of its addresses is not public, naming it', async () => {
      await expect(
        assertPublicWebhookUrl(
          new URL('https://rebind.example.org/x'),
          resolver({ 'rebind.example.org': ['93.184.215.14', '10.0.0.5'] }),
        ),
      ).rejects.toThrow(
        'its host rebind.example.org resolves to 10.0.0.5, which is not a public address (private)',
      );
    });

    it('checks IP literals without a lookup, including IPv6 in brackets', async () => {
      const noLookup = () => Promise.reject(new Error('looked up'));
      await expect(
        assertPublicWebhookUrl(new URL('http://169.254.169.254/latest'), noLookup),
      ).rejects.toThrow('169.254.169.254 is not a public address (link-local (cloud metadata))');
      await expect(assertPublicWebhookUrl(new URL('http://[::1]:8080/'), noLookup)).rejects.toThrow(
        '::1 is not a public address (loopback)',
      );
      await expect(assertPublicWebhookUrl(new URL('http://8.8.8.8/'), noLookup)).resolves.toBeUndefined();
    });

    it('sees through the numeric forms URLs normalise (decimal, hex, short)', async () => {
      for (const raw of ['http://2130706433/', 'http://0x7f.1/', 'http://127.1/']) {
        await expect(assertPublicWebhookUrl(new URL(raw), resolver({}))).rejects.toThrow(
          '127.0.0.1 is not a public address (loopback)',
        );
      }
    });

    it('refuses a host that does not resolve', async () => {
      await expect(assertPublicWebhookUrl(new URL('https://nowhere.invalid/'), resolver({}))).rejects.toThrow(
        new WebhookAddressRefusedError('its host nowhere.invalid does not resolve (ENOTFOUND)'),
      );
    });
  });
});
