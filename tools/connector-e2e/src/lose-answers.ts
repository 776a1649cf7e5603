import type { Transport, TransportRequest } from '@portage/fetch';

/** Loses platform answers on demand; pass `wrap` as `startSpecSyncWorld({ transport })`. */
export interface AnswerLoss {
  wrap(toServer: Transport): Transport;
  /** Loses the answers of the next `count` requests that match (default 1). */
  loseNext(match: (request: TransportRequest) => boolean, count?: number): void;
  /** How many answers were lost so far. */
  readonly lost: number;
}

/**
 * A transport wrapper that delivers every request but, once armed with `loseNext`, drops the
 * answers of matching requests: the platform handles each one, then the connection resets
 * before its answer arrives (ECONNRESET), exactly the case idempotency keys exist for.
 *
 * @example
 * const loss = createAnswerLoss();
 * const world = await startSpecSyncWorld({ ..., transport: loss.wrap });
 * loss.loseNext((request) => request.method === 'POST');
 */
export function createAnswerLoss(): AnswerLoss {
  let armed: { match: (request: TransportRequest) => boolean; left: number } | undefined;
  let lost = 0;
  return {
    wrap: (toServer) => async (request) => {
      const response = await toServer(request);
      if (!armed || armed.left <= 0 || !armed.match(request)) return response;
      armed.left -= 1;
      lost += 1;
      // Read the answer off the wire (the platform sent it), then drop it.
      for await (const chunk of response.body) void chunk;
      throw Object.assign(new Error(`connector-e2e lost the answer to ${request.method} ${new URL(request.url).pathname} (the platform handled it)`), { code: 'ECONNRESET' });
    },
    loseNext(match, count = 1) {
      armed = { match, left: count };
    },
    get lost() {
      return lost;
    },
  };
}
