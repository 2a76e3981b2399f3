/**
 * Batched lookups by key for the hottest reads (GET /{id}): the keys asked for during one turn of the
 * event loop — under load, every request whose bytes arrived together — are read by one statement
 * (`WHERE id = ANY($1)`) instead of one each. A statement costs the same pg-client and PostgreSQL work
 * for one row as for ten, and on a 2-core host PostgreSQL's share is the API's to lose. Alone, a key
 * waits for the end of the current turn (setImmediate), not for a timer. Each caller gets its own row,
 * or undefined when there is none; a failed statement fails the callers of that batch only.
 */
export class GroupedReads<K, V> {
  private pending = new Map<K, Array<{ resolve: (value: V | undefined) => void; reject: (error: unknown) => void }>>();
  private scheduled = false;

  constructor(
    private readonly readMany: (keys: readonly K[]) => Promise<ReadonlyMap<K, V>>,
    private readonly maxKeys = 200,
  ) {}

  read(key: K): Promise<V | undefined> {
    return new Promise((resolve, reject) => {
      const waiting = this.pending.get(key);
      if (waiting) waiting.push({ resolve, reject });
      else this.pending.set(key, [{ resolve, reject }]);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    const batch = this.pending;
    this.pending = new Map();
    this.scheduled = false;
    const keys = [...batch.keys()];
    for (let i = 0; i < keys.length; i += this.maxKeys) {
      const chunk = keys.slice(i, i + this.maxKeys);
      this.readMany(chunk).then(
        (found) => {
          for (const key of chunk) for (const w of batch.get(key)!) w.resolve(found.get(key));
        },
        (error: unknown) => {
          for (const key of chunk) for (const w of batch.get(key)!) w.reject(error);
        },
      );
    }
  }
}
