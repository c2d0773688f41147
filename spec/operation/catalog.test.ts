import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { OPERATION_CATALOG } from '../../lib/operations'
import { IamClient, StsClient } from '../../lib'
import { operationsTable } from '../../scripts/operations-table'

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8')

describe('the operation catalogue', () => {
  it('declares every operation of the research index (U1–U11, K1–K5, G1–G9, P1–P16, R1–R5, I1–I4, A1–A6, B1, S1–S2) and of issue #14', () => {
    // + getAccessKeyLastUsedTime and getAccountSummary (newer Go SDK)
    expect(OPERATION_CATALOG.filter((spec) => spec.service === 'iam')).toHaveLength(11 + 5 + 9 + 16 + 5 + 4 + 6 + 1 + 2)
    // + getSigninSecurityToken (Java SDK)
    expect(OPERATION_CATALOG.filter((spec) => spec.service === 'sts')).toHaveLength(2 + 1)
    expect(new Set(OPERATION_CATALOG.map((spec) => spec.name)).size).toBe(OPERATION_CATALOG.length)
  })

  it.each(OPERATION_CATALOG.map((spec) => [spec.name, spec] as const))(
    '%s: path placeholders are exactly its path fields',
    (_name, spec) => {
      const placeholders = [...spec.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
      const pathFields = Object.entries(spec.fields as Record<string, { in: string; required?: boolean }>)
        .filter(([, field]) => field.in === 'path')
        .map(([key, field]) => {
          expect(field.required).toBe(true)
          return key
        })
        .sort()
      expect(placeholders).toEqual(pathFields)
    },
  )

  it.each(OPERATION_CATALOG.map((spec) => [spec.name, spec] as const))(
    '%s: idempotent exactly when GET, PUT or DELETE',
    (_name, spec) => {
      expect(spec.idempotent).toBe(spec.method !== 'POST')
    },
  )

  it.each(OPERATION_CATALOG.map((spec) => [spec.name, spec] as const))(
    '%s: the client has a method of that name',
    (name, { service }) => {
      const client =
        service === 'iam'
          ? new IamClient({ credentials: { accessKeyId: 'a', secretAccessKey: 'b' } })
          : new StsClient({ credentials: { accessKeyId: 'a', secretAccessKey: 'b' } })
      expect(typeof (client as unknown as Record<string, unknown>)[name]).toBe('function')
    },
  )

  it('README.md holds exactly the operations table generated from the registries', () => {
    expect(readme).toContain(`\n${operationsTable()}\n`)
  })

  it.each(OPERATION_CATALOG.map((spec) => [spec.name, spec] as const))(
    '%s: README operations table row matches the declaration',
    (name, spec) => {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${name}\` |`))
      expect(row).toBeDefined()
      const cells = (row ?? '').split('|').map((cell) => cell.trim())
      expect(cells[2]).toBe(spec.method)
      expect(cells[3]).toBe(`\`${spec.path}${spec.flags === undefined ? '' : `?${spec.flags.join('&')}`}\``)
      expect(cells[4]).toBe(spec.idempotent ? 'yes' : 'no')
    },
  )
})
