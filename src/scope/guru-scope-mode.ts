/** `GURU_SCOPE`: `school` (every guru sees the whole school, the default) or `class` (a guru sees their classes). */
export const GURU_SCOPE_MODES = ['school', 'class'] as const;
export type GuruScopeMode = (typeof GURU_SCOPE_MODES)[number];
