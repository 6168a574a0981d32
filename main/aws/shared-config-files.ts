import { loadSharedConfigFiles, type SharedConfigFiles } from '@smithy/shared-ini-file-loader';

/** The shared config and credentials file paths the SDK would use: AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE honoured. */
export function sharedConfigPaths(env: NodeJS.ProcessEnv): { configFilepath?: string; filepath?: string } {
  return {
    ...(env['AWS_CONFIG_FILE'] ? { configFilepath: env['AWS_CONFIG_FILE'] } : {}),
    ...(env['AWS_SHARED_CREDENTIALS_FILE'] ? { filepath: env['AWS_SHARED_CREDENTIALS_FILE'] } : {}),
  };
}

/** Reads ~/.aws/config and ~/.aws/credentials afresh (an admin may edit them between two connects), as the SDK parses them. */
export function readSharedConfigFiles(env: NodeJS.ProcessEnv): Promise<SharedConfigFiles> {
  return loadSharedConfigFiles({ ignoreCache: true, ...sharedConfigPaths(env) });
}
