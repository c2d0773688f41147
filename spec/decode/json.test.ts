import { parseJsonBytes, parseJsonText } from '../../lib/decode/json'

describe('the JSON parse helper', () => {
  it('returns the parsed value, including JSON null and primitives', () => {
    expect(parseJsonText('{"a":[1,"x"]}')).toEqual({ value: { a: [1, 'x'] } })
    expect(parseJsonText('null')).toEqual({ value: null })
    expect(parseJsonText('"s"')).toEqual({ value: 's' })
  })

  it('reports a syntax error (or an empty text) as undefined instead of throwing', () => {
    for (const text of ['', '{', '{"a":1,}', 'undefined', '<html>']) expect(parseJsonText(text)).toBeUndefined()
  })

  it('reads UTF-8 bytes', () => {
    expect(parseJsonBytes(Buffer.from('{"名":"值"}', 'utf8'))).toEqual({ value: { 名: '值' } })
    expect(parseJsonBytes(Buffer.from([0x7b]))).toBeUndefined()
  })
})
