import { AppSetting1764230400000 } from './1764230400000-AppSetting';
import { Auth1764230500000 } from './1764230500000-Auth';
import { EventLog1764230600000 } from './1764230600000-EventLog';
import { SchoolRecords1764230700000 } from './1764230700000-SchoolRecords';
import { Prediksi1764230800000 } from './1764230800000-Prediksi';
import { Trash1764231300000 } from './1764231300000-Trash';
import { AuthHardening1764231200000 } from './1764231200000-AuthHardening';
import { SchoolYear1764231500000 } from './1764231500000-SchoolYear';
import { DistrictScale1764231800000 } from './1764231800000-DistrictScale';
import { TrainingDataChanges1764231900000 } from './1764231900000-TrainingDataChanges';
import { ModelQuality1764231750000 } from './1764231750000-ModelQuality';

/**
 * Every migration, in order. Listed explicitly (not globbed) so the app, the CLI and jest's global
 * setup load the same set the same way. Add each new migration here.
 */
export const MIGRATIONS = [
  AppSetting1764230400000,
  Auth1764230500000,
  EventLog1764230600000,
  SchoolRecords1764230700000,
  Prediksi1764230800000,
  AuthHardening1764231200000,
  Trash1764231300000,
  SchoolYear1764231500000,
  ModelQuality1764231750000,
  DistrictScale1764231800000,
  TrainingDataChanges1764231900000,
];
