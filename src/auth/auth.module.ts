import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { RateLimitModule } from '../common/rate-limit/rate-limit.module';
import { RateLimitStore } from '../common/rate-limit/rate-limit.store';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AdminBootstrapService } from './admin-bootstrap.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JwtAuthGuard } from './jwt-auth.guard';
import { LOGIN_THROTTLE, PgLoginThrottle } from './login-throttle';
import { PasswordService } from './password.service';
import { RolesGuard } from './roles.guard';
import { SessionRevocationService } from './session-revocation.service';
import { SessionService } from './session.service';
import { TokenService } from './token.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** Users, sessions, tokens, the login throttle and the two guards setupApp applies globally (deny by default, then roles). */
@Module({
  imports: [
    RateLimitModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        if (!config.auth.jwtSecret) throw new Error('JWT_SECRET is not set');
        // A KeyObject made once: given a string, jsonwebtoken first tries (and fails) to parse it as a
        // public key on every verify, which cost a fifth of the CPU of an authenticated GET.
        const secret = createSecretKey(Buffer.from(config.auth.jwtSecret, 'utf8'));
        return { secret, signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } };
      },
    }),
  ],
  controllers: [AuthController, UsersController],
  providers: [
    PasswordService,
    TokenService,
    SessionRevocationService,
    SessionService,
    UsersService,
    AuthService,
    AdminBootstrapService,
    {
      provide: LOGIN_THROTTLE,
      inject: [APP_CONFIG, RateLimitStore],
      useFactory: (config: AppConfig, store: RateLimitStore) =>
        new PgLoginThrottle(store, {
          freeFailures: config.auth.loginFreeFailures,
          delaySeconds: config.auth.loginDelaySeconds,
          maxDelaySeconds: config.auth.loginMaxDelayMinutes * 60,
          maxPerUser: config.auth.loginMaxFailuresPerUser,
          maxPerIp: config.auth.loginMaxFailuresPerIp,
          windowSeconds: config.auth.loginWindowMinutes * 60,
        }),
    },
    // Applied globally, in order, by setupApp (src/app.setup.ts).
    JwtAuthGuard,
    RolesGuard,
  ],
  exports: [TokenService, SessionRevocationService, JwtAuthGuard, RolesGuard],
})
export class AuthModule {}
