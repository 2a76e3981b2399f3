import { Module } from '@nestjs/common';
import { SettingsController } from './settings.controller';
import { SekolahService } from './sekolah.service';

@Module({ controllers: [SettingsController], providers: [SekolahService], exports: [SekolahService] })
export class SettingsModule {}
