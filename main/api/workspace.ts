import type { AwsCredentialIdentity } from '@aws-sdk/types';
import type { Connection } from '../../shared/contract/aws-profile';
import { ApiFailure, apiError } from '../../shared/contract/api-error';
import type { AwsTarget } from '../aws/client-config';
import type { NetworkSettings } from '../aws/network/network-settings';
import type { SystemProxyResolver } from '../aws/network/system-proxy';
import { RecentWrites } from '../aws/recent-writes';
import { dataDir } from '../store/data-dir';

/**
 * What one front end works with: its environment, its AWS connection (credentials stay in this object, in main, and are
 * never serialised) and its data directory. Not Electron's `session`, which is the window's browser session.
 */
export class Workspace {
  private connection: Connection | null = null;
  private credentials: AwsCredentialIdentity | null = null;
  /** When each setup's whole plan was last found free of blockers (main/steps/plan-gate.ts), by setup. */
  private readonly clearPlans = new Map<string, number>();
  private network: NetworkSettings | null = null;
  /** The connection's target: one object per connect, so every operation reuses its clients and their open connections. */
  private session: AwsTarget | null = null;
  /** What this front end wrote and when: eventual consistency explains errors about these for a few minutes. */
  readonly recentWrites = new RecentWrites();

  constructor(
    readonly env: NodeJS.ProcessEnv = process.env,
    /** Front-end options: the CLI's --backup-dir; the desktop app's system proxy (Electron's session.resolveProxy). */
    readonly options: { readonly backupDir?: string; readonly systemProxy?: SystemProxyResolver } = {},
  ) {}

  /** The desktop app asks the system for a proxy when no proxy variable is set; other front ends have none. */
  systemProxy(): SystemProxyResolver | null {
    return this.options.systemProxy ?? null;
  }

  /** Where this front end keeps setups, backups and the audit log (SQS_S3_WIZARD_DATA_DIR or the OS app-data folder). */
  dataDir(): string {
    return dataDir(this.env);
  }

  /** Folder under which backups/<setup name>/ is written: the CLI's --backup-dir, else the data directory. */
  backupRoot(): string {
    return this.options.backupDir ?? this.dataDir();
  }

  /** Records that the whole plan of a setup had no blocked step just now. */
  rememberClearPlan(key: string): void {
    this.clearPlans.set(key, Date.now());
  }

  /** True when the whole plan of a setup was found free of blockers within `maxAgeMs`. */
  clearPlanIsFresh(key: string, maxAgeMs: number): boolean {
    const at = this.clearPlans.get(key);
    return at !== undefined && Date.now() - at <= maxAgeMs;
  }

  /** Records a successful connect, with the network (proxy, CA bundle, retries) its calls use. */
  connect(connection: Connection, credentials: AwsCredentialIdentity, network: NetworkSettings): void {
    // The previous connection's clients close their sockets; loaded here, since a command that never connects (the
    // profile list) should not load the AWS layer.
    const previous = this.session;
    if (previous) void import('../aws/clients').then(({ releaseClients }) => releaseClients(previous));
    this.connection = connection;
    this.credentials = credentials;
    this.network = network;
    this.session = null;
    this.clearPlans.clear();
  }

  /** The public part of the connection (what the UI may see). */
  current(): Connection | null {
    return this.connection;
  }

  /**
   * Where AWS calls go (the same object until the next connect, so clients are reused); fails with a clear value when
   * nobody connected yet or the credentials expired.
   */
  target(): AwsTarget & { readonly connection: Connection } {
    if (!this.connection || !this.credentials) {
      throw new ApiFailure(apiError('NOT_CONNECTED', 'Not connected to AWS yet.', { fix: 'Choose a profile and Region, then Connect.' }));
    }
    const expires = this.credentials.expiration?.getTime();
    if (expires !== undefined && expires < Date.now() + 30_000) {
      throw new ApiFailure(
        apiError('CREDENTIALS_EXPIRED', `The credentials of profile ${this.connection.profile} have expired.`, {
          fix: 'Connect again (for SSO, sign in first).',
          command: `aws sso login --profile ${this.connection.profile}`,
        }),
      );
    }
    this.session ??= {
      region: this.connection.region,
      credentials: this.credentials,
      env: this.env,
      ...(this.network ? { network: this.network } : {}),
      connection: this.connection,
    } as AwsTarget & { readonly connection: Connection };
    return this.session as AwsTarget & { readonly connection: Connection };
  }
}
