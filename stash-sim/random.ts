/**
 * Seeded randomness. Every generated value is a pure function of (seed, entity, id), so a library
 * is the same on every start for the same seed and a scene can be rebuilt on demand instead of
 * being kept in memory.
 */

/** Mixes integers into one 32-bit seed (a murmur3-style finalizer: neighbours diverge fully). */
export function mixSeed(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    h = Math.imul(h ^ (part | 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

const HEX_BYTES = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/** mulberry32: tiny, fast and good enough for test data. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }

  hex(length: number): string {
    let out = "";
    while (out.length < length) {
      const n = Math.floor(this.next() * 0x100000000);
      // A byte table instead of toString(16) + padStart: fingerprints are the hottest part
      // of rebuilding a scene.
      out +=
        HEX_BYTES[n >>> 24]! +
        HEX_BYTES[(n >>> 16) & 0xff]! +
        HEX_BYTES[(n >>> 8) & 0xff]! +
        HEX_BYTES[n & 0xff]!;
    }
    return out.length === length ? out : out.slice(0, length);
  }

  /** `count` distinct integers in [1, max], or fewer when max is smaller. */
  distinctInts(count: number, max: number): number[] {
    const picked = new Set<number>();
    const wanted = Math.min(count, max);
    while (picked.size < wanted) picked.add(this.int(1, max));
    return [...picked];
  }
}
