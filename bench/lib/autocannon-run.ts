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
}

/** One autocannon run: `connections` clients for `seconds`, each request built by `next()`. */
export async function runAutocannon(options: {
  baseUrl: string;
  connections: number;
  seconds: number;
  headers: Record<string, string>;
  next: () => LoadRequest;
}): Promise<LoadResult> {
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
          return { ...req, method: r.method, path: r.path, body: r.body };
        },
      },
    ],
  });
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    total: result.requests.total,
    statuses: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count])),
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
