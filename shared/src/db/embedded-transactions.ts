import { AsyncLocalStorage } from 'node:async_hooks';
import type { PGlite, Transaction } from '@electric-sql/pglite';

/**
 * A statement sent on the embedded database outside a transaction, from inside that same open
 * transaction: refused at once, because it could never run. PGlite is one connection; its `query`,
 * `exec` and `transaction` wait for the transaction that holds it to end, and that transaction is
 * waiting for the statement. On the server the same code would take another pooled connection (and
 * neither see the transaction's changes nor commit with it), so it is a bug on both databases.
 */
export class StatementOutsideOpenTransactionError extends Error {
  override readonly name = 'StatementOutsideOpenTransactionError';

  constructor() {
    super('a statement was sent outside its own open transaction, from inside it: send it on the transaction');
  }
}

interface HeldTransaction {
  readonly pglite: PGlite;
  open: boolean;
}

const held = new AsyncLocalStorage<HeldTransaction>();

/**
 * Makes `pglite` refuse, instead of waiting forever for, a statement or transaction started outside an
 * open transaction of its own from within that transaction's work (issue 15: the embedded database
 * has no statement or connect bounds, so such a wait would hang its request, and every request after
 * it, for good). Work the transaction started that runs on after it ends is not refused: the
 * transaction no longer holds the connection.
 */
export function refuseStatementsOutsideOpenTransaction(pglite: PGlite): void {
  const inside = (): boolean => {
    const transaction = held.getStore();
    return transaction !== undefined && transaction.open && transaction.pglite === pglite;
  };
  const query = pglite.query.bind(pglite);
  const exec = pglite.exec.bind(pglite);
  const transaction = pglite.transaction.bind(pglite);
  pglite.query = ((...args: Parameters<PGlite['query']>) =>
    inside() ? Promise.reject(new StatementOutsideOpenTransactionError()) : query(...args)) as PGlite['query'];
  pglite.exec = ((...args: Parameters<PGlite['exec']>) =>
    inside() ? Promise.reject(new StatementOutsideOpenTransactionError()) : exec(...args)) as PGlite['exec'];
  pglite.transaction = (<T>(callback: (tx: Transaction) => Promise<T>): Promise<T> => {
    if (inside()) return Promise.reject(new StatementOutsideOpenTransactionError());
    return transaction(async (tx) => {
      const state: HeldTransaction = { pglite, open: true };
      try {
        return await held.run(state, () => callback(tx));
      } finally {
        state.open = false;
      }
    });
  }) as PGlite['transaction'];
}
