import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ApiKey, ApiKeyRole } from './api-key.entity';
import { displayPrefix, generateApiKey, hashApiKey } from './api-key-secret';
import { ApiKeysRepository } from './api-keys.repository';
import type { AuthenticatedKey } from './authenticated-key';
import { AppConfig } from '../config/app-config';
import { ConflictError } from '../common/errors/conflict.error';
import { NotFoundError } from '../common/errors/not-found.error';

const TOUCH_INTERVAL_MS = 60_000;
export const BOOTSTRAP_KEY_NAME = 'bootstrap admin (BOOTSTRAP_ADMIN_KEY)';

/** Issues, lists, revokes and checks API keys; creates the bootstrap admin key at boot. */
@Injectable()
export class ApiKeysService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ApiKeysService.name);

  constructor(
    private readonly repository: ApiKeysRepository,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const key = this.config.bootstrapAdminKey;
    if (key === undefined) return;
    const keyHash = hashApiKey(key);
    const created = await this.repository.insertIfAbsent({
      name: BOOTSTRAP_KEY_NAME,
      role: 'admin',
      keyHash,
      keyPrefix: displayPrefix(key),
    });
    if (created) {
      this.logger.log('Created the admin API key given by BOOTSTRAP_ADMIN_KEY');
      return;
    }
    const existing = await this.repository.findByHash(keyHash);
    if (existing?.revokedAt) {
      this.logger.warn('BOOTSTRAP_ADMIN_KEY names a key that was revoked; it stays revoked');
    } else if (existing && existing.role !== 'admin') {
      this.logger.warn(
        `BOOTSTRAP_ADMIN_KEY names an existing key of role ${existing.role}; its role is not changed`,
      );
    }
  }

  /** Creates a key and returns it with its secret, which is never shown again. */
  async create(name: string, role: ApiKeyRole): Promise<{ key: ApiKey; secret: string }> {
    const secret = generateApiKey();
    const key = await this.repository.insert({
      name,
      role,
      keyHash: hashApiKey(secret),
      keyPrefix: displayPrefix(secret),
    });
    return { key, secret };
  }

  list(): Promise<ApiKey[]> {
    return this.repository.listAll();
  }

  /** Revokes a key; its next request gets 401. The last active admin key cannot be revoked (no lock-out). */
  async revoke(id: string): Promise<void> {
    const key = await this.repository.findById(id);
    if (!key) throw new NotFoundError(`API key ${id} does not exist.`);
    if (key.revokedAt) return;
    if (key.role === 'admin' && (await this.repository.countActiveAdmins()) <= 1) {
      throw new ConflictError(
        'This is the last active admin key; create another admin key before revoking it, so the service stays manageable.',
      );
    }
    await this.repository.revoke(id, new Date());
  }

  /** The active key with this secret, or null when it is unknown or revoked. */
  async authenticate(secret: string): Promise<{ key: AuthenticatedKey } | { revoked: true } | null> {
    const key = await this.repository.findByHash(hashApiKey(secret));
    if (!key) return null;
    if (key.revokedAt) return { revoked: true };
    const now = new Date();
    if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
      this.repository.touch(key.id, now, TOUCH_INTERVAL_MS).catch((err: unknown) => {
        this.logger.warn(`Could not record the use of API key ${key.id}: ${String(err)}`);
      });
    }
    return { key: { id: key.id, name: key.name, role: key.role } };
  }
}
