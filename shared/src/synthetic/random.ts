/**
 * A small, fast, seedable pseudo-random generator (mulberry32). Synthetic data must be the same for
 * the same seed on every machine, and each person is generated from its own stream so any agency
 * can regenerate person N without generating persons 0..N-1.
 */
export class Random {
  private state: number;

  constructor(...seedParts: readonly (string | number)[]) {
    this.state = hashParts(seedParts);
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('pick() needs a non-empty list');
    return item;
  }

  /** One key of `weights`, chosen in proportion to its weight. */
  weighted<Key extends string | number>(weights: readonly (readonly [Key, number])[]): Key {
    const total = weights.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [key, weight] of weights) {
      roll -= weight;
      if (roll < 0) return key;
    }
    const last = weights[weights.length - 1];
    if (!last) throw new RangeError('weighted() needs at least one option');
    return last[0];
  }
}

/** FNV-1a over the parts, so seeds like (42, 7, "police") give independent streams. */
function hashParts(parts: readonly (string | number)[]): number {
  let hash = 0x811c9dc5;
  for (const char of parts.join('\u0000')) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
