import { AppSetting } from './app-setting.entity';
import { User } from '../auth/user.entity';
import { RefreshToken, UserSession } from '../auth/session.entity';
import { EventLog } from '../events/event-log.entity';
import { Siswa } from '../siswa/siswa.entity';
import { NilaiRaport } from '../nilai/nilai.entity';
import { Presensi } from '../presensi/presensi.entity';
import { PenghasilanOrangTua } from '../penghasilan/penghasilan.entity';
import { Prestasi } from '../prestasi/prestasi.entity';
import { PrediksiHistory } from '../prediksi/prediksi-history.entity';
import { PrediksiModel } from '../prediksi/model.entity';
import { TrashItem } from '../trash/trash-item.entity';
import { RateLimitCounter } from '../common/rate-limit/rate-limit-counter.entity';
import { KkmMapel, TahunAjaran } from '../tahun-ajaran/tahun-ajaran.entity';
import { Rombel, RombelSiswa } from '../rombel/rombel.entity';
import { Penugasan } from '../penugasan/penugasan.entity';

/** Every TypeORM entity; listed explicitly so the app, the CLI and tests agree. Add new entities here. */
export const ENTITIES = [AppSetting, User, UserSession, RefreshToken, EventLog, Siswa, NilaiRaport, Presensi, PenghasilanOrangTua, Prestasi, PrediksiModel, PrediksiHistory, TrashItem, RateLimitCounter, TahunAjaran, KkmMapel, Rombel, RombelSiswa, Penugasan];
