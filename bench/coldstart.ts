/**
 * Section 4: cold import. Times `require('bce-iam')` (the tsc build laid out as an installed
 * package by bench/sdk.ts) and `require('@baiducloud/sdk')` in fresh `node` processes (no tsx,
 * no flags, cwd = the package root), alternating the two, and takes medians.
 */
import { execFileSync } from 'node:child_process'
import { PKG_ROOT } from './sdk'
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
  const out = execFileSync(process.execPath, ['-e', CHILD, moduleName], { cwd: PKG_ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } })
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
  sample('bce-iam')
  sample('@baiducloud/sdk')
  emptyProcess()
  const ours: ColdSample[] = []
  const official: ColdSample[] = []
  const empty: number[] = []
  for (let i = 0; i < runs; i += 1) {
    if (i % 2 === 0) {
      ours.push(sample('bce-iam'))
      official.push(sample('@baiducloud/sdk'))
    } else {
      official.push(sample('@baiducloud/sdk'))
      ours.push(sample('bce-iam'))
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
