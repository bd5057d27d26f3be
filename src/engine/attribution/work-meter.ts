/**
 * A cheap counter of elementary steps (characters scanned, tokens visited), so that tests can check that the work
 * grows linearly with the input without timing anything.
 */
let steps = 0;

/** Add n steps. */
export function addWork(n: number): void {
  steps += n;
}

/** Steps counted since the process started (or since the last reset). */
export function workDone(): number {
  return steps;
}

export function resetWork(): void {
  steps = 0;
}
