import { Module } from '@nestjs/common';
import { EventContextInterceptor } from './event-context.interceptor';
import { EventRetentionService } from './event-retention.service';
import { DEFAULT_EVENT_WRITER_OPTIONS, EVENT_WRITER_OPTIONS, EventWriter } from './event-writer.service';
import { EventsController } from './events.controller';
import { EventsService } from './events.service';

/**
 * The event log: one row per request, written in batches, and the admin's read endpoints. Its Fastify
 * hooks and interceptor are registered by setupApp (src/app.setup.ts) with the rest of the pipeline.
 */
@Module({
  controllers: [EventsController],
  providers: [
    { provide: EVENT_WRITER_OPTIONS, useValue: DEFAULT_EVENT_WRITER_OPTIONS },
    EventWriter,
    EventsService,
    EventRetentionService,
    EventContextInterceptor,
  ],
  exports: [EventWriter, EventContextInterceptor],
})
export class EventsModule {}
