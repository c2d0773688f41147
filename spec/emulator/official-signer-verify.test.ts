import fc from 'fast-check'
import { verifyAt, wireOf } from './verifier-harness'
import { officialRequestArbitrary, officialRequestOf, officialSign } from '../support/official-signer'
import { signingVectors } from '../support/vectors'

/** Requests the emulator must accept: host signed (it insists), header-list order as Go/ours emit it. */
const acceptable = officialRequestArbitrary().filter(
  (request) => request.headersToSign === undefined || request.headersToSign.includes('host'),
)

describe("the emulator verifies requests signed by Baidu's own signer", () => {
  it('accepts every random request the official signer signs', () => {
    fc.assert(
      fc.property(acceptable, (request) => {
        const authorization = officialSign(request)
        const verified = verifyAt(request, wireOf(request, authorization))
        expect(verified).toEqual({
          accessKeyId: request.ak,
          signedHeaders: new Set(authorization.split('/')[4]!.split(';')),
        })
      }),
      { numRuns: 300 },
    )
  })

  it('rejects the same requests signed with another secret', () => {
    fc.assert(
      fc.property(acceptable, (request) => {
        const authorization = officialSign({ ...request, sk: `${request.sk}x` })
        expect(verifyAt(request, wireOf(request, authorization))).toMatchObject({
          status: 400,
          code: 'SignatureDoesNotMatch',
        })
      }),
      { numRuns: 100 },
    )
  })

  it('rejects them when the path the server sees differs from the one signed', () => {
    fc.assert(
      fc.property(acceptable, (request) => {
        const authorization = officialSign(request)
        const wire = wireOf(request, authorization)
        expect(verifyAt(request, { ...wire, rawPath: `${wire.rawPath}x` })).toMatchObject({
          code: 'SignatureDoesNotMatch',
        })
      }),
      { numRuns: 100 },
    )
  })

  it.each(signingVectors.vectors.map((v) => [v.name, v] as const))(
    'accepts the %s vector as the official signer signs it (with its published timestamp)',
    (_name, vector) => {
      const request = officialRequestOf(vector)
      const authorization = officialSign(request)
      const result = verifyAt(request, wireOf(request, authorization))
      if (!authorization.split('/')[4]!.split(';').includes('host')) {
        // The emulator insists on a signed host, like every IAM API page says.
        expect(result).toMatchObject({ status: 400, code: 'InvalidHTTPAuthHeader' })
      } else {
        expect(result).toMatchObject({ accessKeyId: vector.ak })
      }
    },
  )
})
