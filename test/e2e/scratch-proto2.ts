import * as fs from 'fs'; import * as os from 'os'; import * as path from 'path';
import { schemac, repoRoot } from '../cli/run-cli';
import { createEngine } from '../standin/engine';
import { startStandin } from '../standin/server';
(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-'));
  fs.mkdirSync(path.join(dir, 'schema'));
  for (const f of fs.readdirSync(path.join(repoRoot, 'schema'))) fs.copyFileSync(path.join(repoRoot, 'schema', f), path.join(dir, 'schema', f));
  const s = await startStandin({ engine: createEngine({ password: 'Xq9!pw-Secret' }) });
  const url = `mssql://sa:${encodeURIComponent('Xq9!pw-Secret')}@127.0.0.1:${s.port}/app?encrypt=false`;
  for (let i = 0; i < 3; i++) { const t = Date.now(); const r = await schemac(['snapshot', '--database', url], { cwd: dir }); console.log('snap', Date.now() - t, r.code); }
  let t = Date.now();
  let r = await schemac(['apply', '--database', url, '--auto-approve', '--no-type-check'], { cwd: dir }); console.log('apply', Date.now() - t, r.code);
  for (let i = 0; i < 3; i++) { const t = Date.now(); const r = await schemac(['plan', '--database', url, '--no-type-check'], { cwd: dir }); console.log('plan', Date.now() - t, r.code); }
  for (let i = 0; i < 2; i++) { const t = Date.now(); const r = await schemac(['snapshot', '--database', url], { cwd: dir }); console.log('snap', Date.now() - t, r.code); }
  await s.close();
})();
