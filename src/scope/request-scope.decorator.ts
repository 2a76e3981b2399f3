import { Inject, Injectable, type PipeTransform } from '@nestjs/common';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import type { AuthUser } from '../common/role';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { TeacherScope } from './teacher-scope';

/** The caller (set by the JWT guard) → their TeacherScope under the configured GURU_SCOPE. */
@Injectable()
export class TeacherScopePipe implements PipeTransform<AuthUser | undefined, TeacherScope> {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  transform(user: AuthUser | undefined): TeacherScope {
    return TeacherScope.of(user, this.config.guruScope);
  }
}

/**
 * A route parameter holding the request's TeacherScope; controllers hand it to the services, which
 * apply it to every query and write (`TeacherScope.SCHOOL` for admin and staf).
 */
export const RequestScope = (): ParameterDecorator => CurrentUser(TeacherScopePipe);
