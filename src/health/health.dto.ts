import { ApiProperty } from '@nestjs/swagger';

export class HealthResponseDto {
  @ApiProperty({ example: 'healthy' })
  status: string;

  @ApiProperty({ example: '2026-11-27T08:00:00.000Z' })
  timestamp: string;
}

export class LivenessResponseDto {
  @ApiProperty({ example: 'ok' })
  status: string;

  @ApiProperty({ example: 42 })
  uptime_seconds: number;
}

export class ReadinessResponseDto {
  @ApiProperty({ example: 'ready', enum: ['ready', 'not_ready'] })
  status: 'ready' | 'not_ready';

  @ApiProperty({ example: 'All checks passed' })
  detail: string;

  @ApiProperty({ example: { database: 'up', migrations: 'applied' } })
  checks: Record<string, string>;
}
