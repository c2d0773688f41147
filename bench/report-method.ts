/** The "Method" section of BENCHMARKS.md: how each number was measured (filled in from the run's options). */
import type { Results } from './report'

export function methodLines(r: Results): string[] {
  const t = r.throughput?.options
  const ab = r.ablation?.ladder.options
  const e = r.emulator?.options
  const sizes = e?.stateSizes.map((n) => n.toLocaleString('en-US')).join(' and ')
  return [
    '**Canned server**: `bench/server.ts`, a minimal keep-alive HTTP/1.1 server on `net` in a forked process; fixed getUser JSON body (and a 500-user listUsers body), unique `x-bce-request-id`, no signature check, never fails (so retries are never involved). Its CPU share is reported per contender so server saturation is visible.',
    `**Throughput**: per concurrency level (1 and 32; connections = concurrency) each contender gets its own pool, a warm-up (${t?.warmupMs ?? '?'} ms), then ${t?.rounds ?? '?'} rounds of ${t?.roundMs ?? '?'} ms, contender order rotated every round; before each round the harness waits (≤ 3 s, ≤ ${r.quietBudgetSeconds ?? 45} s per run) for other processes to drop below 30% of a core, then runs a full GC and a short re-prime. ops/s = median over rounds; p50/p99 over all calls; CPU = \`process.cpuUsage()\` delta ÷ calls (client process). Ratios are medians of per-round ratios (contenders paired within a round).`,
    '**SDK under test**: the `tsc -p tsconfig.build.json` output, laid out as an installed package (bench/sdk.ts), sharing one undici instance with the raw contenders; only its public API is used (`IamClient`, `signRequest`, `ResultAsync`, `bce-iam/emulator`); the harness itself runs under tsx.',
    '**Two floors**: the **honest floor** does the body work the SDK does: undici `Pool.request` with a precomputed Authorization, `body.json()`, then the checks and shaping into the same `User` (required `id`/`name` strings, optional fields type-checked, BCE dates into `Date`, absent fields omitted, a fresh object; bench/honest-user.ts); it neither signs per call nor allocates Results, which are SDK costs. The **text-only floor** (the v0.1 floor) reads the body as text and does nothing with it: kept for comparison with earlier reports. The SDK is judged against both.',
    '**Other contenders**: bce-iam `iam.getUser` (validate + sign + send + JSON.parse + decode + Result); the official `@baiducloud/sdk` **as shipped** through `BceBaseClient#sendRequest` (its real signer + node:http `HttpClient` + Q, Node\'s stock `http.globalAgent`, and its default `Connection: close` header, so a new TCP connection per call: what its users get) — the contender of the "× official" targets; naive undici + the official `Auth.generateAuthorization` per call + JSON.parse; for context only, raw undici `Pool.dispatch()` with a minimal body-collecting handler (the transport bce-iam is built on, without the Readable stream `Pool.request` builds per response), global `fetch`, and the official SDK tuned beyond what it ships with (its `Connection` header overridden to keep-alive and a keep-alive `http.globalAgent`, maxSockets = connections).',
    ...(ab === undefined
      ? []
      : [
          `**Ablation** (c=32, ${ab?.rounds ?? '?'} rounds of ${ab?.roundMs ?? '?'} ms, interleaved): a ladder of contenders on \`Pool.dispatch()\` (bench/ablation.ts), each adding one piece of the SDK's work: body to text; + JSON.parse; + User checks and shaping; + \`signRequest\` per call (date and timestamp memoised per second, as the SDK does); + \`ResultAsync\`/\`Result\` wrapping; then the full \`iam.getUser\`, whose increment over the last rung is the SDK's own pipeline (input validation, call settings, request building, retry/observer plumbing). The honest floor runs in the same rounds for reference. Then a ${r.ablation?.profile?.seconds ?? '?'} s V8 CPU profile of \`iam.getUser\` at c=32 (bench/profile-section.ts), its busy time split by category (bench/analyze-profile.ts).`,
        ]),
    ...(e === undefined
      ? []
      : [
          `**Emulator** (bench/emulator.ts): the compiled package's \`startEmulator\` in its own process per emulator (bench/emulator-host.ts), in memory, driven through the SDK at c=1 and c=32 (${e?.rounds ?? '?'} rounds of ${e?.roundMs ?? '?'} ms, interleaved): getUser of one of 500 users, listUsers of those 500, createUser of fresh users (a second emulator without the user limit); getUser and listUsers also against the canned server in the same rounds, the ceiling (ratio = emulator ÷ canned, medians of per-round ratios). State file: an emulator started with \`stateFile\` is seeded with ${sizes} users through the SDK (createUser, c=32), closed (its journal folded into the file), restarted from the file (start time = load); then sequential createUser calls (c=1, ${e?.stateRounds ?? '?'} alternating rounds of ${e?.createsPerRound ?? '?'}), each followed by an untimed deleteUser so the state keeps its size; mean createUser latency per round, median over rounds.`,
        ]),
    "**Signing**: tight loops on identical inputs (one timestamp, as in any burst of requests within one second, so bce-iam's per-second signing-key memo hits), interleaved rounds; both signers checked to produce identical `Authorization` strings first.",
    "**Decoding**: 500-user listUsers body; `listReader('users', userCodec).read(JSON.parse(text))` vs `JSON.parse(text)`, interleaved rounds.",
    "**Cold start**: that same build as `node_modules/bce-iam`, required by its absolute path (a bare `require('bce-iam')` inside this repository self-resolves to the repository's own `dist/`); `require()` timed inside fresh `node` processes (no flags), alternating with `require('@baiducloud/sdk')`; medians.",
    '**Memory**: N calls pending against a stalling endpoint (pool of N connections), forced GC, `heapUsed`/`arrayBuffers` delta ÷ N; medians of alternating repetitions.',
  ]
}
