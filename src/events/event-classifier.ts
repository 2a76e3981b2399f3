import type { EventCategory } from './event-log.entity';

/** Actions of the auth routes, named as people read them rather than derived from the path. */
const NAMED_ACTIONS: Record<string, string> = {
  'POST /auth/token': 'auth.login',
  'POST /auth/login': 'auth.login',
  'POST /auth/refresh': 'auth.refresh',
  'POST /auth/logout': 'auth.logout',
  'POST /auth/register': 'auth.register',
  'GET /auth/me': 'auth.me',
  'PUT /auth/me/profile': 'auth.profile_update',
  'PUT /auth/me/password': 'auth.password_change',
  'GET /auth/verify': 'auth.verify',
  'GET /auth/users': 'user.list',
  'GET /auth/users/:id': 'user.read',
  'PUT /auth/users/:id': 'user.update',
  'PATCH /auth/users/:id': 'user.update',
  'DELETE /auth/users/:id': 'user.delete',
  'POST /prediksi': 'prediksi.predict',
};

const CRUD_DOMAINS = new Set(['siswa', 'nilai', 'presensi', 'penghasilan', 'prestasi', 'tahun-ajaran', 'rombel', 'penugasan', 'settings']);
const SECURITY_STATUSES = new Set([401, 403, 429]);
const SECURITY_ACTION = /\.(login_failed|login_throttled|login_inactive)$/;

const VERBS: Record<string, string> = { POST: 'create', PUT: 'update', PATCH: 'update', DELETE: 'delete' };

/**
 * `/api/siswa/:id` → ['siswa', ':id']; an unmatched route (404) has none. Route patterns are the
 * app's few hundred declared routes (never a raw URL), so each is split once and remembered: every
 * request's event row classifies its route.
 */
function segmentsOf(route: string | undefined): readonly string[] {
  if (!route) return [];
  let segments = routeSegments.get(route);
  if (!segments) {
    segments = route.replace(/^\/api(?=\/|$)/, '').split('/').filter(Boolean);
    routeSegments.set(route, segments);
  }
  return segments;
}
const routeSegments = new Map<string, readonly string[]>();

/** `siswa.create`, `siswa.export_excel`, `prediksi.history_delete`, … (one answer per method and route, remembered). */
export function deriveAction(method: string, route: string | undefined): string {
  const key = `${method} ${route ?? ''}`;
  let action = actions.get(key);
  if (action === undefined) {
    action = actionOf(method, route);
    actions.set(key, action);
  }
  return action;
}
const actions = new Map<string, string>();

function actionOf(method: string, route: string | undefined): string {
  const segments = segmentsOf(route);
  if (segments.length === 0) return route ? 'system.root' : 'http.not_found';
  const named = NAMED_ACTIONS[`${method} /${segments.join('/')}`];
  if (named) return named;
  const [domain, ...rest] = segments;
  const words = rest.filter((s) => !s.startsWith(':')).map((s) => s.replace(/[^A-Za-z0-9]+/g, '_').toLowerCase());
  const hasParam = rest.some((s) => s.startsWith(':'));
  if (words.length === 0) {
    if (method === 'GET' || method === 'HEAD') return `${domain}.${hasParam ? 'read' : 'list'}`;
    return `${domain}.${VERBS[method] ?? method.toLowerCase()}`;
  }
  const suffix = hasParam && (method === 'PUT' || method === 'PATCH' || method === 'DELETE') ? `_${VERBS[method]}` : '';
  return `${domain}.${words.join('_')}${suffix}`;
}

export function deriveCategory(route: string | undefined, status: number, action: string): EventCategory {
  if (SECURITY_STATUSES.has(status) || SECURITY_ACTION.test(action)) return 'SECURITY';
  const segments = segmentsOf(route);
  if (segments.some((s) => s === 'upload' || s === 'export')) return 'FILE';
  const domain = segments[0];
  if (domain === 'auth') return 'AUTH';
  if (domain === 'prediksi') return 'ML';
  if (domain && CRUD_DOMAINS.has(domain)) return 'CRUD';
  return 'SYSTEM';
}

/** The entity a route is about, when no service recorded one: `/siswa/:id` → siswa + the id. */
export function routeEntityType(route: string | undefined): string | undefined {
  const [domain, second] = segmentsOf(route);
  if (!domain) return undefined;
  if (domain === 'auth') return second === 'users' ? 'user' : undefined;
  return domain;
}
