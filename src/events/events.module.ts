import { Module } from '@nestjs/common';
import { EventRetentionService } from './event-retention.service';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DEFAULT_EVENT_WRITER_OPTIONS, EVENT_WRITER_OPTIONS, EventWriter, type EventWriterOptions } from './event-writer.service';
import { EventsController } from './events.controller';
import { EventsService } from './events.service';

/**
 * The event log: one row per request, written in batches, and the admin's read endpoints. Its Fastify
 * hooks are registered by setupApp (src/app.setup.ts) with the rest of the pipeline.
 */
@Module({
  controllers: [EventsController],
  providers: [
    {
      provide: EVENT_WRITER_OPTIONS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): EventWriterOptions => ({ ...DEFAULT_EVENT_WRITER_OPTIONS, maxBuffered: config.events.bufferMaxRows }),
    },
    EventWriter,
    EventsService,
    EventRetentionService,
  ],
  exports: [EventWriter],
})
export class EventsModule {}
