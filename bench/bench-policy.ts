/** The policy every server in `pnpm bench throughput` applies: the classic credentialed PUT lesson. */
import { EMPTY_POLICY, originOf, type Policy } from '@cors-lab/shared';

export const BENCH_POLICY: Policy = {
  ...EMPTY_POLICY,
  allowOrigin: 'list',
  originList: [originOf('server02')],
  allowMethods: ['GET', 'PUT'],
  allowHeaders: ['X-Custom-Header'],
  allowCredentials: true,
  maxAge: 600,
  varyOrigin: true,
};
