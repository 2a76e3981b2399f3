import { JwtService } from '@nestjs/jwt';
import { TokenService } from './token.service';

const SECRET = 'token-service-spec-secret-token-service-spec';

/** The verified-token cache (issue #15) must refuse exactly what a fresh verification refuses. */
describe('TokenService.verifyAccess with its cache', () => {
  const jwt = new JwtService({ secret: SECRET });
  const tokens = new TokenService(jwt);
  const user = { id: 7, username: 'guru01', role: 'guru' as const };

  afterEach(() => jest.useRealTimers());

  it('answers a repeated token from the cache with the same caller, as a copy', () => {
    const { access_token } = tokens.issueAccess(user, 'session-a', 600);
    const verify = jest.spyOn(jwt, 'verify');
    const first = tokens.verifyAccess(access_token)!;
    first.role = 'admin'; // a caller changing its copy must not change what the cache answers
    const second = tokens.verifyAccess(access_token);
    expect(second).toEqual({ id: 7, username: 'guru01', role: 'guru', sessionId: 'session-a' });
    expect(verify).toHaveBeenCalledTimes(1);
    verify.mockRestore();
  });

  it('refuses a cached token once it expires', () => {
    jest.useFakeTimers({ now: new Date('2026-12-02T05:00:00Z') });
    const { access_token } = tokens.issueAccess(user, 'session-b', 60);
    expect(tokens.verifyAccess(access_token)).toBeDefined();
    jest.setSystemTime(new Date('2026-12-02T05:00:59Z'));
    expect(tokens.verifyAccess(access_token)).toBeDefined();
    jest.setSystemTime(new Date('2026-12-02T05:01:00Z'));
    expect(tokens.verifyAccess(access_token)).toBeUndefined();
  });

  it('does not let a cached token vouch for an altered one', () => {
    const { access_token } = tokens.issueAccess(user, 'session-c', 600);
    expect(tokens.verifyAccess(access_token)).toBeDefined();
    const [head, body, signature] = access_token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
    const forged = `${head}.${Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url')}.${signature}`;
    expect(tokens.verifyAccess(forged)).toBeUndefined();
    expect(tokens.verifyAccess(`${access_token}x`)).toBeUndefined();
  });
});
