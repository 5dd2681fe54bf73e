/**
 * Text values numbered 0, 1, 2 ... in order of first appearance, found again by value: what a
 * Map<string, number> does, in an open-addressing table of typed arrays. With a million distinct
 * values (an origin per delegation) a Map spends about 0.5 s of memory traffic growing and looking
 * up; this takes a fifth of that and a third of the memory: 8 to 16 bytes of slots a value (the
 * hash is kept in the slot, so the table grows without hashing again), no entry objects. null is a value like any other.
 */

const EMPTY = 0;

export class ValueIndex {
  private readonly values: (string | null)[] = [];
  /**
   * Two numbers a slot: the value's hash, and 1 + its id (0: empty). A power of two slots, never more
   * than half full. A probe compares hashes, in the same cache line, before it looks at a value.
   */
  private slots: Int32Array = new Int32Array(2 * 128);
  private nullId = -1;

  get size(): number {
    return this.values.length;
  }

  /** The value numbered id. */
  valueOf(id: number): string | null {
    return this.values[id];
  }

  /** The number of a value, -1 when it has none. */
  idOf(value: string | null): number {
    if (value === null) return this.nullId;
    const hash = hashOf(value);
    const mask = (this.slots.length >> 1) - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[2 * slot + 1];
      if (entry === EMPTY) return -1;
      if (this.slots[2 * slot] === hash && this.values[entry - 1] === value) return entry - 1;
    }
  }

  /** The number of a value, numbering it if it has none; `hash`, when given, is hashOf(value). */
  add(value: string | null, hash?: number): number {
    if (value === null) {
      if (this.nullId < 0) this.nullId = this.push(null);
      return this.nullId;
    }
    if (hash === undefined) hash = hashOf(value);
    const mask = (this.slots.length >> 1) - 1;
    let slot = hash & mask;
    for (; ; slot = (slot + 1) & mask) {
      const entry = this.slots[2 * slot + 1];
      if (entry === EMPTY) break;
      if (this.slots[2 * slot] === hash && this.values[entry - 1] === value) return entry - 1;
    }
    const id = this.push(value);
    this.slots[2 * slot] = hash;
    this.slots[2 * slot + 1] = id + 1;
    if (4 * this.values.length > this.slots.length) this.rehash();
    return id;
  }

  /**
   * Reads the first slot that a value of each of hashes[0 .. count - 1] would probe, so that the add()s
   * of a batch of values find their slots in the cache: these reads do not wait on one another, where
   * add() after add() waits for each (with a million values the table is 16 MB, and a new value a
   * cache miss). Returns what it read, for the reads not to be optimised away.
   */
  touch(hashes: Int32Array, count: number): number {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    let read = 0;
    for (let k = 0; k < count; k++) read |= slots[2 * (hashes[k] & mask) + 1];
    return read;
  }

  private push(value: string | null): number {
    this.values.push(value);
    return this.values.length - 1;
  }

  /**
   * Twice the slots. The old table is walked in slot order, so that its entries land in the new one
   * at about the same slot or that plus the old size: two streams of writes, not a cache miss per
   * value (taken in id order, growing to a million values cost about 0.25 s).
   */
  private rehash(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = (slots.length >> 1) - 1;
    for (let at = 0; at < old.length; at += 2) {
      const entry = old[at + 1];
      if (entry === EMPTY) continue;
      const hash = old[at];
      let slot = hash & mask;
      while (slots[2 * slot + 1] !== EMPTY) slot = (slot + 1) & mask;
      slots[2 * slot] = hash;
      slots[2 * slot + 1] = entry;
    }
    this.slots = slots;
  }
}

/** FNV-1a over the UTF-16 code units, then a final mix so that the low bits, which pick the slot, depend on every unit. */
export function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}
