/**
 * Keeps Node's `process.nextTick` fast for the life of the process. Imported
 * first, for its effect, by the lab; `pnpm bench throughput` loads it with
 * `--import` into its baseline servers too.
 *
 * On Node 20 (V8 11.3), `nextTick` builds its tick object as a literal with
 * computed keys, `{ [async_id_symbol]: …, [trigger_async_id_symbol]: …,
 * callback, args }`. V8 gives each property of such a literal one feedback
 * slot that knows one map or, from the second map on, any map (megamorphic,
 * for good); optimized code then defines the property through the runtime.
 * The maps a tick object goes through after its first property are held
 * only by the tick objects alive and, weakly, by their parent map. A full GC
 * that runs while no tick is pending frees them; the next tick object gets
 * new maps, three of the four slots turn megamorphic, and every `nextTick`
 * costs about six times as much from then on (90 → 570 ns). An HTTP
 * exchange makes about ten of them: server01 in that state answered 15–20 %
 * fewer requests a second, for as long as the process lived, in about one
 * start in twelve (perf: `Runtime_DefineKeyedOwnPropertyInLiteral` under
 * `nextTick`; `%DebugPrint(process.nextTick)` shows the slots).
 *
 * One tick object kept alive keeps its maps, so they are never made again.
 * It is taken from the one public place that hands tick objects out, an
 * async hook's `init`, enabled for a single `nextTick` here.
 * `tick-object-maps.test.ts` shows both states.
 */
import { createHook } from 'node:async_hooks';

function keptTickObject(): object | undefined {
  let kept: object | undefined;
  const hook = createHook({
    init(_asyncId, type, _triggerAsyncId, resource) {
      if (type === 'TickObject') kept ??= resource as object;
    },
  });
  hook.enable();
  process.nextTick(() => {});
  hook.disable();
  return kept;
}

/** A tick object, held for the life of the process (undefined if Node gave none). */
export const TICK_OBJECT_KEPT: object | undefined = keptTickObject();
