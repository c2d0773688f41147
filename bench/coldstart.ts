/**
 * Section 4: cold import. Times `require('bce-iam')` (the tsc build laid out as an installed
 * package by bench/sdk.ts) and `require('@baiducloud/sdk')` in fresh `node` processes (no tsx,
 * no flags, cwd = the package root), alternating the two, and takes medians.
 *
 * bce-iam is required by the absolute path of that installed copy: the package root lies inside
 * this repository, whose package.json is named `bce-iam` with `exports`, so a bare
 * `require('bce-iam')` there self-resolves to the repository's own `dist/` (whatever build
 * happens to be lying there) before node_modules is consulted.
 */
import { execFileSync } from 'node:child_process'
import { PKG_DIR, PKG_ROOT } from './sdk'
import { median } from './stats'

export interface ColdSample {
  /** `require()` alone, measured inside the child with hrtime. */
  readonly requireMs: number
  /** Whole child process, spawn to exit, measured by the parent. */
  readonly processMs: number
}

export interface ColdStartResult {
  readonly runs: number
  readonly ours: { readonly requireMs: number; readonly processMs: number; readonly samples: ColdSample[] }
  readonly official: { readonly requireMs: number; readonly processMs: number; readonly samples: ColdSample[] }
  /** `node -e ''` spawn-to-exit, for context. */
  readonly emptyProcessMs: number
}

const CHILD =
  'const t0=process.hrtime.bigint();require(process.argv[1]);const t1=process.hrtime.bigint();' +
  'process.stdout.write(String(Number(t1-t0)/1e6))'

function sample(moduleName: string): ColdSample {
  const started = performance.now()
  const out = execFileSync(process.execPath, ['-e', CHILD, moduleName], {
    cwd: PKG_ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  })
  const processMs = performance.now() - started
  return { requireMs: Number(out), processMs }
}

function emptyProcess(): number {
  const started = performance.now()
  execFileSync(process.execPath, ['-e', ''], { cwd: PKG_ROOT, env: { ...process.env, NODE_OPTIONS: '' } })
  return performance.now() - started
}

export function runColdStart(runs: number): ColdStartResult {
  // One discarded run each: page cache, compile cache.
  sample(PKG_DIR)
  sample('@baiducloud/sdk')
  emptyProcess()
  const ours: ColdSample[] = []
  const official: ColdSample[] = []
  const empty: number[] = []
  for (let i = 0; i < runs; i += 1) {
    if (i % 2 === 0) {
      ours.push(sample(PKG_DIR))
      official.push(sample('@baiducloud/sdk'))
    } else {
      official.push(sample('@baiducloud/sdk'))
      ours.push(sample(PKG_DIR))
    }
    empty.push(emptyProcess())
  }
  const summary = (s: ColdSample[]) => ({
    requireMs: median(s.map((x) => x.requireMs)),
    processMs: median(s.map((x) => x.processMs)),
    samples: s,
  })
  return {
    runs,
    ours: summary(ours),
    official: summary(official),
    emptyProcessMs: median(empty),
  }
}
