/**
 * Every text in both languages (issue #12) and every code in one catalogue (issue #11): walks the
 * modules' code objects, the catalogue files and class-validator's metadata of every DTO the app
 * loads, so a code, message or constraint added without both texts fails here.
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { AppModule } from '../app.module';
import { AUTH_ERRORS } from '../auth/auth.errors';
import { HTTP_ERRORS } from '../common/http/http.errors';
import { UPLOAD_ERRORS } from '../common/spreadsheet/upload.errors';
import { HEALTH_ERRORS } from '../health/health.errors';
import { METRICS_ERRORS } from '../metrics/metrics.errors';
import { PREDIKSI_ERRORS } from '../prediksi/prediksi.errors';
import { MODEL_QUALITY_ERRORS } from '../prediksi/model-quality.errors';
import { RECORD_ERRORS } from '../records/records.errors';
import { RATE_LIMIT_ERRORS } from '../common/rate-limit/rate-limit.errors';
import { EVENTS_ERRORS } from '../events/events.errors';
import { ROMBEL_ERRORS } from '../rombel/rombel.errors';
import { SEKOLAH_ERRORS } from '../settings/sekolah.errors';
import { RAPOR_ERRORS } from '../rapor/rapor.errors';
import { TAHUN_AJARAN_ERRORS } from '../tahun-ajaran/tahun-ajaran.errors';
import { TRASH_ERRORS } from '../trash/trash.errors';
import { SCOPE_ERRORS } from '../scope/scope.errors';
import { CATALOGUES, interpolate, LANGUAGES, type MessageParams, type Namespace, placeholders, translate } from './catalogue';
import { negotiateLanguage } from './language';

/** Every module's code object; a new module's object goes here (its codes would otherwise be orphans below). */
const CODE_OBJECTS: Record<string, Readonly<Record<string, string>>> = {
  HTTP_ERRORS,
  UPLOAD_ERRORS,
  RECORD_ERRORS,
  AUTH_ERRORS,
  PREDIKSI_ERRORS,
  HEALTH_ERRORS,
  METRICS_ERRORS,
  RATE_LIMIT_ERRORS,
  EVENTS_ERRORS,
  TRASH_ERRORS,
  TAHUN_AJARAN_ERRORS,
  ROMBEL_ERRORS,
  SEKOLAH_ERRORS,
  RAPOR_ERRORS,
  SCOPE_ERRORS,
  MODEL_QUALITY_ERRORS,
};
const NAMESPACES: Namespace[] = ['errors', 'titles', 'validation', 'messages'];
const moduleCodes = [...new Set(Object.values(CODE_OBJECTS).flatMap((o) => Object.values(o)))].sort();

describe('error codes', () => {
  it.each(moduleCodes)('%s has a text in id and en', (code) => {
    for (const lang of LANGUAGES) expect(CATALOGUES[lang].errors).toHaveProperty([code]);
  });

  it('every catalogued code belongs to a module’s code object', () => {
    expect(Object.keys(CATALOGUES.en.errors).sort()).toEqual(moduleCodes);
  });

  it('codes are upper snake case and each object maps to codes only', () => {
    for (const code of moduleCodes) expect(code).toMatch(/^[A-Z][A-Z0-9_]*$/);
  });
});

describe.each(NAMESPACES)('the %s catalogue', (ns) => {
  const keys = [...new Set(LANGUAGES.flatMap((lang) => Object.keys(CATALOGUES[lang][ns])))].sort();

  it('has the same keys in id and en', () => {
    expect(Object.keys(CATALOGUES.id[ns]).sort()).toEqual(keys);
    expect(Object.keys(CATALOGUES.en[ns]).sort()).toEqual(keys);
  });

  it.each(keys)('%s has the same parameters in both languages and is not left untranslated', (key) => {
    const id = CATALOGUES.id[ns][key] ?? '';
    const en = CATALOGUES.en[ns][key] ?? '';
    expect(id.trim()).not.toBe('');
    expect(placeholders(id)).toEqual(placeholders(en));
  });
});

describe('field messages', () => {
  // Loading the app module loads every controller and so every DTO class with its constraints.
  void AppModule;
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<unknown, ValidationMetadata[]> };
  const constraints = [...storage.validationMetadatas.values()]
    .flat()
    .filter((m) => m.type !== 'conditionalValidation' && m.type !== 'whitelistValidation')
    .map((m) => ({ property: m.propertyName, constraint: m.name ?? m.type }));
  const used = [...new Set(constraints.map((c) => `${c.property}.${c.constraint}`))].sort();

  it('finds the DTOs’ constraints', () => {
    expect(used.length).toBeGreaterThan(50);
  });

  it.each(used)('%s has a text (its own or its constraint’s) in id and en', (pair) => {
    const constraint = pair.slice(pair.lastIndexOf('.') + 1);
    for (const lang of LANGUAGES) {
      const texts = CATALOGUES[lang].validation;
      expect(pair in texts || constraint in texts).toBe(true);
    }
  });

  it('field overrides name a constraint the catalogue also has a generic text for', () => {
    for (const key of Object.keys(CATALOGUES.en.validation).filter((k) => k.includes('.'))) {
      expect(CATALOGUES.en.validation).toHaveProperty([key.slice(key.lastIndexOf('.') + 1)]);
    }
  });
});

describe('rendering', () => {
  it('fills parameters, renders message parameters in the same language and never throws on an unknown key', () => {
    expect(translate('id', 'errors', 'USER_NOT_FOUND', { id: 7 })).toBe('Pengguna 7 tidak ditemukan');
    expect(translate('en', 'errors', 'USER_NOT_FOUND', { id: 7 })).toBe('User 7 not found');
    const reason = { ns: 'messages' as const, key: 'TOKEN_MISSING' };
    expect(translate('id', 'errors', 'UNAUTHENTICATED', { reason })).toBe('Token bearer tidak ada');
    expect(translate('en', 'errors', 'UNAUTHENTICATED', { reason })).toBe('Missing bearer token');
    expect(translate('id', 'errors', 'NO_SUCH_CODE', {}, 'English fallback')).toBe('English fallback');
    expect(translate('id', 'errors', 'NO_SUCH_CODE')).toBe('NO_SUCH_CODE');
    expect(translate('en', 'messages', 'ROLE_NOT_ALLOWED', { roles: ['admin', 'guru'] })).toBe('Your role may not do this (allowed: admin, guru)');
  });
});

describe('language negotiation', () => {
  it.each([
    [undefined, 'id'],
    ['', 'id'],
    ['en', 'en'],
    ['EN', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['id-ID,id;q=0.9,en-US;q=0.8,en;q=0.7', 'id'],
    ['en;q=0.5, id;q=0.8', 'id'],
    ['id;q=0.5, en', 'en'],
    ['fr', 'id'],
    ['fr, en;q=0.1', 'en'],
    ['*', 'id'],
    ['en;q=0', 'id'],
    ['garbage;;;', 'id'],
  ])('Accept-Language %p → %s', (header, lang) => {
    expect(negotiateLanguage(header)).toBe(lang);
  });
});

describe('README', () => {
  it('lists every error code', () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    const missing = moduleCodes.filter((code) => !readme.includes(`\`${code}\``));
    expect(missing).toEqual([]);
  });
});

describe('interpolate', () => {
  it.each([
    ['no placeholder', 'Nilai rata-rata', {}, 'Nilai rata-rata'],
    ['repeated and unknown names', 'a {x} b {y} {x}.', { x: 1 }, 'a 1 b {y} 1.'],
    ['a placeholder at either end', '{n} dari {total}', { n: 2, total: 3 }, '2 dari 3'],
    ['null, arrays and a nested message', '[{a}|{b}|{c}]', { a: null, b: ['x', 'y'], c: { ns: 'messages', key: 'NO_SUCH_KEY', fallback: 'F' } }, '[|x, y|F]'],
    ['braces that are not placeholders', '{ a } {-x} {}', { a: 1 }, '{ a } {-x} {}'],
  ] as const)('%s', (_, text, params, expected) => {
    expect(interpolate('id', text, params as MessageParams)).toBe(expected);
  });
});
