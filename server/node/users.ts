import { domains, report, reportSource } from '../../mocks/data/erqi-2017-h1';
import { databaseSettings, prepareDatabase } from '../db/open';
import { createSqlAccounts } from '../db/sql-accounts';
import { argon2Hasher } from './argon2-hasher';
import { CliError, runUsersCommand } from './users-cli';

// `npm run users -- …` (scripts/users.mjs runs this, built as dist-server/server/users.js): on the
// database the server uses (JINDU_DATA_DIR or DATABASE_URL). The embedded database is locked while
// the server runs; stop it first, or use DATABASE_URL's PostgreSQL, which both can share.

/** At a terminal: the typed line, not echoed. */
function readHidden(prompt: string): Promise<string> {
  process.stderr.write(prompt);
  const stdin = process.stdin;
  stdin.setRawMode(true);
  stdin.resume();
  return new Promise((resolve, reject) => {
    let typed = '';
    const onData = (chunk: Buffer) => {
      for (const character of chunk.toString('utf8')) {
        if (character === '\u0003') {
          finish();
          reject(new CliError('Cancelled.'));
          return;
        }
        if (character === '\r' || character === '\n' || character === '\u0004') {
          finish();
          resolve(typed);
          return;
        }
        typed = character === '\u007f' || character === '\b' ? Array.from(typed).slice(0, -1).join('') : typed + character;
      }
    };
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    stdin.on('data', onData);
  });
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return readHidden('Password (not shown): ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

const { db } = await prepareDatabase(databaseSettings(), [{ report, domains, source: reportSource }]);
try {
  const knownDomainIds = new Set(domains.map((domain) => domain.id));
  await runUsersCommand(process.argv.slice(2), {
    accounts: createSqlAccounts(db),
    hasher: argon2Hasher,
    knownDomainIds,
    io: { readInput: readStdin, out: (line) => process.stdout.write(`${line}\n`) },
  });
} catch (error) {
  process.stderr.write(`${error instanceof CliError ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await db.close();
}
