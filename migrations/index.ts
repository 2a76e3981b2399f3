import { AppSetting1764230400000 } from './1764230400000-AppSetting';

/**
 * Every migration, in order. Listed explicitly (not globbed) so the app, the CLI and jest's global
 * setup load the same set the same way. Add each new migration here.
 */
export const MIGRATIONS = [AppSetting1764230400000];
