import pkg from '../../package.json';

/** Product name shown in the UI and the CLI. */
export const APP_NAME = 'SQS (S3) setup wizard';
/** Version from package.json, bundled at build time. */
export const APP_VERSION: string = pkg.version;
