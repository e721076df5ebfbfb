import * as fs from 'node:fs';
import * as path from 'node:path';

/** This package's own manifest, found from wherever the code runs (sources under test, or dist/). */
export function ownPackage(): { name: string; version: string } {
  for (let directory = __dirname; ; directory = path.dirname(directory)) {
    const candidate = path.join(directory, 'package.json');
    if (fs.existsSync(candidate)) {
      const json = JSON.parse(fs.readFileSync(candidate, 'utf8')) as {
        name: string;
        version: string;
      };
      if (json.name === 'eslint-plugin-structured-logging') return json;
    }
    if (path.dirname(directory) === directory)
      throw new Error('eslint-plugin-structured-logging: package.json not found');
  }
}
