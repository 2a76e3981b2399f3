import { Client } from 'pg';

/**
 * Event rows written for the requests of one run (X-Request-Id `<prefix>-<n>`). The writer works off
 * the request path, so wait until the count reaches what was answered or stops growing for 3 s.
 */
export async function eventRowsFor(databaseUrl: string, prefix: string, answered: number, timeoutMs = 60_000): Promise<number> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    let last = -1;
    let stableSince = Date.now();
    for (;;) {
      const { rows } = await db.query<{ n: string }>(
        // request_id is not indexed: the prefix range keeps this a single sequential pass per poll.
        `SELECT count(*) AS n FROM event_log WHERE request_id LIKE $1 AND occurred_at > now() - interval '10 minutes'`,
        [`${prefix}-%`],
      );
      const n = Number(rows[0]!.n);
      if (n >= answered) return n;
      if (n !== last) {
        last = n;
        stableSince = Date.now();
      } else if (Date.now() - stableSince > 3000 || Date.now() > deadline) {
        return n;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    await db.end();
  }
}
