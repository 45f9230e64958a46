/**
 * Values by key, bounded by their total weight (by default each weighs 1: a bound on their number); the least
 * recently used are dropped first once the total is over `limit`. A value heavier than the limit is not kept.
 */
export class Lru<V> {
  private readonly values = new Map<string, V>();
  private held = 0;

  constructor(
    private readonly limit: number,
    private readonly weigh: (value: V) => number = () => 1,
  ) {}

  /** How many values are kept. */
  get size(): number {
    return this.values.size;
  }

  get(key: string): V | undefined {
    const value = this.values.get(key);
    if (value !== undefined) {
      // Most recently used last: a Map iterates in insertion order.
      this.values.delete(key);
      this.values.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    const weight = this.weigh(value);
    if (weight > this.limit) return;
    const old = this.values.get(key);
    if (old !== undefined) {
      this.values.delete(key);
      this.held -= this.weigh(old);
    }
    this.values.set(key, value);
    this.held += weight;
    for (const [staleKey, stale] of this.values) {
      if (this.held <= this.limit) break;
      this.values.delete(staleKey);
      this.held -= this.weigh(stale);
    }
  }

  /** The value at `key`, made by `make` when there is none. */
  getOrSet(key: string, make: () => V): V {
    let value = this.get(key);
    if (value === undefined) this.set(key, (value = make()));
    return value;
  }
}
