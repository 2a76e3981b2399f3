import { AppSetting } from './app-setting.entity';
import { User } from '../auth/user.entity';
import { RefreshToken, UserSession } from '../auth/session.entity';
import { EventLog } from '../events/event-log.entity';
import { SCHOOL_RECORD_ENTITIES } from '../common/records/record-entities';
import { PrediksiHistory } from '../prediksi/prediksi-history.entity';
import { PrediksiModel } from '../prediksi/model.entity';

/** Every TypeORM entity; listed explicitly so the app, the CLI and tests agree. Add new entities here. */
export const ENTITIES = [AppSetting, User, UserSession, RefreshToken, EventLog, ...SCHOOL_RECORD_ENTITIES, PrediksiModel, PrediksiHistory];
