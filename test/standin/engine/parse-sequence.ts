/**
 * CREATE SEQUENCE, ALTER SEQUENCE and DROP SEQUENCE
 * (https://learn.microsoft.com/sql/t-sql/statements/create-sequence-transact-sql,
 * .../alter-sequence-transact-sql, .../drop-sequence-transact-sql). Options may come in any
 * order; each at most once (a repeated one is a syntax error here, inferred).
 */
import type { Name, SequenceOptionsDef, StatementBody } from './ast';
import { ModuleParser } from './parse-module';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Parses sequence DDL; the DDL layer extends it. */
export class SequenceParser extends ModuleParser {
  /** The rest of CREATE SEQUENCE after SEQUENCE. */
  protected createSequence(): StatementBody {
    const name = this.name();
    return { k: 'createSequence', name, options: this.sequenceOptions(true) };
  }

  /** The rest of ALTER SEQUENCE after SEQUENCE. */
  protected alterSequence(): StatementBody {
    const name = this.name();
    return { k: 'alterSequence', name, options: this.sequenceOptions(false) };
  }

  /** The rest of DROP SEQUENCE [IF EXISTS] a [, b ...]. */
  protected dropSequence(): StatementBody {
    const ifExists = this.accept('IF', 'EXISTS');
    const names: Name[] = [this.name()];
    while (this.accept(',')) names.push(this.name());
    return { k: 'dropSequence', names, ifExists };
  }

  /** A signed integer constant. */
  private constant(): bigint {
    let sign = 1n;
    if (this.accept('-')) sign = -1n;
    else this.accept('+');
    const t = this.next();
    if (t.kind !== 'number' || !/^\d+$/.test(t.text)) this.fail();
    return sign * BigInt(t.text);
  }

  private isConstant(): boolean {
    const t = this.peek();
    return t.kind === 'number' || ((t.text === '-' || t.text === '+') && this.peek(1).kind === 'number');
  }

  private sequenceOptions(create: boolean): SequenceOptionsDef {
    const o: Mutable<SequenceOptionsDef> = {};
    const once = (key: keyof SequenceOptionsDef): void => { if (o[key] !== undefined) this.fail(); };
    for (;;) {
      if (create && this.accept('AS')) { once('type'); o.type = this.type(); }
      else if (create && this.accept('START', 'WITH')) { once('start'); o.start = this.constant(); }
      else if (!create && this.accept('RESTART')) { once('restart'); o.restart = this.accept('WITH') ? this.constant() : 'start'; }
      else if (this.accept('INCREMENT', 'BY')) { once('increment'); o.increment = this.constant(); }
      else if (this.accept('NO', 'MINVALUE')) { once('min'); o.min = null; }
      else if (this.accept('NO', 'MAXVALUE')) { once('max'); o.max = null; }
      else if (this.accept('MINVALUE')) { once('min'); o.min = this.isConstant() ? this.constant() : null; }
      else if (this.accept('MAXVALUE')) { once('max'); o.max = this.isConstant() ? this.constant() : null; }
      else if (this.accept('NO', 'CYCLE')) { once('cycle'); o.cycle = false; }
      else if (this.accept('CYCLE')) { once('cycle'); o.cycle = true; }
      else if (this.accept('NO', 'CACHE')) { once('cache'); o.cache = false; }
      else if (this.accept('CACHE')) { once('cache'); o.cache = this.isConstant() ? Number(this.constant()) : null; }
      else break;
    }
    return o;
  }
}
