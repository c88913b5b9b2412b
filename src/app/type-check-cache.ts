import * as fs from 'fs';
import * as path from 'path';
import type { TypeCheckCache } from '../compiler';
import { writeFileAtomic } from '../util/atomic-write';

const MAX_KEYS = 32;

/**
 * Clean type-check results remembered in node_modules/.cache/schemac (where build tools keep
 * their caches), so planning an unchanged schema again skips TypeScript's check, most of the
 * compile time. Best effort: without a node_modules folder, or when the file cannot be read or
 * written, every run simply checks.
 */
export function fileTypeCheckCache(projectDir: string): TypeCheckCache | undefined {
  const modules = path.join(projectDir, 'node_modules');
  if (!fs.existsSync(modules)) return undefined;
  const file = path.join(modules, '.cache', 'schemac', 'type-check.json');
  let keys: string[] = [];
  try {
    const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as { keys?: unknown };
    if (Array.isArray(doc.keys)) keys = doc.keys.filter((k): k is string => typeof k === 'string');
  } catch {
    // No cache yet, or an unreadable one: start empty.
  }
  return {
    // TypeScript's incremental state lives beside the remembered verdicts.
    incrementalFolder: path.join(modules, '.cache', 'schemac', 'tsc'),
    has: (key) => keys.includes(key),
    remember(key) {
      keys = [key, ...keys.filter((k) => k !== key)].slice(0, MAX_KEYS);
      try {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        writeFileAtomic(file, JSON.stringify({ keys }));
      } catch {
        // A read-only node_modules only costs the next run its type check.
      }
    },
  };
}
