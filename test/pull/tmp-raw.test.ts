import { brownfieldSnapshot, describeDiagnostics, describePlan, modelOf, roundTrip } from './support';
test('raw', () => {
  const r = roundTrip(modelOf(brownfieldSnapshot()));
  console.log(describeDiagnostics(r.diagnostics).join('\n'), '\n', describePlan(r.plan).join('\n'));
});
