import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Algorithm, hash, verify } from '@node-rs/argon2';
import bcrypt from 'bcryptjs';

/** OWASP's argon2id baseline (m=19 MiB, t=2, p=1): ~5 ms per hash on these machines. */
const ARGON2_OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 };
const BCRYPT_PREFIX = /^\$2[aby]\$/;

export interface PasswordCheck {
  ok: boolean;
  /** The stored hash is a legacy (bcrypt) or weaker one and should be replaced now that we know the password. */
  needsRehash: boolean;
}

/** Hashing and verification, including the bcrypt hashes of users migrated from the old system. */
@Injectable()
export class PasswordService implements OnModuleInit {
  private dummyHash = '';

  async onModuleInit(): Promise<void> {
    // Verifying against this when the username is unknown keeps the timing of both failures alike.
    this.dummyHash = await this.hash('not-a-real-password-0123456789');
  }

  hash(password: string): Promise<string> {
    return hash(password, ARGON2_OPTIONS);
  }

  async check(storedHash: string, password: string): Promise<PasswordCheck> {
    if (BCRYPT_PREFIX.test(storedHash)) {
      const ok = await bcrypt.compare(password, storedHash);
      return { ok, needsRehash: ok };
    }
    try {
      const ok = await verify(storedHash, password);
      const needsRehash = ok && !storedHash.startsWith(`$argon2id$v=19$m=${ARGON2_OPTIONS.memoryCost},t=${ARGON2_OPTIONS.timeCost},p=1$`);
      return { ok, needsRehash };
    } catch {
      // A malformed stored hash must never let anyone in, nor crash the login.
      return { ok: false, needsRehash: false };
    }
  }

  /** Burns the same work as a real check, for unknown usernames. */
  async checkDummy(password: string): Promise<void> {
    await verify(this.dummyHash, password).catch(() => false);
  }
}
