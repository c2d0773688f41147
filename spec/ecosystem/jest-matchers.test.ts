import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { err, errAsync, ok, okAsync } from 'neverthrow'
import { bceMatchers } from '../../lib/testing'
import { makeClientError, makeServiceError } from '../../lib/errors/make'
import { withEmulator, type EmulatorFixture } from '../support/emulator'

expect.extend(bceMatchers)

const notFound = makeServiceError({
  kind: 'NotFound',
  code: 'NoSuchEntity',
  statusCode: 404,
  message: 'no such user',
  operation: 'getUser',
  attempts: 1,
  retryable: false,
})
const invalidInput = makeClientError({ reason: 'InvalidInput', message: 'userName is empty', operation: 'getUser' })

describe('bce-iam/jest matchers on a settled Result', () => {
  it('toBeOk and toBeErr pass and fail on Ok and Err, negated too', () => {
    expect(ok(1)).toBeOk()
    expect(err(notFound)).toBeErr()
    expect(err(notFound)).not.toBeOk()
    expect(ok(1)).not.toBeErr()
    expect(() => {
      expect(ok(1)).toBeErr()
    }).toThrow('expected an Err, received Ok(1)')
    expect(() => {
      expect(err(notFound)).toBeOk()
    }).toThrow(`expected an Ok, received Err(${String(notFound)})`)
    expect(() => {
      expect(ok(1)).not.toBeOk()
    }).toThrow('expected an Err, received Ok(1)')
  })

  it('toBeErrKind matches a service error kind or a client error reason, and nothing else', () => {
    expect(err(notFound)).toBeErrKind('NotFound')
    expect(err(invalidInput)).toBeErrKind('InvalidInput')
    expect(err(notFound)).not.toBeErrKind('AlreadyExists')
    expect(err(invalidInput)).not.toBeErrKind('NotFound')
    expect(ok(1)).not.toBeErrKind('NotFound')
    expect(() => {
      expect(err(notFound)).toBeErrKind('Conflict')
    }).toThrow(`expected an Err of kind Conflict, received Err(${String(notFound)})`)
    expect(() => {
      expect(ok('x')).toBeErrKind('NotFound')
    }).toThrow('expected an Err of kind NotFound, received Ok("x")')
    // A plain error whose field happens to match is not a BceError.
    expect(err({ kind: 'NotFound' })).not.toBeErrKind('NotFound')
  })

  it('fails, negated or not, on something that is not a Result or on an unknown kind', () => {
    for (const received of [42, null, { isOk: true }]) {
      expect(() => {
        expect(received).toBeOk()
      }).toThrow('expected a neverthrow Result or ResultAsync')
      expect(() => {
        expect(received).not.toBeOk()
      }).toThrow('expected a neverthrow Result or ResultAsync')
    }
    const unknownKind = 'NotFund' as 'NotFound'
    expect(() => {
      expect(err(notFound)).toBeErrKind(unknownKind)
    }).toThrow('toBeErrKind needs a ServiceErrorKind or ClientErrorReason')
    expect(() => {
      expect(err(notFound)).not.toBeErrKind(unknownKind)
    }).toThrow('toBeErrKind needs a ServiceErrorKind or ClientErrorReason')
  })

  it('work as plain functions with a minimal context, as vitest or any runner calls them', () => {
    expect(bceMatchers.toBeOk.call({}, ok(1))).toMatchObject({ pass: true })
    expect(bceMatchers.toBeErrKind.call({ isNot: false }, err(notFound), 'NotFound')).toMatchObject({ pass: true })
    const outcome = bceMatchers.toBeErr.call({}, ok({ id: 'a' }))
    if (outcome instanceof Promise) throw new Error('a settled Result is answered synchronously')
    expect(outcome.pass).toBe(false)
    expect(outcome.message()).toBe('expected an Err, received Ok([object Object])')
  })
})

describe('bce-iam/jest matchers on a ResultAsync', () => {
  it('take a ResultAsync directly (await the assertion) and after .resolves', async () => {
    await expect(okAsync(1)).toBeOk()
    await expect(errAsync(notFound)).toBeErrKind('NotFound')
    await expect(errAsync(invalidInput)).not.toBeOk()
    await expect(okAsync(1)).resolves.toBeOk()
    await expect(errAsync(notFound)).resolves.toBeErrKind('NotFound')
    await expect(expect(okAsync(1)).toBeErr()).rejects.toThrow('expected an Err, received Ok(1)')
    await expect(expect(Promise.resolve(7)).toBeOk()).rejects.toThrow('expected a neverthrow Result or ResultAsync')
    await expect(expect(Promise.reject(new Error('boom'))).not.toBeOk()).rejects.toThrow(
      'expected a ResultAsync, but the promise rejected',
    )
  })

  describe('against the emulator', () => {
    let fixture: EmulatorFixture
    beforeAll(async () => {
      fixture = await withEmulator()
    })
    afterAll(() => fixture.close())

    it('asserts real calls by kind and reason', async () => {
      await expect(fixture.iam.createUser({ name: 'matched' })).toBeOk()
      await expect(fixture.iam.createUser({ name: 'matched' })).toBeErrKind('AlreadyExists')
      await expect(fixture.iam.getUser({ userName: 'nobody' })).toBeErrKind('NotFound')
      await expect(fixture.iam.getUser({ userName: '' })).toBeErrKind('InvalidInput')
    })

    it("never shows a new access key's secret in a failure message", async () => {
      await expect(fixture.iam.createUser({ name: 'keyholder' })).toBeOk()
      const created = await fixture.iam.createAccessKey({ userName: 'keyholder' })
      const secret = created._unsafeUnwrap().secret
      expect(secret.length).toBeGreaterThan(0)
      let message = ''
      try {
        expect(created).toBeErr()
      } catch (failure) {
        message = String(failure)
      }
      expect(message).toContain('expected an Err, received Ok(')
      expect(message).toContain(created._unsafeUnwrap().id)
      expect(message).not.toContain(secret)
    })
  })
})

/** Type-level checks (never run): tsc rejects an unknown kind and types assertions by what they receive. */
export function typeChecks(): readonly unknown[] {
  // @ts-expect-error -- 'NotFund' is not a ServiceErrorKind or ClientErrorReason
  expect(err(notFound)).toBeErrKind('NotFund')
  const settled: void = expect(ok(1)).toBeOk()
  const pending: Promise<void> = expect(okAsync(1)).toBeOk()
  const resolved: Promise<void> = expect(okAsync(1)).resolves.toBeErr()
  return [settled, pending, resolved]
}

describe('bce-iam/jest stays free of test-runner code at run time', () => {
  it('imports jest, vitest or expect only as types, if at all', () => {
    for (const file of ['index.ts', 'jest-matchers.ts']) {
      const source = readFileSync(join(__dirname, '..', '..', 'lib', 'testing', file), 'utf8')
      const valueImports = source
        .split('\n')
        .filter((line) => /^\s*(import|export)\b.*\bfrom\s+'/.test(line) && !/^\s*(import|export) type\b/.test(line))
      for (const line of valueImports) expect(line).not.toMatch(/'(jest|vitest|expect|@jest\/[^']*|@vitest\/[^']*)'/)
      expect(source).not.toMatch(/require\(/)
    }
  })
})
