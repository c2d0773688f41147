import { readdirSync } from 'node:fs'
import path from 'node:path'

/** The folder of lib/ a file belongs to: its first folder, or `lib/*.ts` for the entry points. */
export function folderOf(libRelativeFile: string): string {
  const [first, ...rest] = libRelativeFile.split('/')
  return rest.length === 0 ? 'lib/*.ts' : (first ?? '')
}

/** Every `.ts` file under `dir`, relative to it, with `/` separators. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => file.split(path.sep).join('/'))
}

const specifierPattern =
  /(?:^|[\s;])(?:import|export)\s(?:[^'"`;]*?\sfrom\s*)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|\brequire\(\s*['"]([^'"]+)['"]\s*\)/g

/** The relative module specifiers a source imports or re-exports from (types included). */
export function relativeSpecifiers(source: string): string[] {
  return [...source.matchAll(specifierPattern)]
    .map((match) => match[1] ?? match[2] ?? match[3] ?? '')
    .filter((specifier) => specifier.startsWith('.'))
}

/** One import that crosses folders: the importing file, and the folder it reaches. */
export interface CrossImport {
  readonly file: string
  readonly folder: string
}

/** Folder → folder → the imports that make that edge. */
export type FolderGraph = ReadonlyMap<string, ReadonlyMap<string, readonly CrossImport[]>>

/** Builds the folder import graph of `files` (relative to lib/, with their sources). */
export function folderGraph(files: ReadonlyMap<string, string>): FolderGraph {
  const graph = new Map<string, Map<string, CrossImport[]>>()
  for (const [file, source] of files) {
    const from = folderOf(file)
    for (const specifier of relativeSpecifiers(source)) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier))
      const to = folderOf(target === '..' || target === '.' ? 'index' : target)
      if (to === from) continue
      const edges = graph.get(from) ?? new Map<string, CrossImport[]>()
      edges.set(to, [...(edges.get(to) ?? []), { file, folder: to }])
      graph.set(from, edges)
    }
  }
  return graph
}

/** The first cycle found, as a folder path whose last element repeats the first; `[]` if none. */
export function findCycle(graph: FolderGraph): string[] {
  const done = new Set<string>()
  const visit = (folder: string, trail: readonly string[]): string[] => {
    const seen = trail.indexOf(folder)
    if (seen >= 0) return [...trail.slice(seen), folder]
    if (done.has(folder)) return []
    for (const next of graph.get(folder)?.keys() ?? []) {
      const cycle = visit(next, [...trail, folder])
      if (cycle.length > 0) return cycle
    }
    done.add(folder)
    return []
  }
  for (const folder of graph.keys()) {
    const cycle = visit(folder, [])
    if (cycle.length > 0) return cycle
  }
  return []
}

/** A cycle with, for each edge, the files that make it: what a failing test prints. */
export function describeCycle(graph: FolderGraph, cycle: readonly string[]): string {
  return cycle
    .slice(1)
    .map((to, i) => {
      const from = cycle[i] ?? ''
      const files = (graph.get(from)?.get(to) ?? []).map((edge) => edge.file)
      return `${from} -> ${to} (${[...new Set(files)].join(', ')})`
    })
    .join('\n')
}
