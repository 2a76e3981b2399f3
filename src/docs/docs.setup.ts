import { readFileSync } from 'node:fs';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { buildOpenApiDocument } from './openapi';

const REDOC_HTML = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>EduPro API — ReDoc</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><redoc spec-url="/docs-json"></redoc><script src="/redoc/redoc.standalone.js"></script></body>
</html>`;

/**
 * `/docs` (Swagger UI from swagger-ui-dist), `/docs-json` (also at `/openapi.json`, where generators
 * and gateways look first) and `/redoc` (ReDoc's standalone bundle from
 * node_modules): everything served by this process, nothing from a CDN, so the docs work offline.
 */
export function setupDocs(app: NestFastifyApplication): void {
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs-json',
    raw: ['json'],
    customSiteTitle: 'EduPro API — Swagger UI',
  });
  const bundle = readFileSync(require.resolve('redoc/bundles/redoc.standalone.js'));
  const fastify = app.getHttpAdapter().getInstance();
  fastify.get('/openapi.json', (_req, reply) => {
    void reply.type('application/json; charset=utf-8').send(document);
  });
  fastify.get('/redoc', (_req, reply) => {
    void reply.type('text/html; charset=utf-8').send(REDOC_HTML);
  });
  fastify.get('/redoc/redoc.standalone.js', (_req, reply) => {
    void reply.type('application/javascript; charset=utf-8').header('Cache-Control', 'public, max-age=86400').send(bundle);
  });
}
