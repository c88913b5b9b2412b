/** Issue 5's lifecycle, on the stand-in and, with SCHEMAC_TEST_DATABASE_URL set, on that server too. */
import { describeLifecycle } from './lifecycle-suite';
import { e2eTargets } from './real-server';

for (const target of e2eTargets()) describeLifecycle(target);
