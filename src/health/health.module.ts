import { Module } from '@nestjs/common';
import { ClientHealthController, HealthController } from './health.controller';
import { HealthService } from './health.service';

@Module({ controllers: [ClientHealthController, HealthController], providers: [HealthService] })
export class HealthModule {}
