/** Small seeded PRNG helpers (no dependencies, identical results on every platform). */

/** 32-bit FNV-1a hash of `String(seed)`. */
export function hashSeed(seed: string | number): number {
  const text = String(seed);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A generator of uniform floats in [0, 1). */
export type Random = () => number;

/** mulberry32: tiny, fast, good enough for shuffling. */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seeded generator for a seed given as string or number. */
export function createRandom(seed: string | number): Random {
  return mulberry32(hashSeed(seed));
}

/** Uniform integer in [0, n). */
export function randomInt(random: Random, n: number): number {
  return Math.floor(random() * n);
}

/** Fisher–Yates shuffle in place; returns the same array. */
export function shuffleInPlace<T>(items: T[], random: Random): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(random, i + 1);
    const tmp = items[i];
    items[i] = items[j];
    items[j] = tmp;
  }
  return items;
}

/** A shuffled array [0, 1, …, n − 1]. */
export function shuffledRange(n: number, random: Random): number[] {
  const out = Array.from({ length: n }, (_, i) => i);
  return shuffleInPlace(out, random);
}
