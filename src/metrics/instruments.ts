import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The process's Prometheus instruments. Module-level (one registry per process), so any service can
 * count without depending on the metrics module; GET /metrics renders the registry.
 */
export const metricsRegistry = new Registry();
const PREFIX = 'edupro_';
collectDefaultMetrics({ register: metricsRegistry, prefix: PREFIX });

// Every instrument is named with the prefix and lives in this registry (not prom-client's global one).
const counter = <L extends string>(name: string, help: string, labelNames: readonly L[] = []): Counter<L> =>
  new Counter({ name: PREFIX + name, help, labelNames, registers: [metricsRegistry] });
const gauge = <L extends string>(name: string, help: string, labelNames: readonly L[] = []): Gauge<L> =>
  new Gauge({ name: PREFIX + name, help, labelNames, registers: [metricsRegistry] });
const histogram = <L extends string>(name: string, help: string, buckets: number[], labelNames: readonly L[] = []): Histogram<L> =>
  new Histogram({ name: PREFIX + name, help, labelNames, buckets, registers: [metricsRegistry] });

const HTTP_LABELS = ['method', 'route', 'status'] as const;

export const httpRequests = counter('http_requests_total', 'HTTP requests by method, route pattern and status', HTTP_LABELS);
export const httpDuration = histogram(
  'http_request_duration_seconds',
  'HTTP request duration by method, route pattern and status',
  [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  HTTP_LABELS,
);

export const predictionsTotal = counter('predictions_total', 'Predictions served, by kind (single, what_if, batch)', ['kind']);
export const predictionDuration = histogram(
  'prediction_duration_seconds',
  'Time to answer a prediction request, by kind',
  [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5],
  ['kind'],
);

export const trainingsTotal = counter('model_trainings_total', 'Model trainings, by outcome (success, conflict, error)', ['outcome']);
export const trainingDuration = histogram(
  'model_training_duration_seconds',
  'Model training duration (assembly, training, cross-validation, storing)',
  [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60],
);

export const activeModelVersion = gauge('active_model_version', 'Version of the model this process serves (0 = none)');
export const activeModelCvAccuracy = gauge('active_model_cv_accuracy', 'Cross-validated accuracy of the active model (0..1)');

export const eventBufferDepth = gauge('event_buffer_depth', 'Event-log rows waiting to be written');
export const eventsWritten = counter('events_written_total', 'Event-log rows written to the database');
export const eventsLost = counter(
  'events_lost_total',
  'Event-log rows not written, by reason: rejected (the database refused that row; the rest of its batch was written) or shutdown (the database was unreachable when the process stopped)',
  ['reason'],
);
export const eventsBackPressure = counter(
  'events_backpressure_total',
  'Requests refused with 503 because the event-log buffer was full (the database unreachable or too slow)',
);

export const dbPoolConnections = gauge('db_pool_connections', 'Database pool connections by state (total, idle, waiting)', ['state']);

/** Asked at each scrape for the active model's staleness (null: no active model); set by the prediksi module. */
type StalenessProbe = () => Promise<{ stale: boolean } | null>;
let stalenessProbe: StalenessProbe | undefined;
export function setModelStalenessProbe(probe: StalenessProbe | undefined): void {
  stalenessProbe = probe;
}

/** Computed when scraped (one SQL query), so it is never older than the data; a failed probe keeps the last value. */
export const activeModelStale = new Gauge({
  name: `${PREFIX}active_model_stale`,
  help: 'Whether the active model is stale (1), current (0), or there is none (-1); see GET /api/prediksi/models/active/status',
  registers: [metricsRegistry],
  async collect() {
    if (!stalenessProbe) return;
    try {
      const status = await stalenessProbe();
      this.set(status ? Number(status.stale) : -1);
    } catch {
      // The database is unreachable: readiness and the HTTP metrics say so; keep the last value.
    }
  },
});
