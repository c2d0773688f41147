/**
 * Summarises a .cpuprofile: time by category (signing, validation, decoding, transport, pipeline,
 * Result allocation, undici, Node/V8, GC), time by owner (the nearest non-Node frame's package, so crypto or
 * Buffer work called from lib/ counts for the SDK), the top lib/ functions by self time, by self
 * time plus the Node/V8 internals they call directly, and by inclusive time.
 *   node -r tsx/cjs bench/analyze-profile.ts <file.cpuprofile> [--top=15] [--json]
 */
import fs from 'node:fs'

interface CallFrame {
  functionName: string
  url: string
  lineNumber: number
}
interface ProfileNode {
  id: number
  callFrame: CallFrame
  children?: number[]
}
export interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
  startTime: number
  endTime: number
}

export type Owner =
  | 'bce-iam lib/'
  | 'undici'
  | 'neverthrow'
  | 'io-ts/fp-ts'
  | '@baiducloud/sdk'
  | 'other node_modules'
  | 'bench harness'
  | 'node/V8 (no JS owner)'
  | '(garbage collector)'
  | '(program)'
  | '(idle)'

function ownerOf(frame: CallFrame): Owner | undefined {
  const { url, functionName } = frame
  if (functionName === '(garbage collector)') return '(garbage collector)'
  if (functionName === '(program)') return '(program)'
  if (functionName === '(idle)') return '(idle)'
  if (url.includes('/node_modules/bce-iam/')) return 'bce-iam lib/'
  if (url.includes('/node_modules/undici/')) return 'undici'
  if (url.includes('/node_modules/neverthrow/')) return 'neverthrow'
  if (url.includes('/node_modules/io-ts/') || url.includes('/node_modules/fp-ts/')) return 'io-ts/fp-ts'
  if (url.includes('/node_modules/@baiducloud/')) return '@baiducloud/sdk'
  if (url.includes('/node_modules/')) return 'other node_modules'
  if (url.includes('/lib/') && !url.startsWith('node:')) return 'bce-iam lib/'
  if (url.includes('/bench/')) return 'bench harness'
  return undefined // node:internal, native, V8 builtins: belong to their caller
}

/** Where a sample's time goes in the getUser breakdown (bench/profile-section.ts). */
export type Category =
  | 'signing (auth/)'
  | 'validation + request building (operation/)'
  | 'decoding + JSON.parse (decode/, models)'
  | 'SDK transport (http/)'
  | 'SDK pipeline (client/, retry/, observe/, errors/, clients)'
  | 'Result allocation (neverthrow)'
  | 'undici'
  | 'node/V8 without a JS caller (sockets, streams, timers)'
  | 'garbage collector'
  | 'bench harness'
  | 'other'

/** The SDK folder of a frame of the built package (`…/node_modules/bce-iam/dist/<folder>/…`), if it is one. */
function sdkFolder(url: string): string | undefined {
  const at = url.indexOf('/node_modules/bce-iam/dist/')
  if (at === -1) return undefined
  const rest = url.slice(at + '/node_modules/bce-iam/dist/'.length)
  const slash = rest.indexOf('/')
  return slash === -1 ? '' : rest.slice(0, slash)
}

function categoryOf(owner: Owner | undefined, frame: CallFrame | undefined): Category | undefined {
  switch (owner) {
    case 'undici':
      return 'undici'
    case 'neverthrow':
      return 'Result allocation (neverthrow)'
    case 'io-ts/fp-ts':
      return 'decoding + JSON.parse (decode/, models)'
    case 'bench harness':
      return 'bench harness'
    case '(garbage collector)':
      return 'garbage collector'
    case '(idle)':
      return undefined
    case undefined:
    case 'node/V8 (no JS owner)':
    case '(program)':
      return 'node/V8 without a JS caller (sockets, streams, timers)'
    case 'bce-iam lib/': {
      const url = frame?.url ?? ''
      const folder = sdkFolder(url)
      const file = url.slice(url.lastIndexOf('/') + 1)
      if (folder === 'auth') return 'signing (auth/)'
      if (folder === 'operation' || file === 'call-settings.js') return 'validation + request building (operation/)'
      if (folder === 'decode' || /-model\.js$/.test(file)) return 'decoding + JSON.parse (decode/, models)'
      if (folder === 'http') return 'SDK transport (http/)'
      return 'SDK pipeline (client/, retry/, observe/, errors/, clients)'
    }
    default:
      return 'other'
  }
}

/**
 * Busy time by {@link Category}: every sample is charged to the nearest frame with an owner
 * (Node/V8 internals to their JS caller, so crypto under the signer counts as signing and
 * JSON.parse under the decoder as decoding); idle time is left out.
 */
export function byCategory(profile: Profile): Array<{ category: Category; ms: number; pct: number }> {
  const byId = new Map<number, ProfileNode>()
  for (const n of profile.nodes) byId.set(n.id, n)
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const totals = new Map<Category, number>()
  let busy = 0
  for (let i = 0; i < profile.samples.length; i += 1) {
    const us = Math.max(0, profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0)
    let cur: number | undefined = profile.samples[i]
    let owner: Owner | undefined
    let frame: CallFrame | undefined
    while (cur !== undefined) {
      const f = (byId.get(cur) as ProfileNode).callFrame
      owner = ownerOf(f)
      if (owner !== undefined) {
        frame = f
        break
      }
      cur = parent.get(cur)
    }
    const category = categoryOf(owner, frame)
    if (category === undefined) continue
    busy += us
    totals.set(category, (totals.get(category) ?? 0) + us)
  }
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([category, us]) => ({ category, ms: us / 1000, pct: (100 * us) / busy }))
}

export interface Summary {
  totalMs: number
  busyMs: number
  byOwner: Array<{ owner: string; ms: number; pct: number }>
  libSelf: Array<{ fn: string; ms: number; pct: number }>
  libSelfPlusInternals: Array<{ fn: string; ms: number; pct: number }>
  libInclusive: Array<{ fn: string; ms: number; pct: number }>
  nodeInternalsUnderLib: Array<{ fn: string; ms: number; pct: number }>
  allSelf: Array<{ fn: string; ms: number; pct: number }>
}

const label = (f: CallFrame): string => {
  const file = f.url
    .replace(/^file:\/\//, '')
    .replace(/^.*\/node_modules\/bce-iam\/dist\//, 'dist/')
    .replace(/^.*?\/(lib|bench|node_modules)\//, '$1/')
  return `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}`
}

export function summarise(profile: Profile, top = 15): Summary {
  const byId = new Map<number, ProfileNode>()
  for (const n of profile.nodes) byId.set(n.id, n)
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  // time per node id (µs): timeDeltas[i+1] is the time until the next sample.
  const self = new Map<number, number>()
  for (let i = 0; i < profile.samples.length; i += 1) {
    const dt = profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0
    const id = profile.samples[i] as number
    self.set(id, (self.get(id) ?? 0) + Math.max(0, dt))
  }
  const add = (m: Map<string, number>, k: string, v: number): void => {
    m.set(k, (m.get(k) ?? 0) + v)
  }
  const owners = new Map<string, number>()
  const libSelf = new Map<string, number>()
  const libSelfPlus = new Map<string, number>()
  const libIncl = new Map<string, number>()
  const internalsUnderLib = new Map<string, number>()
  const allSelf = new Map<string, number>()
  let total = 0
  let idle = 0
  for (const [id, us] of self) {
    total += us
    const node = byId.get(id) as ProfileNode
    const own = ownerOf(node.callFrame)
    if (own === '(idle)') idle += us
    // Nearest frame with an owner (self included).
    let cur: number | undefined = id
    let owner: Owner | undefined
    let ownerFrame: CallFrame | undefined
    while (cur !== undefined) {
      const f = (byId.get(cur) as ProfileNode).callFrame
      owner = ownerOf(f)
      if (owner !== undefined) {
        ownerFrame = f
        break
      }
      cur = parent.get(cur)
    }
    add(owners, owner ?? 'node/V8 (no JS owner)', us)
    if (own !== '(idle)') add(allSelf, label(node.callFrame), us)
    if (own === 'bce-iam lib/') add(libSelf, label(node.callFrame), us)
    if (owner === 'bce-iam lib/' && ownerFrame !== undefined) {
      add(libSelfPlus, label(ownerFrame), us)
      if (own === undefined)
        add(internalsUnderLib, `${label(node.callFrame)}  ← ${ownerFrame.functionName || '(anonymous)'}`, us)
    }
    // Inclusive: every distinct lib/ function on the stack.
    const seen = new Set<string>()
    cur = id
    while (cur !== undefined) {
      const f = (byId.get(cur) as ProfileNode).callFrame
      if (ownerOf(f) === 'bce-iam lib/') {
        const k = label(f)
        if (!seen.has(k)) {
          seen.add(k)
          add(libIncl, k, us)
        }
      }
      cur = parent.get(cur)
    }
  }
  const busy = total - idle
  const list = (m: Map<string, number>, n: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, us]) => ({ fn: k, ms: us / 1000, pct: (100 * us) / busy }))
  return {
    totalMs: total / 1000,
    busyMs: busy / 1000,
    byOwner: [...owners.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([owner, us]) => ({ owner, ms: us / 1000, pct: owner === '(idle)' ? Number.NaN : (100 * us) / busy })),
    libSelf: list(libSelf, top),
    libSelfPlusInternals: list(libSelfPlus, top),
    libInclusive: list(libIncl, top),
    nodeInternalsUnderLib: list(internalsUnderLib, top),
    allSelf: list(allSelf, top),
  }
}

function print(s: Summary): void {
  const row = (pct: number, ms: number, text: string): string =>
    `${Number.isNaN(pct) ? '   —  ' : `${pct.toFixed(1).padStart(5)}%`} ${ms.toFixed(0).padStart(7)} ms  ${text}`
  console.log(
    `profile: ${s.totalMs.toFixed(0)} ms sampled, ${s.busyMs.toFixed(0)} ms busy (percentages are of busy time)`,
  )
  console.log('\nBy owner (Node/V8 internals charged to the nearest JS caller):')
  for (const o of s.byOwner) console.log(row(o.pct, o.ms, o.owner))
  const section = (title: string, items: Summary['libSelf']): void => {
    console.log(`\n${title}`)
    for (const i of items) console.log(row(i.pct, i.ms, i.fn))
  }
  section('Top lib/ functions by self time:', s.libSelf)
  section('Top lib/ functions by self time + the Node/V8 internals they call directly:', s.libSelfPlusInternals)
  section('Top Node/V8 internal frames called from lib/:', s.nodeInternalsUnderLib)
  section('Top lib/ functions by inclusive time:', s.libInclusive)
  section('Top frames overall by self time (any owner):', s.allSelf)
}

if (require.main === module) {
  const file = process.argv[2]
  if (file === undefined) {
    console.error('usage: analyze-profile.ts <file.cpuprofile> [--top=N] [--json]')
    process.exit(2)
  }
  const top = Number(process.argv.find((a) => a.startsWith('--top='))?.slice(6) ?? '15')
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile
  const summary = summarise(profile, top)
  const categories = byCategory(profile)
  if (process.argv.includes('--json')) console.log(JSON.stringify({ ...summary, categories }, null, 2))
  else {
    print(summary)
    console.log('\nBy category (the getUser breakdown of BENCHMARKS.md):')
    for (const c of categories)
      console.log(`${c.pct.toFixed(1).padStart(5)}% ${c.ms.toFixed(0).padStart(7)} ms  ${c.category}`)
  }
}
