import { formatBanner } from './startup-banner';

describe('formatBanner', () => {
  it('names the real address, the docs, a generated login and the embedded data with its psql line', () => {
    const text = formatBanner({
      address: '127.0.0.1',
      port: 8000,
      adminUsername: 'admin',
      generatedLogin: { username: 'admin', password: 's3cret-Generated' },
      database: { embedded: { dataDir: '/srv/edupro/data/postgres', psqlUrl: 'postgres://postgres:edupro@127.0.0.1:54330/edupro' } },
    });
    expect(text).toContain('EduPro API listening on http://127.0.0.1:8000\n');
    expect(text).toContain('http://127.0.0.1:8000/docs');
    expect(text).toContain('password: s3cret-Generated');
    expect(text).toContain('data in /srv/edupro/data/postgres');
    expect(text).toContain('psql postgres://postgres:edupro@127.0.0.1:54330/edupro');
    expect(text.trimEnd().endsWith('='.repeat(72))).toBe(true);
  });

  it('says when it listens on every interface, and never prints a DATABASE_URL password', () => {
    const text = formatBanner({
      address: '0.0.0.0',
      port: 8000,
      adminUsername: 'kepala',
      database: { url: 'postgres://edupro:hunter2@db:5432/edupro' },
    });
    expect(text).toContain('listening on http://0.0.0.0:8000 (every network interface)');
    expect(text).toContain('kepala (forgot the password? npm run admin:reset-password)');
    expect(text).not.toContain('hunter2');
    expect(text).toContain('postgres://edupro:***@db:5432/edupro');
  });
});
