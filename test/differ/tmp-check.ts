import { applyPlan } from '../support/simulate';
import { col, db, table } from '../support/model-builders';
const d = db([table('t', { columns: [col('price', 'int'), col('total', 'int', { computed: 'price * 2' })] })]);
try { applyPlan(d, [{ change: { kind: 'alterColumn', table: { schema: 'dbo', name: 't' }, from: col('price', 'int'), to: col('price', 'bigint') }, hazards: [], inverse: null }], 'up'); console.log('NOT REFUSED'); } catch (e) { console.log(String(e)); }
try { applyPlan(d, [{ change: { kind: 'dropColumn', table: { schema: 'dbo', name: 't' }, column: col('price', 'int') }, hazards: [], inverse: null }], 'up'); console.log('NOT REFUSED'); } catch (e) { console.log(String(e)); }
