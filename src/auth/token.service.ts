import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ROLES, type AuthUser, type Role } from '../common/role';

/** The claims of an access token. `typ` keeps any other token kind from passing as one. */
export interface AccessTokenClaims {
  sub: string;
  username: string;
  role: Role;
  sid: string;
  typ: 'access';
  iat?: number;
  exp?: number;
}

export interface IssuedAccessToken {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
}

/** Tokens verified by this process; a full cache is emptied (a client's next request verifies again). */
const MAX_VERIFIED = 10_000;

/** Signs and verifies access tokens (HS256 only) and mints opaque refresh tokens. */
@Injectable()
export class TokenService {
  /**
   * A client sends the same token on every request: its signature and claims are checked once and the
   * result kept by the exact token text (another text, even one byte, is verified afresh), so a
   * request pays a map lookup and the expiry check instead of an HMAC and two JSON parses.
   */
  private readonly verified = new Map<string, { user: AuthUser; exp: number }>();

  constructor(private readonly jwt: JwtService) {}

  issueAccess(user: Pick<AuthUser, 'id' | 'username' | 'role'>, sessionId: string, ttlSeconds: number): IssuedAccessToken {
    const claims: AccessTokenClaims = { sub: String(user.id), username: user.username, role: user.role, sid: sessionId, typ: 'access' };
    const token = this.jwt.sign(claims, { algorithm: 'HS256', expiresIn: ttlSeconds });
    return { access_token: token, token_type: 'bearer', expires_in: ttlSeconds };
  }

  /** The caller of a valid access token, or undefined for anything else (bad signature, alg none, expired or no exp, wrong kind). */
  verifyAccess(token: string): AuthUser | undefined {
    const known = this.verified.get(token);
    if (known) {
      // jsonwebtoken's rule: expired once now (whole seconds) reaches exp.
      if (Math.floor(Date.now() / 1000) < known.exp) return { ...known.user };
      this.verified.delete(token);
      return undefined;
    }
    const checked = this.verifyUncached(token);
    if (!checked) return undefined;
    if (this.verified.size >= MAX_VERIFIED) this.verified.clear();
    this.verified.set(token, checked);
    return { ...checked.user };
  }

  private verifyUncached(token: string): { user: AuthUser; exp: number } | undefined {
    let claims: Partial<AccessTokenClaims>;
    try {
      // The algorithm list is what refuses `alg: none` and key-confusion tricks.
      claims = this.jwt.verify<Partial<AccessTokenClaims>>(token, { algorithms: ['HS256'] });
    } catch {
      return undefined;
    }
    // jsonwebtoken checks exp only when present: a token without one would never expire.
    if (typeof claims.exp !== 'number') return undefined;
    const id = Number(claims.sub);
    if (claims.typ !== 'access' || !Number.isInteger(id) || id <= 0) return undefined;
    if (typeof claims.sid !== 'string' || typeof claims.username !== 'string') return undefined;
    if (!ROLES.includes(claims.role as Role)) return undefined;
    return { user: { id, username: claims.username, role: claims.role as Role, sessionId: claims.sid }, exp: claims.exp };
  }

  newRefreshToken(): { token: string; hash: string } {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: TokenService.hashRefresh(token) };
  }

  static hashRefresh(token: string): string {
    return createHash('sha256').update(token, 'utf8').digest('hex');
  }
}
