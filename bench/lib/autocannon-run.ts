import autocannon from 'autocannon';

export interface LoadRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: string;
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  total: number;
  /** Responses by status code, e.g. {"200": 9000, "503": 3}. */
  statuses: Record<string, number>;
  /** Responses received (every status): each is a request the app answered and must have logged. */
  answered: number;
}

/** One autocannon run: `connections` clients for `seconds`, each request built by `next()`. */
export async function runAutocannon(options: {
  baseUrl: string;
  connections: number;
  seconds: number;
  headers: Record<string, string>;
  next: () => LoadRequest;
  /** When given, each request carries X-Request-Id `<prefix>-<n>`, so its event row can be found. */
  requestIdPrefix?: string;
}): Promise<LoadResult> {
  let sent = 0;
  const result = await autocannon({
    url: options.baseUrl,
    connections: options.connections,
    duration: options.seconds,
    timeout: 10,
    headers: { 'content-type': 'application/json', ...options.headers },
    requests: [
      {
        setupRequest: (req: Record<string, unknown>) => {
          const r = options.next();
          const headers = options.requestIdPrefix
            ? { ...(req.headers as Record<string, string>), 'x-request-id': `${options.requestIdPrefix}-${sent++}` }
            : req.headers;
          return { ...req, method: r.method, path: r.path, body: r.body, headers };
        },
      },
    ],
  });
  const statuses = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count]));
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    total: result.requests.total,
    statuses,
    answered: Object.values(statuses).reduce((a, b) => a + b, 0),
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
