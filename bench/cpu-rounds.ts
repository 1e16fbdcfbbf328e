/**
 * Operations per CPU-second of contenders measured side by side (the `validate` bench; ADR 0111). CPU time
 * (process.cpuUsage), not wall time: on a shared machine a wall-clock run mostly measures when the scheduler let
 * the process run (ADR 0122 made the same change for the client bench).
 *
 * Three things keep single cells from swinging between runs of the same build:
 * - each contender runs in a measuring loop of its own, compiled from its own source text, so V8 keeps separate
 *   type feedback per loop: the contender's call stays monomorphic, and the loop is not deoptimised and recompiled
 *   (on a background thread whose CPU time the process is charged) whenever the next contender is handed to it;
 *   the value checked is the loop's parameter, so the compiler cannot fold a check of a constant object away;
 * - every contender is warmed up before the first measured round, so optimising and deoptimising (the collecting
 *   pass of `validate()` reaches code that `is()` does not) happen before measuring;
 * - many short rounds in rotating order, and ratios taken per round between contenders measured back to back
 *   (their median), so a burst of load elsewhere moves both sides of a ratio.
 */

const WARM_UP_MS = 80;
const ROUND_MS = 30;
export const ROUNDS = 21;

type Contender = (value: unknown) => unknown;
type Loop = (fn: Contender, n: number, value: unknown) => number;

let loops = 0;

/** A loop over `fn` whose source text is unique (V8 caches compiled `new Function` code by its source). */
function ownLoop(): Loop {
  loops += 1;
  // A fresh function per contender is the point (see above); the source is fixed text.
  return new Function(
    "fn",
    "n",
    "value",
    `"use strict"; // measuring loop ${loops}\nlet sink = 0;\nfor (let i = 0; i < n; i++) if (fn(value)) sink++;\nreturn sink;`,
  ) as Loop;
}

/** CPU milliseconds of this process (user + system, every thread: GC helpers included). */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

export interface Measured {
  /** Median operations per CPU-second of each contender. */
  ops: number[];
  /** Median over the rounds of contender a's rate divided by contender b's in the same round. */
  ratio(a: number, b: number): number;
}

const median = (values: number[]): number => [...values].sort((x, y) => x - y)[values.length >> 1] ?? 0;

export function measure(contenders: Contender[], value: unknown): Measured {
  const own = contenders.map(() => ownLoop());
  let sink = 0;
  // Warm-up: the iterations one contender runs in ROUND_MS, from its rate over WARM_UP_MS.
  const sizes = contenders.map((fn, i) => {
    const loop = own[i] as Loop;
    let done = 0;
    const start = cpuMs();
    let spent = 0;
    while ((spent = cpuMs() - start) < WARM_UP_MS) {
      sink += loop(fn, 1000, value);
      done += 1000;
    }
    return Math.max(1000, Math.round((done / spent) * ROUND_MS));
  });
  const runs = contenders.map((): number[] => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < contenders.length; k++) {
      const i = (k + round) % contenders.length;
      const n = sizes[i] as number;
      const start = cpuMs();
      sink += (own[i] as Loop)(contenders[i] as Contender, n, value);
      runs[i]?.push((n * 1000) / Math.max(cpuMs() - start, 0.001));
    }
  }
  if (sink < 0) console.log(sink);
  return {
    ops: runs.map(median),
    ratio: (a, b) => median((runs[a] ?? []).map((rate, round) => rate / (runs[b]?.[round] ?? rate))),
  };
}
