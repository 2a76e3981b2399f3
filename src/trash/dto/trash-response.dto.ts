import { ApiProperty } from '@nestjs/swagger';

/** A deletion as listed: what was deleted, with how many rows of which table, by whom, until when. */
export class TrashItemSummaryDto {
  @ApiProperty() id: number;
  @ApiProperty({ example: 'siswa' }) entity_type: string;
  @ApiProperty() entity_id: number;
  @ApiProperty({ type: Object, description: 'The record as the API answered it just before the delete' })
  record: Record<string, unknown>;
  @ApiProperty({ type: Object, example: { siswa: 1, nilai_raport: 2, presensi: 1 }, description: 'Archived rows per table' })
  row_counts: Record<string, number>;
  @ApiProperty() row_count: number;
  @ApiProperty({ nullable: true, type: Number }) deleted_by: number | null;
  @ApiProperty({ nullable: true, type: String }) deleted_by_username: string | null;
  @ApiProperty({ format: 'date-time' }) deleted_at: string;
  @ApiProperty({ format: 'date-time', description: 'When the daily purge removes it (TRASH_RETENTION_DAYS)' }) purge_after: string;
}

export class ArchivedTableDto {
  @ApiProperty({ example: 'nilai_raport' }) table: string;
  @ApiProperty({ type: [Object], description: 'The stored rows, every column (snake_case) with its exact value' })
  rows: Array<Record<string, unknown>>;
}

/** One deletion with everything in it: the deleted row first, then what cascaded from it. */
export class TrashItemDto extends TrashItemSummaryDto {
  @ApiProperty({ type: [ArchivedTableDto] }) archive: ArchivedTableDto[];
}

export class TrashPageDto {
  @ApiProperty({ type: [TrashItemSummaryDto] }) data: TrashItemSummaryDto[];
  @ApiProperty() total: number;
  @ApiProperty() skip: number;
  @ApiProperty() limit: number;
}

/** What a restore put back (the trash item is gone afterwards). */
export class TrashRestoreResultDto {
  @ApiProperty() trash_id: number;
  @ApiProperty({ example: 'siswa' }) entity_type: string;
  @ApiProperty() entity_id: number;
  @ApiProperty({ type: Object, example: { siswa: 1, nilai_raport: 2 } }) restored: Record<string, number>;
  @ApiProperty({ type: Object, description: 'The record as it was when deleted' }) record: Record<string, unknown>;
}
