/** Starts/stops the V8 CPU profiler in-process (so warm-up and tsx start-up stay out of the profile). */
import fs from 'node:fs'
import { Session } from 'node:inspector'
import path from 'node:path'
import { BENCH_TMP } from './sdk'

export const PROFILE_DIR = path.join(BENCH_TMP, 'profiles')

function post<T>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) => {
    session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result as T)))
  })
}

export async function startProfile(intervalUs = 100): Promise<(name?: string) => Promise<string>> {
  const session = new Session()
  session.connect()
  await post(session, 'Profiler.enable')
  await post(session, 'Profiler.setSamplingInterval', { interval: intervalUs })
  await post(session, 'Profiler.start')
  return async (name = 'profile') => {
    const { profile } = await post<{ profile: unknown }>(session, 'Profiler.stop')
    session.disconnect()
    fs.mkdirSync(PROFILE_DIR, { recursive: true })
    const file = path.join(PROFILE_DIR, `${name}.cpuprofile`)
    fs.writeFileSync(file, JSON.stringify(profile))
    return file
  }
}
