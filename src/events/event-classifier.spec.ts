import { deriveAction, deriveCategory, routeEntityType } from './event-classifier';

describe('event classifier', () => {
  it.each([
    ['POST', 'siswa', '', 'create'],
    ['GET', 'siswa', '', 'list'],
    ['GET', 'siswa', '/:id', 'read'],
    ['PUT', 'nilai', '/:id', 'update'],
    ['DELETE', 'presensi', '/:id', 'delete'],
  ])('a resource route: %s /api/%s%s → <entity>.%s', (method, entity, rest, verb) => {
    expect(deriveAction(method, `/api/${entity}${rest}`)).toBe(`${entity}.${verb}`);
  });

  it.each([
    ['GET', '/api/siswa/export/excel', 'siswa.export_excel'],
    ['POST', '/api/siswa/upload/excel', 'siswa.upload_excel'],
    ['POST', '/api/prediksi/train', 'prediksi.train'],
    ['DELETE', '/api/prediksi/history/:id', 'prediksi.history_delete'],
    ['POST', '/api/auth/token', 'auth.login'],
    ['PUT', '/api/auth/users/:id', 'user.update'],
    ['GET', '/api/events/user-activity/:user_id', 'events.user_activity'],
    ['GET', undefined, 'http.not_found'],
  ])('a named route: %s %s → %s', (method, route, action) => {
    expect(deriveAction(method, route)).toBe(action);
  });

  it.each([
    ['/api/auth/token', 200, 'auth.login', 'AUTH'],
    ['/api/auth/token', 401, 'auth.login_failed', 'SECURITY'],
    ['/api/siswa', 403, 'siswa.create', 'SECURITY'],
    ['/api/siswa', 429, 'siswa.list', 'SECURITY'],
    ['/api/penghasilan/:id', 200, 'penghasilan.update', 'CRUD'],
    ['/api/rombel/:id/kenaikan', 200, 'rombel.kenaikan', 'CRUD'],
    ['/api/tahun-ajaran/:id/activate', 200, 'tahun-ajaran.activate', 'CRUD'],
    ['/api/prediksi/batch', 200, 'prediksi.batch', 'ML'],
    ['/api/nilai/upload/excel', 422, 'nilai.upload_excel', 'FILE'],
    ['/api/prediksi/history/export/excel', 200, 'prediksi.history_export_excel', 'FILE'],
    ['/api/events', 200, 'events.list', 'SYSTEM'],
    [undefined, 404, 'http.not_found', 'SYSTEM'],
  ])('%s %i %s → %s', (route, status, action, category) => {
    expect(deriveCategory(route, status, action)).toBe(category);
  });

  it('names the entity a route is about', () => {
    expect(routeEntityType('/api/siswa/:id')).toBe('siswa');
    expect(routeEntityType('/api/auth/users/:id')).toBe('user');
    expect(routeEntityType('/api/auth/me')).toBeUndefined();
  });
});
