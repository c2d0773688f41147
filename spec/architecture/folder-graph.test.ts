import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describeCycle, findCycle, folderGraph, relativeSpecifiers, sourceFiles } from './folder-graph'
import { lintWithLayerRules, root } from './layer-lint'

const lib = path.join(root, 'lib')

describe('the folder import graph of lib/', () => {
  it('has no cycle (imports from the files in the ESLint layer exception list left out)', () => {
    const { exceptions } = lintWithLayerRules([])
    const excepted = new Set(exceptions.map((exception) => exception.file.replace(/^lib\//, '')))
    const files = new Map(
      sourceFiles(lib)
        .filter((file) => !excepted.has(file))
        .map((file) => [file, readFileSync(path.join(lib, file), 'utf8')] as const),
    )
    const graph = folderGraph(files)
    expect(graph.size).toBeGreaterThan(5)
    const cycle = findCycle(graph)
    if (cycle.length > 0) throw new Error(`Folder import cycle in lib/:\n${describeCycle(graph, cycle)}`)
    expect(cycle).toEqual([])
  })

  it('finds the specifiers of imports, type imports, re-exports and dynamic imports', () => {
    const source = [
      "import { a } from '../errors/types'",
      "import type { B } from './b'",
      'import {',
      '  c,',
      "} from '../../acl/parse-acl'",
      "export * from '../retry/retry-policy'",
      "export type { D } from '../http/d'",
      "import './side-effect'",
      "const e = import('../client/e')",
      "const f = require('../auth/f')",
      "import { ok } from 'neverthrow'",
      "// a comment that mentions from '../nowhere' is not an import",
    ].join('\n')
    expect(relativeSpecifiers(source)).toEqual([
      '../errors/types',
      './b',
      '../../acl/parse-acl',
      '../retry/retry-policy',
      '../http/d',
      './side-effect',
      '../client/e',
      '../auth/f',
    ])
  })

  it('maps imports to folders, nested folders and the entry points included', () => {
    const graph = folderGraph(
      new Map([
        ['index.ts', "import { a } from './iam/iam-client'"],
        ['emulator/handlers/user.ts', "import { b } from '../../acl/parse-acl'\nimport { c } from '../state'"],
        ['retry/retry-policy.ts', "import { d } from '..'"],
      ]),
    )
    expect([...(graph.get('lib/*.ts')?.keys() ?? [])]).toEqual(['iam'])
    expect([...(graph.get('emulator')?.keys() ?? [])]).toEqual(['acl'])
    expect([...(graph.get('retry')?.keys() ?? [])]).toEqual(['lib/*.ts'])
  })

  it('reports a cycle with the files that make each edge', () => {
    const graph = folderGraph(
      new Map([
        ['errors/a.ts', "import { x } from '../observe/observe'"],
        ['observe/observe.ts', "import { y } from '../client/execute'"],
        ['client/execute.ts', "import { z } from '../errors/a'"],
        ['http/t.ts', "import { w } from '../errors/a'"],
      ]),
    )
    const cycle = findCycle(graph)
    expect(cycle).toEqual(['errors', 'observe', 'client', 'errors'])
    expect(describeCycle(graph, cycle)).toBe(
      [
        'errors -> observe (errors/a.ts)',
        'observe -> client (observe/observe.ts)',
        'client -> errors (client/execute.ts)',
      ].join('\n'),
    )
  })

  it('finds no cycle in a layered graph', () => {
    const graph = folderGraph(
      new Map([
        ['client/a.ts', "import { x } from '../errors/types'\nimport { y } from '../retry/r'"],
        ['retry/r.ts', "import { z } from '../errors/types'"],
      ]),
    )
    expect(findCycle(graph)).toEqual([])
  })
})
