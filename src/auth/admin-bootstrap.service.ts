import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { render } from '../i18n/catalogue';
import { passwordProblem } from './password-policy';
import { UsersService } from './users.service';

/**
 * Creates the first admin at start-up when there is none (API.md §2). Several replicas may start at
 * once: an advisory lock makes exactly one of them do it.
 */
@Injectable()
export class AdminBootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminBootstrapService.name);
  private generated: { username: string; password: string } | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The generated first-admin login, handed out once (for the start-up banner), then forgotten. */
  takeGeneratedLogin(): { username: string; password: string } | undefined {
    const login = this.generated;
    this.generated = undefined;
    return login;
  }

  async onApplicationBootstrap(): Promise<void> {
    const { adminUsername, adminPassword, adminEmail } = this.config.auth;
    const generated = adminPassword ? undefined : randomBytes(12).toString('base64url');
    const created = await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('edupro_admin_bootstrap'))`);
      const admins: Array<{ n: number }> = await manager.query(`SELECT count(*)::int AS n FROM users WHERE role = 'admin'`);
      if ((admins[0]?.n ?? 0) > 0) return false;
      if (await this.users.findByUsername(adminUsername, manager)) {
        this.logger.warn(`No admin exists, and the username ${adminUsername} is taken by a non-admin; set ADMIN_USERNAME`);
        return false;
      }
      const weakness = adminPassword ? passwordProblem(adminPassword, adminUsername) : undefined;
      if (weakness) {
        // Only when the admin is about to be created: an existing one keeps logging in with it.
        throw new Error(`ADMIN_PASSWORD is refused: ${render('en', weakness)}. Set a stronger one to create the first admin`);
      }
      await this.users.create(
        { username: adminUsername, email: adminEmail, password: adminPassword ?? (generated as string), role: 'admin', isActive: true },
        manager,
      );
      return true;
    });
    if (!created) return;
    if (generated) {
      // Shown once, in main.ts's start-up banner (console only, never the structured log).
      this.generated = { username: adminUsername, password: generated };
    } else {
      this.logger.log(`First admin account "${adminUsername}" created from ADMIN_USERNAME / ADMIN_PASSWORD`);
    }
  }
}
