import { AppSetting } from './app-setting.entity';

/** Every TypeORM entity; listed explicitly so the app, the CLI and tests agree. Add new entities here. */
export const ENTITIES = [AppSetting];
