/**
 * Group commit for a small write that many concurrent requests each make and each must see done
 * before answering (a prediction's history row). Rows that arrive while a write is on its way are
 * written together by the next statement, so under load one statement — one round trip, one commit
 * and its WAL flush — serves many requests, and alone a row waits one event-loop turn. Every caller's
 * promise settles with its own row's outcome: a batch that fails is retried row by row, so one bad row
 * (a student deleted meanwhile) fails only its own request.
 */
export class GroupedWrites<T> {
  private pending: Array<{ row: T; resolve: () => void; reject: (error: unknown) => void }> = [];
  private draining = false;

  /**
   * @param writeRows writes rows in one statement (atomic: all or none).
   * @param keyOf rows with the same key in one batch are one write, the last one (as if written in turn):
   *   an upsert cannot touch a row twice in one statement.
   */
  constructor(
    private readonly writeRows: (rows: readonly T[]) => Promise<void>,
    private readonly keyOf: (row: T) => string,
    private readonly maxRows = 500,
  ) {}

  /** Resolves once `row` is written (with others), rejects with the error its own write met. */
  write(row: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ row, resolve, reject });
      if (!this.draining) {
        this.draining = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) await this.flush(this.pending.splice(0, this.maxRows));
    this.draining = false;
  }

  private async flush(batch: typeof this.pending): Promise<void> {
    const latest = new Map<string, T>();
    for (const { row } of batch) latest.set(this.keyOf(row), row);
    try {
      await this.writeRows([...latest.values()]);
      for (const w of batch) w.resolve();
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      for (const w of batch) {
        try {
          await this.writeRows([w.row]);
          w.resolve();
        } catch (own) {
          w.reject(own);
        }
      }
    }
  }
}
