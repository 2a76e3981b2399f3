import { Module, type OnModuleInit } from '@nestjs/common';
import { APP_INTERCEPTOR, HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { EventContextInterceptor } from './event-context.interceptor';
import { registerEventHooks } from './event-recorder';
import { EventRetentionService } from './event-retention.service';
import { DEFAULT_EVENT_WRITER_OPTIONS, EVENT_WRITER_OPTIONS, EventWriter } from './event-writer.service';
import { EventsController } from './events.controller';
import { EventsService } from './events.service';

/** The event log: one row per request, written in batches, and the admin's read endpoints. */
@Module({
  controllers: [EventsController],
  providers: [
    { provide: EVENT_WRITER_OPTIONS, useValue: DEFAULT_EVENT_WRITER_OPTIONS },
    EventWriter,
    EventsService,
    EventRetentionService,
    { provide: APP_INTERCEPTOR, useClass: EventContextInterceptor },
  ],
  exports: [EventWriter],
})
export class EventsModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly writer: EventWriter,
  ) {}

  /** Runs before Fastify is ready, so the hooks apply to every route. */
  onModuleInit(): void {
    registerEventHooks(this.adapterHost.httpAdapter.getInstance<FastifyInstance>(), this.writer);
  }
}
