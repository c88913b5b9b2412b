import * as fs from 'fs';
import { tempProject } from './support/project';
import { PROJECTS_SCHEMA } from './support/projects-schema';
import { standinTarget } from './real-server';
process.on('uncaughtException', (e) => { console.log('UNCAUGHT', e.stack, (e as any).context); });
(async () => {
  const t = await standinTarget.start();
  const p = tempProject(false); p.write('projects.schema.ts', PROJECTS_SCHEMA);
  const plan = await p.run(['plan', '--database', t.url, '--format', 'json', '--no-type-check']);
  const st = JSON.parse(plan.stdout).statements.up.map((s: any) => s.sql);
  t.standin!.server.setFaults({ dropBeforeExecute: (r) => r.text.includes(st[4]) });
  const r = await p.run(['apply', '--database', t.url, '--auto-approve', '--no-type-check']);
  console.log(r.code, r.stderr);
  await new Promise((res) => setTimeout(res, 1000));
  await t.stop(); p.remove();
})();
