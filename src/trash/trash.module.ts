import { Module } from '@nestjs/common';
import { TrashController } from './trash.controller';
import { TrashRetentionService } from './trash-retention.service';
import { TrashService } from './trash.service';

/**
 * The recycle bin. Deleting a record moves it here (src/trash/archive.ts, called by the records
 * engine in the delete's transaction); this module lists, restores and purges what was moved.
 */
@Module({
  controllers: [TrashController],
  providers: [TrashService, TrashRetentionService],
})
export class TrashModule {}
