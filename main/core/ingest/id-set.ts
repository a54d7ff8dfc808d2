/**
 * The platform ids stored in a session, for dropping a platform's repeats
 * (docs/PROTOCOL.md: the same `id` under a new seq). A session can hold millions
 * of ids; as strings in a Set they cost ~70 bytes each and grow the heap for
 * the whole stream. Here an id is a 64-bit fingerprint (two independent
 * 32-bit hashes) in an open-addressing table of typed arrays: 16 bytes per
 * id at most, outside the garbage-collected heap's object graph.
 *
 * The price is a chance that two different ids share a fingerprint, and
 * the second is then taken for a repeat: about n² / 2⁶⁵ for n ids in one
 * session — 7 in a billion at 500,000 ids, 7 in ten million at 5 million.
 */

const INITIAL_CAPACITY = 1 << 12;
/** Grow before the table is more than half full: probes stay short. */
const MAX_LOAD = 0.5;

export class IdSet {
  private hi = new Uint32Array(INITIAL_CAPACITY);
  private lo = new Uint32Array(INITIAL_CAPACITY);
  private count = 0;

  constructor(ids: Iterable<string> = []) {
    for (const id of ids) this.add(id);
  }

  get size(): number {
    return this.count;
  }

  has(id: string): boolean {
    const h = fingerprintHi(id);
    const l = fingerprintLo(id);
    const mask = this.hi.length - 1;
    for (let slot = l & mask; ; slot = (slot + 1) & mask) {
      const storedHi = this.hi[slot]!;
      const storedLo = this.lo[slot]!;
      if (storedHi === 0 && storedLo === 0) return false;
      if (storedHi === h && storedLo === l) return true;
    }
  }

  /** Adds `id`; returns false if it was there already. */
  add(id: string): boolean {
    if ((this.count + 1) / this.hi.length > MAX_LOAD) this.grow();
    return this.insert(fingerprintHi(id), fingerprintLo(id));
  }

  private insert(h: number, l: number): boolean {
    const mask = this.hi.length - 1;
    for (let slot = l & mask; ; slot = (slot + 1) & mask) {
      const storedHi = this.hi[slot]!;
      const storedLo = this.lo[slot]!;
      if (storedHi === h && storedLo === l) return false;
      if (storedHi === 0 && storedLo === 0) {
        this.hi[slot] = h;
        this.lo[slot] = l;
        this.count++;
        return true;
      }
    }
  }

  private grow(): void {
    const { hi, lo } = this;
    this.hi = new Uint32Array(hi.length * 2);
    this.lo = new Uint32Array(lo.length * 2);
    this.count = 0;
    for (let slot = 0; slot < hi.length; slot++) {
      if (hi[slot] !== 0 || lo[slot] !== 0) this.insert(hi[slot]!, lo[slot]!);
    }
  }
}

/** FNV-1a over UTF-16 code units. Never 0, which marks an empty slot together with `fingerprintLo`'s 0. */
function fingerprintHi(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return (hash >>> 0) || 1;
}

/** A second, independent 32-bit hash (MurmurHash3's mixing), so the pair acts as one 64-bit fingerprint. */
function fingerprintLo(id: string): number {
  let hash = 0x9747b28c ^ id.length;
  for (let i = 0; i < id.length; i++) {
    let k = Math.imul(id.charCodeAt(i), 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    hash ^= Math.imul(k, 0x1b873593);
    hash = Math.imul((hash << 13) | (hash >>> 19), 5) + 0xe6546b64;
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}
