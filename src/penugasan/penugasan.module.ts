import { Module } from '@nestjs/common';
import { PenugasanController } from './penugasan.controller';
import { PenugasanService } from './penugasan.service';

@Module({ controllers: [PenugasanController], providers: [PenugasanService] })
export class PenugasanModule {}
