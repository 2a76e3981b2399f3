import type { EntityManager, EntityMetadata } from 'typeorm';
import { currentAudit } from '../common/audit/audit-context';
import type { ArchivedTable } from './trash-item.entity';

/** Guards against a cycle of cascading foreign keys; the real graph is two levels deep. */
const MAX_DEPTH = 8;

interface CascadeEdge {
  child: EntityMetadata;
  /** The child's column holding the parent's key, and the parent's column it refers to. */
  column: string;
  referenced: string;
}

/**
 * The tables a delete of `parent` cascades into, read from the entities' foreign keys (which
 * test/schema-parity.e2e-spec.ts keeps equal to the database's). So "what belongs to a student" is
 * declared once, where the domain declares its table: a new table with a cascading key to siswa is
 * archived with the student without anyone remembering to list it.
 */
function cascadingChildren(manager: EntityManager, parent: EntityMetadata): CascadeEdge[] {
  const edges: CascadeEdge[] = [];
  for (const child of manager.connection.entityMetadatas) {
    for (const fk of child.foreignKeys) {
      if (fk.referencedEntityMetadata !== parent || fk.onDelete !== 'CASCADE') continue;
      if (fk.columns.length !== 1) throw new Error(`${fk.name}: composite cascading foreign keys are not archived`);
      edges.push({ child, column: fk.columns[0].databaseName, referenced: fk.referencedColumns[0].databaseName });
    }
  }
  return edges;
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}

/** A table's rows as PostgreSQL wrote them (jsonb text), never re-serialised by JavaScript. */
interface CollectedTable {
  table: string;
  rows: string[];
}

/**
 * Reads (and locks, so no concurrent write changes them before the delete) the rows of `meta` whose
 * `column` is one of `keys`, then, depth first, the rows cascading from them. Parents come first.
 */
async function collect(
  manager: EntityManager,
  meta: EntityMetadata,
  column: string,
  keys: unknown[],
  out: CollectedTable[],
  depth: number,
): Promise<void> {
  if (keys.length === 0) return;
  if (depth > MAX_DEPTH) throw new Error(`Cascading foreign keys nest deeper than ${MAX_DEPTH} levels at ${meta.tableName}`);
  const order = meta.primaryColumns.map((c) => `t.${quote(c.databaseName)}`).join(', ');
  const found = (await manager.query(
    `SELECT to_jsonb(t.*)::text AS row FROM ${quote(meta.tableName)} t WHERE t.${quote(column)} = ANY($1) ORDER BY ${order} FOR UPDATE`,
    [keys],
  )) as Array<{ row: string }>;
  if (found.length === 0) return;
  const rows = found.map((f) => f.row);
  out.push({ table: meta.tableName, rows });
  const edges = cascadingChildren(manager, meta);
  if (edges.length === 0) return;
  // Keys are integers or uuids here: parsing them in JavaScript loses nothing.
  const parsed = rows.map((r) => JSON.parse(r) as Record<string, unknown>);
  for (const edge of edges) {
    await collect(manager, edge.child, edge.column, [...new Set(parsed.map((r) => r[edge.referenced]))], out, depth + 1);
  }
}

/** `[{"table": …, "rows": [<row jsonb>, …]}, …]`, assembled from PostgreSQL's own text of each row. */
function archiveJson(tables: CollectedTable[]): string {
  return `[${tables.map((t) => `{"table":${JSON.stringify(t.table)},"rows":[${t.rows.join(',')}]}`).join(',')}]`;
}

export interface TrashedRecord {
  entityType: string;
  entityId: number;
  /** The record as the API shows it, kept for the admin's list. */
  record: object;
}

/**
 * Moves a row and everything its cascading foreign keys would delete into the trash, inside the
 * caller's transaction: the rows are read as JSON (every column, exact values) and locked, the trash
 * item is written, and one DELETE removes the row (the database cascades the rest). Returns the trash
 * item's id, or undefined when the row does not exist.
 */
export async function moveToTrash(manager: EntityManager, meta: EntityMetadata, what: TrashedRecord): Promise<number | undefined> {
  const [pk] = meta.primaryColumns;
  const archive: CollectedTable[] = [];
  await collect(manager, meta, pk.databaseName, [what.entityId], archive, 0);
  if (archive.length === 0) return undefined;
  const audit = currentAudit();
  const [item] = (await manager.query(
    `INSERT INTO trash (entity_type, entity_id, record, archive, row_count, deleted_by, deleted_by_username)
     VALUES ($1, $2, $3::jsonb, $4::jsonb, $5, $6, $7) RETURNING id`,
    [
      what.entityType,
      what.entityId,
      JSON.stringify(what.record),
      archiveJson(archive),
      archive.reduce((n, t) => n + t.rows.length, 0),
      audit?.userId ?? null,
      audit?.username?.slice(0, 100) ?? null,
    ],
  )) as Array<{ id: number }>;
  await manager.query(`DELETE FROM ${quote(meta.tableName)} WHERE ${quote(pk.databaseName)} = $1`, [what.entityId]);
  return item.id;
}

/**
 * Puts the archived rows of trash item `trashId` back exactly as they were (ids, values, timestamps),
 * parents first, inside the caller's transaction. The values go from the trash row to the table in
 * SQL (jsonb_populate_recordset), never through JavaScript numbers. Only the columns the table still
 * has are written, so a column added by a later migration takes its default. A constraint the rows no
 * longer satisfy (a NIS taken since) throws the database's error; the caller answers 409 and the
 * transaction writes nothing.
 */
export async function restoreRows(
  manager: EntityManager,
  trashId: number,
  archive: ArchivedTable[],
  unknownTable: (table: string) => Error,
): Promise<void> {
  for (const [index, { table, rows }] of archive.entries()) {
    const meta = manager.connection.entityMetadatas.find((m) => m.tableName === table);
    if (!meta) throw unknownTable(table);
    const present = new Set(rows.flatMap((r) => Object.keys(r)));
    const names = meta.columns.filter((c) => !c.asExpression && present.has(c.databaseName)).map((c) => c.databaseName);
    const columns = [...new Set(names)].map(quote).join(', ');
    await manager.query(
      `INSERT INTO ${quote(table)} (${columns}) OVERRIDING SYSTEM VALUE
       SELECT ${columns} FROM jsonb_populate_recordset(NULL::${quote(table)}, (SELECT archive -> $2::int -> 'rows' FROM trash WHERE id = $1))`,
      [trashId, index],
    );
  }
}
