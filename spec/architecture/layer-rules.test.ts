import { lintWithLayerRules, type Snippet } from './layer-lint'

/** A case: a file inside lib/, one import line, and the folder named by the expected refusal. */
interface Case {
  readonly name: string
  readonly snippet: Snippet
  /** `undefined`: the import is allowed. */
  readonly refused?: RegExp
}

const importing = (filePath: string, line: string): Snippet => ({
  filePath,
  code: `${line}\nexport const used = [value]\n`,
})

const cases: readonly Case[] = [
  {
    name: 'errors (layer 0) importing client (layer 7)',
    snippet: importing('lib/errors/x.ts', "import { value } from '../client/execute'"),
    refused: /lib\/errors must not import lib\/client/,
  },
  {
    name: 'errors re-exporting from client',
    snippet: { filePath: 'lib/errors/x.ts', code: "export * from '../client/execute'\n" },
    refused: /lib\/errors must not import lib\/client/,
  },
  {
    name: 'a type-only import of a higher layer',
    snippet: importing('lib/http/x.ts', "import type { value } from '../auth/credentials'"),
    refused: /lib\/http must not import lib\/auth/,
  },
  {
    name: 'decode importing its sibling retry',
    snippet: importing('lib/decode/x.ts', "import { value } from '../retry/retryable'"),
    refused: /siblings in layer 2/,
  },
  {
    name: 'iam importing its sibling sts',
    snippet: importing('lib/iam/x.ts', "import { value } from '../sts/sts-operations'"),
    refused: /siblings in layer 8/,
  },
  {
    name: 'a folder importing the entry point lib/index.ts',
    snippet: importing('lib/retry/x.ts', "import { value } from '..'"),
    refused: /lib\/retry may import only errors, observe outside itself/,
  },
  {
    name: 'a folder importing a folder missing from LAYERS',
    snippet: importing('lib/client/x.ts', "import { value } from '../unlisted/thing'"),
    refused: /folder missing from LAYERS/,
  },
  {
    name: 'testing importing anything but errors',
    snippet: importing('lib/testing/x.ts', "import { value } from '../decode/json'"),
    refused: /lib\/testing must not import lib\/decode/,
  },
  {
    name: 'testing importing another file of errors than its types',
    snippet: importing('lib/testing/x.ts', "import { value } from '../errors/make'"),
    refused: /lib\/testing may import only errors\/types/,
  },
  {
    name: 'an entry point importing the emulator',
    snippet: importing('lib/x.ts', "import { value } from './emulator/start'"),
    refused: /must not import lib\/emulator/,
  },
  {
    name: 'a nested folder of decode importing client',
    snippet: importing('lib/decode/nested/x.ts', "import { value } from '../../client/execute'"),
    refused: /lib\/decode must not import lib\/client/,
  },
  {
    name: 'a layer importing an entry-point folder (an adapter)',
    snippet: importing('lib/client/x.ts', "import { value } from '../effect/effect-client'"),
    refused: /lib\/client must not import lib\/effect, which is above every layer/,
  },
  {
    name: 'an entry-point folder importing another one',
    snippet: importing('lib/fp-ts/x.ts', "import { value } from '../effect/effect-client'"),
    refused: /entry-point folders may not import each other/,
  },
  {
    name: 'an entry-point folder importing the emulator',
    snippet: importing('lib/iac/x.ts', "import { value } from '../emulator/start'"),
    refused: /lib\/iac must not import lib\/emulator/,
  },
  {
    name: 'the main entry point importing an adapter',
    snippet: importing('lib/index.ts', "import { value } from './fp-ts'"),
    refused: /a subpath entry the main entry must not load/,
  },
  {
    name: 'an entry-point folder importing the layers and lib/*.ts',
    snippet: {
      filePath: 'lib/iac/x.ts',
      code: [
        "import { a } from '../iam/iam-client'",
        "import { b } from '../acl'",
        "import { c } from '..'",
        "import { d } from '../operations'",
        "import { e } from './document'",
        'export const used = [a, b, c, d, e]',
        '',
      ].join('\n'),
    },
  },
  {
    name: 'client importing lower layers',
    snippet: {
      filePath: 'lib/client/x.ts',
      code: [
        "import { a } from '../errors/types'",
        "import { b } from '../retry/retry-policy'",
        "import { c } from '../auth/request-signer'",
        "import { d } from './runtime'",
        'export const used = [a, b, c, d]',
        '',
      ].join('\n'),
    },
  },
  {
    name: 'a nested folder importing its own folder',
    snippet: importing('lib/decode/nested/x.ts', "import { value } from '../json'"),
  },
  {
    name: 'packages anywhere',
    snippet: {
      filePath: 'lib/errors/x.ts',
      code: [
        "import { ok } from 'neverthrow'",
        "import * as t from 'io-ts'",
        "import { pipe } from 'fp-ts/function'",
        "import { createHash } from 'node:crypto'",
        'export const used = [ok, t, pipe, createHash]',
        '',
      ].join('\n'),
    },
  },
  {
    name: 'testing importing errors',
    snippet: importing('lib/testing/x.ts', "import type { value } from '../errors/types'"),
  },
  {
    name: 'an entry point importing any layer',
    snippet: importing('lib/x.ts', "import { value } from './iam/iam-client'"),
  },
  {
    name: 'the emulator importing SDK internals from a nested folder',
    snippet: importing('lib/emulator/handlers/x.ts', "import { value } from '../../acl/parse-acl'"),
  },
]

describe('layer rules (eslint.config.mjs)', () => {
  const { results } = lintWithLayerRules(cases.map((c) => c.snippet))

  it.each(cases.map((c, i) => [c.name, c, i] as const))('%s', (_name, c, i) => {
    const messages = results[i]!.messages
    if (c.refused === undefined) {
      expect(messages).toEqual([])
    } else {
      expect(messages).toHaveLength(1)
      expect(messages[0]!.ruleId).toBe('no-restricted-imports')
      expect(messages[0]!.message).toMatch(c.refused)
    }
  })
})
