import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The project folder: the nearest parent with this package's package.json (works from sources and bundles alike). */
export function projectRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && /"name":\s*"sqs-s3-wizard"/.test(readFileSync(pkg, 'utf8'))) return dir;
    if (dirname(dir) === dir) throw new Error(`package.json of sqs-s3-wizard not found above ${from}`);
  }
}
