import type { LookupAddress, LookupOptions } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns';
import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { hostOf, nonPublicReason, WebhookAddressRefusedError } from './webhook-address-policy';

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A DNS lookup for the HTTP client that refuses non-public addresses: the check happens on the very addresses the
 * socket connects to, so a host cannot pass a check with a public address and then resolve to a private one
 * (DNS rebinding).
 */
function guardedLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
    if (err) return callback(err, []);
    for (const { address } of addresses) {
      const reason = nonPublicReason(address);
      if (reason !== null) {
        const refused = new WebhookAddressRefusedError(
          `${hostname} resolves to ${address}, which is not a public address (${reason}); set ` +
            'WEBHOOK_ALLOW_PRIVATE_URLS=true to deliver to private networks',
        ) as NodeJS.ErrnoException;
        refused.code = 'EWEBHOOKADDRESS';
        return callback(refused, []);
      }
    }
    if (options.all) return callback(null, addresses);
    const first = addresses[0];
    if (!first)
      return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
    callback(null, first.address, first.family);
  });
}

/**
 * POSTs `body` to `url` and resolves with the HTTP status (the answer's body is read and dropped; redirects are
 * not followed). Unless `allowPrivate`, a URL whose host is, or resolves to, a non-public address is refused before
 * any connection. Rejects on network errors and after `timeoutMs`.
 */
export function postWebhook(
  url: URL,
  headers: Record<string, string>,
  body: string,
  options: { timeoutMs: number; allowPrivate: boolean },
): Promise<number> {
  return new Promise((resolve, reject) => {
    if (!options.allowPrivate) {
      const host = hostOf(url);
      const reason = isIP(host) ? nonPublicReason(host) : null;
      if (reason !== null) {
        reject(
          new WebhookAddressRefusedError(
            `${host} is not a public address (${reason}); set WEBHOOK_ALLOW_PRIVATE_URLS=true to deliver to ` +
              'private networks',
          ),
        );
        return;
      }
    }
    const payload = Buffer.from(body, 'utf8');
    const requestOptions: RequestOptions = {
      method: 'POST',
      headers: { ...headers, 'Content-Length': String(payload.length) },
      timeout: options.timeoutMs,
      ...(options.allowPrivate ? {} : { lookup: guardedLookup }),
    };
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    let response: IncomingMessage | undefined;
    const fail = (err: Error) => {
      clearTimeout(deadline);
      response?.destroy();
      req.destroy();
      reject(err);
    };
    const req = send(url, requestOptions, (res) => {
      response = res;
      res.resume();
      res.on('end', () => {
        clearTimeout(deadline);
        resolve(res.statusCode ?? 0);
      });
      res.on('error', fail);
    });
    const deadline = setTimeout(
      () => fail(new Error(`no answer within ${options.timeoutMs} ms`)),
      options.timeoutMs,
    );
    req.on('timeout', () => fail(new Error(`no answer within ${options.timeoutMs} ms`)));
    req.on('error', fail);
    req.end(payload);
  });
}
