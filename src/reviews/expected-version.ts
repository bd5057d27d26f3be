import { ValidationError } from '../common/errors';

/**
 * The review version a writer read: from If-Match ("3", W/"3" or 3) or the body's `version`. Both given must agree.
 * Undefined when neither is given.
 */
export function expectedVersion(
  ifMatch: string | undefined,
  bodyVersion: number | undefined,
): number | undefined {
  let fromHeader: number | undefined;
  if (ifMatch !== undefined && ifMatch.trim() !== '') {
    const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(ifMatch);
    if (!m) throw new ValidationError(`If-Match must be a review version such as "3" (got ${ifMatch}).`);
    fromHeader = Number(m[1]);
  }
  if (fromHeader !== undefined && bodyVersion !== undefined && fromHeader !== bodyVersion) {
    throw new ValidationError(
      `If-Match says version ${fromHeader} but the body says ${bodyVersion}; send one version.`,
    );
  }
  return fromHeader ?? bodyVersion;
}
