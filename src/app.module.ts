import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { AuthModule } from './auth/auth.module';
import { EventsModule } from './events/events.module';
import { MetricsModule } from './metrics/metrics.module';
import { SiswaModule } from './siswa/siswa.module';
import { NilaiModule } from './nilai/nilai.module';
import { PresensiModule } from './presensi/presensi.module';
import { PenghasilanModule } from './penghasilan/penghasilan.module';
import { PrestasiModule } from './prestasi/prestasi.module';
import { PrediksiModule } from './prediksi/prediksi.module';
import { TrashModule } from './trash/trash.module';
import { TahunAjaranModule } from './tahun-ajaran/tahun-ajaran.module';
import { RombelModule } from './rombel/rombel.module';
import { PenugasanModule } from './penugasan/penugasan.module';
import { SettingsModule } from './settings/settings.module';
import { RaporModule } from './rapor/rapor.module';
import { PeringatanDiniModule } from './peringatan-dini/peringatan-dini.module';
import { LoggingModule } from './common/logging/logging.module';

/** The whole application, built from the boot-validated configuration. The request pipeline is in app.setup.ts. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config),
        DatabaseModule,
        HealthModule,
        AuthModule,
        EventsModule,
        MetricsModule,
        SiswaModule,
        NilaiModule,
        PresensiModule,
        PenghasilanModule,
        PrestasiModule,
        PrediksiModule,
        TrashModule,
        TahunAjaranModule,
        RombelModule,
        PenugasanModule,
        SettingsModule,
        RaporModule,
        PeringatanDiniModule,
      ],
    };
  }
}
