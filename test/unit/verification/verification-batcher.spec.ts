import { NotFoundError } from '../../../src/common/errors';
import { loadAppConfig } from '../../../src/config/load-app-config';
import { VerificationBatcher } from '../../../src/verification/verification-batcher.service';
import type {
  VerificationService,
  VerifyClaimCommand,
  VerifyClaimResult,
} from '../../../src/verification/verification.service';

/**
 * The batcher groups the jobs a worker holds into batches; the verification itself is replaced by a recorder (no
 * database here: what a batch does is tested on PostgreSQL in test/integration/batch-verification.spec.ts).
 */
class RecordingVerification {
  readonly batches: string[][] = [];
  private readonly pending: { ids: string[]; settle: () => void }[] = [];
  /** Claim ids whose batch throws (a batch holding any of them fails as a whole). */
  failing = new Set<string>();
  missing = new Set<string>();

  verifyClaims(cmds: VerifyClaimCommand[]): Promise<VerifyClaimResult[]> {
    const ids = cmds.map((c) => c.claimId);
    this.batches.push(ids);
    return new Promise((resolve, reject) => {
      this.pending.push({
        ids,
        settle: () => {
          if (ids.some((id) => this.failing.has(id)))
            return reject(new Error(`cannot verify ${ids.join(',')}`));
          resolve(
            cmds.map((c) =>
              this.missing.has(c.claimId)
                ? { error: new NotFoundError(`Claim ${c.claimId} does not exist`) }
                : {
                    outcome: {
                      skipped: false,
                      status: `verified ${c.claimId} with ${ids.length - 1} others`,
                    },
                  },
            ),
          );
        },
      });
    });
  }

  /** Settles every batch started so far (and, turn after turn, those they lead to). */
  async settleAll(): Promise<void> {
    for (let turn = 0; turn < 50; turn++) {
      await new Promise((r) => setImmediate(r));
      this.pending.splice(0).forEach((p) => p.settle());
    }
  }
}

const cmd = (claimId: string): VerifyClaimCommand => ({ claimId, revision: 1, attempt: 1 });

function setup(batchSize: number) {
  const verification = new RecordingVerification();
  const config = loadAppConfig({ VERIFY_BATCH_SIZE: String(batchSize) });
  const batcher = new VerificationBatcher(config, verification as unknown as VerificationService);
  return { verification, batcher };
}

describe('VerificationBatcher', () => {
  it.each([
    // [jobs handed over at once, batch size, expected batch sizes]
    [1, 16, [1]],
    [3, 16, [3]],
    [16, 16, [16]],
    [20, 16, [16, 4]],
    [40, 16, [16, 16, 8]],
    [5, 1, [1, 1, 1, 1, 1]],
  ])('%i jobs at once with batches of at most %i → batches %j', async (jobs, size, expected) => {
    const { verification, batcher } = setup(size);
    const outcomes = Array.from({ length: jobs }, (_, i) => batcher.verify(cmd(`c${i}`)));
    await verification.settleAll();
    const results = await Promise.all(outcomes);
    expect(verification.batches.map((b) => b.length)).toEqual(expected);
    // Every job gets its own claim's outcome, in any batch.
    results.forEach((r, i) => expect(r.status).toMatch(new RegExp(`^verified c${i} with`)));
  });

  it('runs at most two batches at once; jobs arriving meanwhile wait and form the next batch', async () => {
    const { verification, batcher } = setup(16);
    const first = batcher.verify(cmd('a'));
    await new Promise((r) => setImmediate(r));
    const second = batcher.verify(cmd('b'));
    await new Promise((r) => setImmediate(r));
    const later = ['c', 'd', 'e'].map((id) => batcher.verify(cmd(id)));
    await new Promise((r) => setImmediate(r));
    // a and b run (one each); c, d, e wait for one of them to finish.
    expect(verification.batches).toEqual([['a'], ['b']]);
    await verification.settleAll();
    await Promise.all([first, second, ...later]);
    expect(verification.batches).toEqual([['a'], ['b'], ['c', 'd', 'e']]);
  });

  it('a failing batch is verified again claim by claim: only the claim that fails rejects', async () => {
    const { verification, batcher } = setup(16);
    verification.failing.add('bad');
    const settled = Promise.allSettled(['x', 'bad', 'y'].map((id) => batcher.verify(cmd(id))));
    await verification.settleAll();
    const [x, bad, y] = await settled;
    expect(x).toMatchObject({ status: 'fulfilled', value: { status: 'verified x with 0 others' } });
    expect(bad).toMatchObject({ status: 'rejected', reason: new Error('cannot verify bad') });
    expect(y).toMatchObject({ status: 'fulfilled', value: { status: 'verified y with 0 others' } });
    expect(verification.batches).toEqual([['x', 'bad', 'y'], ['x'], ['bad'], ['y']]);
  });

  it("a claim that does not exist rejects its own job with the batch's NotFoundError", async () => {
    const { verification, batcher } = setup(16);
    verification.missing.add('gone');
    const settled = Promise.allSettled(['p', 'gone'].map((id) => batcher.verify(cmd(id))));
    await verification.settleAll();
    const [p, gone] = await settled;
    expect(p.status).toBe('fulfilled');
    expect(gone).toMatchObject({ status: 'rejected' });
    expect((gone as PromiseRejectedResult).reason).toBeInstanceOf(NotFoundError);
    expect(verification.batches).toEqual([['p', 'gone']]);
  });
});
