import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The process's Prometheus instruments. Module-level (one registry per process), so any service can
 * count without depending on the metrics module; GET /metrics renders the registry.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'edupro_' });

export const httpRequests = new Counter({
  name: 'edupro_http_requests_total',
  help: 'HTTP requests by method, route pattern and status',
  labelNames: ['method', 'route', 'status'] as const,
  registers: [metricsRegistry],
});

export const httpDuration = new Histogram({
  name: 'edupro_http_request_duration_seconds',
  help: 'HTTP request duration by method, route pattern and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

export const predictionsTotal = new Counter({
  name: 'edupro_predictions_total',
  help: 'Predictions served, by kind (single, what_if, batch)',
  labelNames: ['kind'] as const,
  registers: [metricsRegistry],
});

export const predictionDuration = new Histogram({
  name: 'edupro_prediction_duration_seconds',
  help: 'Time to answer a prediction request, by kind',
  labelNames: ['kind'] as const,
  buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5],
  registers: [metricsRegistry],
});

export const trainingsTotal = new Counter({
  name: 'edupro_model_trainings_total',
  help: 'Model trainings, by outcome (success, conflict, error)',
  labelNames: ['outcome'] as const,
  registers: [metricsRegistry],
});

export const trainingDuration = new Histogram({
  name: 'edupro_model_training_duration_seconds',
  help: 'Model training duration (assembly, training, cross-validation, storing)',
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60],
  registers: [metricsRegistry],
});

export const activeModelVersion = new Gauge({
  name: 'edupro_active_model_version',
  help: 'Version of the model this process serves (0 = none)',
  registers: [metricsRegistry],
});

export const activeModelCvAccuracy = new Gauge({
  name: 'edupro_active_model_cv_accuracy',
  help: 'Cross-validated accuracy of the active model (0..1)',
  registers: [metricsRegistry],
});

/** Asked at each scrape for the active model's staleness (null: no active model); set by the prediksi module. */
type StalenessProbe = () => Promise<{ stale: boolean } | null>;
let stalenessProbe: StalenessProbe | undefined;
export function setModelStalenessProbe(probe: StalenessProbe | undefined): void {
  stalenessProbe = probe;
}

/** Computed when scraped (one SQL query), so it is never older than the data; a failed probe keeps the last value. */
export const activeModelStale = new Gauge({
  name: 'edupro_active_model_stale',
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

export const eventBufferDepth = new Gauge({
  name: 'edupro_event_buffer_depth',
  help: 'Event-log rows waiting to be written',
  registers: [metricsRegistry],
});

export const eventsWritten = new Counter({
  name: 'edupro_events_written_total',
  help: 'Event-log rows written to the database',
  registers: [metricsRegistry],
});

export const eventsLost = new Counter({
  name: 'edupro_events_lost_total',
  help: 'Event-log rows not written, by reason: rejected (the database refused that row; the rest of its batch was written) or shutdown (the database was unreachable when the process stopped)',
  labelNames: ['reason'] as const,
  registers: [metricsRegistry],
});

export const eventsBackPressure = new Counter({
  name: 'edupro_events_backpressure_total',
  help: 'Requests refused with 503 because the event-log buffer was full (the database unreachable or too slow)',
  registers: [metricsRegistry],
});

export const dbPoolConnections = new Gauge({
  name: 'edupro_db_pool_connections',
  help: 'Database pool connections by state (total, idle, waiting)',
  labelNames: ['state'] as const,
  registers: [metricsRegistry],
});
