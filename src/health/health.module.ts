import { Global, Module } from '@nestjs/common';
import { ClientHealthController, HealthController } from './health.controller';
import { HealthService, ReadinessRegistry } from './health.service';

/** Global so any module can register a readiness condition with ReadinessRegistry. */
@Global()
@Module({
  controllers: [ClientHealthController, HealthController],
  providers: [HealthService, ReadinessRegistry],
  exports: [ReadinessRegistry],
})
export class HealthModule {}
