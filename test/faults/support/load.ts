/** A small closed-loop load generator that records every response, for fault tests. */
export interface Outcome {
  startedAt: number;
  ms: number;
  status: number; // 0 = network error
  contentType: string;
  key?: string;
}

export interface LoadRun {
  outcomes: Outcome[];
  stop(): Promise<void>;
}

/**
 * Runs `workers` loops, each sending one request at a time built by `next(i)`, until stopped.
 * Keeps going through failures (that is the point: the outage must be visible in the outcomes).
 */
export function runLoad(
  baseUrl: string,
  workers: number,
  next: (seq: number) => { method: string; path: string; body?: unknown; headers?: Record<string, string>; key?: string },
): LoadRun {
  const outcomes: Outcome[] = [];
  let running = true;
  let seq = 0;
  const loop = async (): Promise<void> => {
    while (running) {
      const req = next(seq++);
      const startedAt = Date.now();
      try {
        const res = await fetch(`${baseUrl}${req.path}`, {
          method: req.method,
          headers: { 'content-type': 'application/json', ...req.headers },
          body: req.body === undefined ? undefined : JSON.stringify(req.body),
          signal: AbortSignal.timeout(30_000),
        });
        await res.arrayBuffer();
        outcomes.push({ startedAt, ms: Date.now() - startedAt, status: res.status, contentType: res.headers.get('content-type') ?? '', key: req.key });
      } catch {
        outcomes.push({ startedAt, ms: Date.now() - startedAt, status: 0, contentType: '', key: req.key });
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  };
  const loops = Array.from({ length: workers }, () => loop());
  return {
    outcomes,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}

export async function login(baseUrl: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}
